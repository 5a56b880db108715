package io.reengage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-partition top and its merge, without Spark. */
class TopDomainsTest {

  private static TopDomains.Domain d(String name, long addresses, long unengaged) {
    return new TopDomains.Domain(name, addresses, unengaged);
  }

  @Test
  void keepsTheLargestAndCountsEveryRow() {
    TopDomains top =
        TopDomains.of(
            List.of(d("c", 1, 1), d("a", 5, 0), d("b", 3, 2), d("e", 3, 1), d("d", 9, 4))
                .iterator(),
            3);
    assertThat(top.top()).containsExactly(d("d", 9, 4), d("a", 5, 0), d("b", 3, 2));
    assertThat(top.domains()).isEqualTo(5);
    assertThat(top.unengaged()).isEqualTo(8);
  }

  @Test
  void mergeKeepsTheTopOfBothAndAddsTheCounts() {
    TopDomains left = TopDomains.of(List.of(d("x", 4, 1), d("y", 2, 2)).iterator(), 2);
    TopDomains right = TopDomains.of(List.of(d("z", 3, 0), d("w", 1, 1)).iterator(), 2);
    TopDomains both = left.merge(right);
    assertThat(both.top()).containsExactly(d("x", 4, 1), d("z", 3, 0));
    assertThat(both.domains()).isEqualTo(4);
    assertThat(both.unengaged()).isEqualTo(4);
  }

  /**
   * Ties go by UTF-8 bytes, as Spark orders strings: U+FF61 (EF BD A1) before U+1F600 (F0 9F 98
   * 80), although Java's UTF-16 order puts the surrogate pair (D83D) first.
   */
  @Test
  void tiesGoByUtf8BytesAsInSpark() {
    String halfwidthStop = "\uFF61.example";
    String emoji = "\uD83D\uDE00.example";
    assertThat(emoji.compareTo(halfwidthStop)).isNegative();
    TopDomains top = TopDomains.of(List.of(d(emoji, 2, 0), d(halfwidthStop, 2, 0)).iterator(), 1);
    assertThat(top.top()).containsExactly(d(halfwidthStop, 2, 0));
  }
}
