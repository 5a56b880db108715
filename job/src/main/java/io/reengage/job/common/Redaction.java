package io.reengage.job.common;

import java.util.regex.Pattern;

/**
 * Last line of defence for messages that reach the console from code we do not control (Spark,
 * Hadoop, the JDK): anything shaped like an email address is replaced before it is printed.
 */
public final class Redaction {

  private static final Pattern EMAIL_LIKE =
      Pattern.compile("[^\\s@\"',;<>()\\[\\]]*@[^\\s@\"',;<>()\\[\\]]+");

  private Redaction() {}

  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    return EMAIL_LIKE.matcher(text).replaceAll("<redacted>");
  }
}
