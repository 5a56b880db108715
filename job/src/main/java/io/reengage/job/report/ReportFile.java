package io.reengage.job.report;

import io.reengage.job.common.Redaction;
import io.reengage.job.segment.SegmentSummary;
import io.reengage.job.write.OutputPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a segment run's {@code report.html} into its staging folder, to be published with it. */
public final class ReportFile {

  private static final Logger LOG = LoggerFactory.getLogger(ReportFile.class);

  private ReportFile() {}

  /**
   * Renders and stages the report and records its final location in the summary. The report is an
   * aid, the import the product: a report that cannot be drawn is logged and left out (the summary
   * then has no {@code reportUri}), and the run still publishes its import.
   */
  public static void stage(OutputPublisher publisher, SegmentSummary summary) {
    try {
      summary.reportUri = publisher.reportFile().toString();
      publisher.stageReport(ReportPage.render(summary.toMap()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      summary.reportUri = null;
      LOG.warn(
          "The report could not be written ({}); publishing the import without it",
          Redaction.redact(e.toString()));
    }
  }
}
