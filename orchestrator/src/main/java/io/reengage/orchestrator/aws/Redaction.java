package io.reengage.orchestrator.aws;

import java.util.regex.Pattern;

/**
 * Removes anything shaped like an email address from text that leaves the function (failure reasons
 * from Pinpoint can quote the offending row). Addresses are personal data and must not reach logs
 * or the execution history.
 */
public final class Redaction {

  private static final Pattern ADDRESS_LIKE =
      Pattern.compile("[^\\s,;:\"'<>()\\[\\]]+@[^\\s,;:\"'<>()\\[\\]]+");

  private Redaction() {}

  public static String redactAddresses(String text) {
    if (text == null) {
      return null;
    }
    return ADDRESS_LIKE.matcher(text).replaceAll("<address>");
  }
}
