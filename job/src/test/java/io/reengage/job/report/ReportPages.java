package io.reengage.job.report;

import java.util.regex.Pattern;

/** Test helpers for reading report pages. */
public final class ReportPages {

  private static final Pattern BIG_SCRIPT =
      Pattern.compile("(?s)<script data-library=[^>]*>.*?</script>");

  private ReportPages() {}

  /** The page without the inlined library bundles: what remains is the report's own content. */
  public static String withoutLibraries(String html) {
    return BIG_SCRIPT.matcher(html).replaceAll("");
  }
}
