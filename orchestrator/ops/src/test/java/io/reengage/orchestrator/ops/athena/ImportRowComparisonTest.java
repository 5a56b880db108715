package io.reengage.orchestrator.ops.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
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

  @Test
  void csv_quotedCommasQuotesAndLineBreaks_andNullAsEmpty() throws Exception {
    CsvReader csv =
        new CsvReader(new StringReader("\"a,b\",\"say \"\"hi\"\"\",,\"\"\r\n\"x\ny\",z\nlast"));
    List<List<String>> rows = new ArrayList<>();
    List<String> r;
    while ((r = csv.next()) != null) {
      rows.add(r);
    }

    assertThat(rows)
        .containsExactly(
            List.of("a,b", "say \"hi\"", "", ""), List.of("x\ny", "z"), List.of("last"));
  }
}
