package io.reengage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnusableAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "   ",
        "\t",
        "\r\n",
        "\u00a0", // no-break space: usable to athena-check before, unusable to the job
        "\u0085", // next line: likewise
        " \u00a0\u0085 ",
        "\u2007", // figure space
        "\u202f", // narrow no-break space
        "\u3000", // ideographic space
        "\u001c\u001f" // ASCII separators
      })
  void blankAddresses_areUnusable(String address) {
    assertThat(UnusableAddress.test(address)).isTrue();
  }

  @Test
  void null_isUnusable() {
    assertThat(UnusableAddress.test(null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@example.com",
        " a@example.com ",
        "\u00a0x",
        "\u200b", // zero-width space is not white space
        "\ufeff", // nor is a byte-order mark
        "\u0000"
      })
  void anythingElse_isUsable(String address) {
    assertThat(UnusableAddress.test(address)).isFalse();
  }

  /**
   * Spark's rlike runs java.util.regex find() with this regex on the executors; the plain-Java test
   * must say the same for every character, alone and padded with spaces.
   */
  @Test
  void theSparkRegexAndThePlainTest_agreeOnEveryCharacter() {
    Pattern regex = Pattern.compile(UnusableAddress.REGEX);
    for (int c = 0; c <= 0xFFFF; c++) {
      String alone = String.valueOf((char) c);
      String padded = " " + alone + " ";
      assertThat(UnusableAddress.test(alone))
          .as("U+%04X", c)
          .isEqualTo(regex.matcher(alone).find());
      assertThat(UnusableAddress.test(padded))
          .as("padded U+%04X", c)
          .isEqualTo(regex.matcher(padded).find());
    }
    assertThat(regex.matcher("").find()).isTrue();
  }
}
