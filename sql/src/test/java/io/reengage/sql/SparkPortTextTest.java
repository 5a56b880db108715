package io.reengage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.sql.testing.QueryTexts;
import io.reengage.sql.testing.SqlTokens;
import io.reengage.sql.testing.SqlTokens.Kind;
import io.reengage.sql.testing.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the job's --cross-check relies on in the port's text: the placeholders it fills, the CTEs in
 * the query's order, and no Athena-only syntax left. Whether the port means what the query means is
 * TrinoAgreementTest's business (the port's rows equal the original's on Trino).
 */
class SparkPortTextTest {

  static final String PORT = QueryTexts.read(QueryTexts.SPARK_PORT);
  static final String ORIGINAL = QueryTexts.read(QueryTexts.ORIGINAL);

  @Test
  void placeholders_areTheFiveTheJobFills_eachDocumentedInTheHeader() {
    assertThat(QueryTexts.placeholders(PORT))
        .containsExactlyInAnyOrder(
            "as_of",
            "until_epoch_millis",
            "delivered_window_months",
            "engagement_window_months",
            "min_delivered_exclusive");
    String header = PORT.substring(0, PORT.indexOf("WITH dataset"));
    for (String name : QueryTexts.placeholders(PORT)) {
      assertThat(header).as("header documents ${%s}", name).contains("--   ${" + name + "}");
    }
  }

  @Test
  void substitutedWithTheQuerysValues_leavesNothingToFill() {
    String sql =
        QueryTexts.substitute(
            PORT,
            Map.of(
                "as_of", "2026-08-31",
                "until_epoch_millis", "1788220800000",
                "delivered_window_months", "10",
                "engagement_window_months", "6",
                "min_delivered_exclusive", "5"));
    assertThat(sql)
        .doesNotContain("${")
        .contains("add_months(DATE '2026-08-31', -(10))")
        .contains("num_delivered > 5");
  }

  @Test
  void ctes_areTheQuerysInTheQuerysOrder() {
    assertThat(cteNames(PORT)).isEqualTo(cteNames(ORIGINAL)).hasSize(6);
  }

  @Test
  void noAthenaOnlySyntaxIsLeft() {
    List<Token> body = ParameterisedAthenaQueryTest.withoutHeader(SqlTokens.of(PORT));
    List<Token> code = body.stream().filter(t -> t.kind() != Kind.COMMENT).toList();
    // In Spark a double-quoted name is a string literal, so every alias must be in backticks.
    assertThat(code).noneMatch(t -> t.kind() == Kind.QUOTED);
    List<String> words =
        code.stream().filter(t -> t.kind() == Kind.WORD).map(t -> t.text().toLowerCase()).toList();
    assertThat(words)
        .doesNotContain("from_unixtime", "date_add", "current_date", "unnest", "cross");
    // Integer division: "/" is double division in Spark, so no slash may remain.
    assertThat(code).noneMatch(t -> t.kind() == Kind.SYMBOL && t.text().equals("/"));
  }

  @Test
  void everyWindowMonthsPlaceholder_isParenthesised_soNoValueCanStartAComment() {
    Matcher m = Pattern.compile("(.)\\$\\{[a-z_]*window_months}(.)").matcher(PORT);
    int uses = 0;
    while (m.find()) {
      if (PORT.lastIndexOf("\n", m.start()) > PORT.lastIndexOf("--", m.start())) {
        assertThat(m.group(1) + m.group(2)).isEqualTo("()");
        uses++;
      }
    }
    assertThat(uses).isEqualTo(3);
  }

  static List<String> cteNames(String sql) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^(?:WITH )?(\\w+) AS \\($").matcher(sql);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
