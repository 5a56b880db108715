package io.reengage.contract;

import java.util.regex.Pattern;

/**
 * Replaces anything shaped like an email address before text leaves the product: messages from code
 * we do not control (Spark, Hadoop, the JDK) on the job's console, and Pinpoint's failure reasons
 * (which can quote the offending row) in the Lambdas' logs and the execution history. Addresses are
 * personal data.
 *
 * <p>Errs towards redacting: a token is any run of characters without white space, quotes,
 * brackets, commas, semicolons or {@code @}, an {@code @}, and another such run; the part before
 * the {@code @} may be empty and may include a colon (so {@code mailto:a@b.example} goes whole).
 */
public final class Redaction {

  /** What a redacted address reads as. */
  public static final String PLACEHOLDER = "<address>";

  private static final Pattern ADDRESS_LIKE =
      Pattern.compile("[^\\s@\"',;<>()\\[\\]]*@[^\\s@\"',;<>()\\[\\]]+");

  private Redaction() {}

  /** {@code text} with every address-like token replaced; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    return ADDRESS_LIKE.matcher(text).replaceAll(PLACEHOLDER);
  }
}
