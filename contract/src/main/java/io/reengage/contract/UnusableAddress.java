package io.reengage.contract;

/**
 * An address Pinpoint could never import: NULL, empty, or white space only (a documented deviation
 * from the Athena query, which keeps such rows). The job drops these from its output; {@code
 * compare} and {@code aws athena-check} leave them out of a comparison, so all three agree.
 *
 * <p>White space is Unicode's White_Space property (which includes the no-break space U+00A0 and
 * the next-line control U+0085) plus the ASCII separators U+001C to U+001F, which {@link
 * Character#isWhitespace} also counts. {@link #REGEX} says the same for Spark's {@code rlike},
 * which runs {@code java.util.regex} on the executors; a test checks the two agree on every
 * character.
 */
public final class UnusableAddress {

  /**
   * Matches (with {@code find}, as Spark's {@code rlike} does) exactly the unusable non-NULL
   * addresses. {@code (?U)} makes {@code \s} Unicode's White_Space.
   */
  public static final String REGEX = "(?U)^[\\s\\x1c-\\x1f]*$";

  private UnusableAddress() {}

  /** True for NULL, the empty string and strings made only of white space. */
  public static boolean test(String address) {
    if (address == null) {
      return true;
    }
    for (int i = 0; i < address.length(); i++) {
      if (!isWhiteSpace(address.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code isWhitespace} covers the ASCII controls and separators, {@code isSpaceChar} the Unicode
   * space separators including U+00A0; U+0085 is in neither but is White_Space. No white space lies
   * outside the BMP, so a surrogate is never white space.
   */
  private static boolean isWhiteSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
