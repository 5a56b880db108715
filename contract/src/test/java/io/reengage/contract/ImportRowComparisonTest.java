package io.reengage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportRowComparisonTest {

  private static List<String> row(String id, String delivered) {
    return List.of("EMAIL", id, id, "2", "1", "", delivered);
  }

  @Test
  void sameRowsInAnyOrder_areEqual() {
    ImportRowComparison c = new ImportRowComparison();
    c.addExpected(row("a", "6"));
    c.addExpected(row("b", "7"));
    c.addActual(row("b", "7"));
    c.addActual(row("a", "6"));

    assertThat(c.result()).isEqualTo(new ImportRowComparison.Result(2, 2, 0, 0, 0));
  }

  @Test
  void athenaRowsWithABlankAddress_areLeftOutAndCounted() {
    ImportRowComparison c = new ImportRowComparison();
    c.addExpected(row("a", "6"));
    c.addExpected(row("", "6"));
    c.addExpected(row("  ", "7"));
    c.addActual(row("a", "6"));

    assertThat(c.result()).isEqualTo(new ImportRowComparison.Result(1, 1, 0, 0, 0));
    assertThat(c.unusableExpected()).isEqualTo(2);
  }

  /** The case: athena-check reported a false missing row for these. */
  @Test
  void anIdOfANoBreakSpaceOrANextLine_isLeftOutLikeABlankOne() {
    ImportRowComparison c = new ImportRowComparison();
    c.addExpected(row("a", "6"));
    c.addExpected(row("\u00a0", "6"));
    c.addExpected(row("\u0085", "7"));
    c.addActual(row("a", "6"));

    assertThat(c.result()).isEqualTo(new ImportRowComparison.Result(1, 1, 0, 0, 0));
    assertThat(c.unusableExpected()).isEqualTo(2);
    assertThat(c.unusableActual()).isZero();
  }

  @Test
  void keepUnusable_comparesThemToo() {
    ImportRowComparison c = new ImportRowComparison(true);
    c.addExpected(row("a", "6"));
    c.addExpected(row("\u00a0", "6"));
    c.addActual(row("a", "6"));

    assertThat(c.result()).isEqualTo(new ImportRowComparison.Result(2, 1, 1, 0, 0));
    assertThat(c.unusableExpected()).isZero();
  }

  @Test
  void nullAndEmptyFields_areTheSame() {
    ImportRowComparison c = new ImportRowComparison();
    c.addExpected(Arrays.asList("EMAIL", "a", "a", "2", "1", null, "6"));
    c.addActual(row("a", "6"));

    assertThat(c.result().equal()).isTrue();
  }

  @Test
  void duplicates_mustMatchInNumber() {
    ImportRowComparison c = new ImportRowComparison();
    c.addExpected(row("a", "6"));
    c.addExpected(row("a", "6"));
    c.addActual(row("a", "6"));

    assertThat(c.result()).isEqualTo(new ImportRowComparison.Result(2, 1, 1, 0, 0));
  }

  @Test
  void sameIdOtherValues_isOneDifferingRow_theRestMissingOrExtra() {
    ImportRowComparison c = new ImportRowComparison();
    c.addExpected(row("a", "6"));
    c.addExpected(row("m", "9"));
    c.addActual(row("a", "8"));
    c.addActual(row("x", "6"));

    assertThat(c.result()).isEqualTo(new ImportRowComparison.Result(2, 2, 1, 1, 1));
  }
}
