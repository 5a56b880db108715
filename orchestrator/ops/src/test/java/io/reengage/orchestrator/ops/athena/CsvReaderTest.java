package io.reengage.orchestrator.ops.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison itself is tested in the contract module (ImportRowComparisonTest). */
class CsvReaderTest {

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
