package io.reengage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportCsvTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain@example.com|plain@example.com",
        "'\"smith,john\"@example.com'|'\"\"\"smith,john\"\"@example.com\"'",
        "'a\"b@example.com'|'\"a\"\"b@example.com\"'",
        "'comma,only@example.com'|'\"comma,only@example.com\"'",
        "' padded@example.com '|' padded@example.com '",
        "jürgen@exämple.de|jürgen@exämple.de"
      })
  void quotesOnlyWhenNeeded(String value, String encoded) {
    StringBuilder sb = new StringBuilder();
    ImportCsv.appendField(sb, value);
    assertThat(sb.toString()).isEqualTo(encoded);
  }

  @Test
  void lineBreaksInsideAFieldAreQuoted() {
    StringBuilder sb = new StringBuilder();
    ImportCsv.appendField(sb, "a\r\nb");
    assertThat(sb.toString()).isEqualTo("\"a\r\nb\"");
  }

  @Test
  void importRow_hasSevenColumnsInTheSpecOrder() {
    assertThat(ImportCsv.importRow("a,b@example.com", 20, 10, null, 6))
        .isEqualTo("EMAIL,\"a,b@example.com\",\"a,b@example.com\",20,10,,6");
    assertThat(ImportCsv.HEADER.split(",")).hasSize(7);
  }
}
