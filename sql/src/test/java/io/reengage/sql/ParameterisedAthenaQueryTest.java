package io.reengage.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reengage.sql.testing.QueryTexts;
import io.reengage.sql.testing.SqlTokens;
import io.reengage.sql.testing.SqlTokens.Kind;
import io.reengage.sql.testing.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameterised Athena form differs from the original only where its header says: the table,
 * each current_date, and the added until predicate. The test undoes exactly those three edits on
 * the token stream and requires the original, token for token (comments included, white space
 * aside).
 */
class ParameterisedAthenaQueryTest {

  static final String ORIGINAL = QueryTexts.read(QueryTexts.ORIGINAL);
  static final String PARAMETERISED = QueryTexts.read(QueryTexts.PARAMETERISED);

  static final List<Token> UNTIL_PREDICATE =
      List.of(
          new Token(Kind.WORD, "arrival_timestamp"),
          new Token(Kind.SYMBOL, "<"),
          new Token(Kind.PLACEHOLDER, "${until_epoch_millis}"),
          new Token(Kind.WORD, "AND"),
          new Token(Kind.SYMBOL, "("));

  @Test
  void undoingTheThreeEdits_givesTheOriginalTokenForToken() {
    assertThat(restoreOriginal(SqlTokens.of(PARAMETERISED))).isEqualTo(SqlTokens.of(ORIGINAL));
  }

  @Test
  void anyOtherChange_isCaught() {
    // The comparison above must be able to fail: each of these small edits survives the undo step.
    List<String> edits =
        List.of(
            PARAMETERISED.replace("num_delivered > 5", "num_delivered >= 5"),
            PARAMETERISED.replace("  UNION\n", "  UNION ALL\n"),
            PARAMETERISED.replace("date_add('month', -10,", "date_add('month', -11,"),
            PARAMETERISED.replace(
                "-- Has at least 5 delivered emails", "-- Has at least 6 delivered emails"),
            PARAMETERISED.replace("COUNT(delivered_timestamp)", "COUNT(*)"));
    for (String edited : edits) {
      assertThat(edited).isNotEqualTo(PARAMETERISED);
      assertThat(restoreOriginal(SqlTokens.of(edited))).isNotEqualTo(SqlTokens.of(ORIGINAL));
    }
  }

  @Test
  void whiteSpaceAlone_isNoChange() {
    String reflowed = PARAMETERISED.replace("\n    ", "\n\t").replace(" AND ", "  AND\n ");
    assertThat(restoreOriginal(SqlTokens.of(reflowed))).isEqualTo(SqlTokens.of(ORIGINAL));
  }

  @Test
  void placeholders_areTheFourDocumentedOnes() {
    assertThat(QueryTexts.placeholders(PARAMETERISED))
        .containsExactlyInAnyOrder("database", "table", "as_of", "until_epoch_millis");
    String header = PARAMETERISED.substring(0, PARAMETERISED.indexOf("WITH dataset"));
    for (String name : QueryTexts.placeholders(PARAMETERISED)) {
      assertThat(header).as("header documents ${%s}", name).contains("--   ${" + name + "}");
    }
    assertThat(SqlTokens.of(PARAMETERISED)).doesNotContain(new Token(Kind.WORD, "current_date"));
  }

  @Test
  void untilBound_isInTheDatasetCte_andGuardsBothWindows() {
    List<Token> body = withoutHeader(SqlTokens.of(PARAMETERISED));
    int where = indexOf(body, List.of(new Token(Kind.WORD, "WHERE")), 0);
    assertThat(indexOf(body, UNTIL_PREDICATE, 0)).isEqualTo(where + 1);
    // The parenthesis opened after AND closes at the end of the CTE's WHERE, so the bound applies
    // to
    // the delivered and the engagement branch alike.
    int open = where + UNTIL_PREDICATE.size();
    int close = matchingParen(body, open);
    assertThat(body.get(close + 1)).isEqualTo(new Token(Kind.SYMBOL, ")"));
    assertThat(body.get(close + 2)).isEqualTo(new Token(Kind.SYMBOL, ","));
    assertThat(body.get(close + 3)).isEqualTo(new Token(Kind.WORD, "delivered"));
  }

  @Test
  void substitution_leavesNoPlaceholder_andRefusesAnUnknownOne() {
    String sql =
        QueryTexts.substitute(
            PARAMETERISED,
            java.util.Map.of(
                "database", "pinpoint-events",
                "table", "events",
                "as_of", "2026-08-31",
                "until_epoch_millis", "1788220800000"));
    assertThat(sql)
        .doesNotContain("${")
        .contains("DATE '2026-08-31'")
        .contains("< 1788220800000 AND (");
    assertThatThrownBy(() -> QueryTexts.substitute(PARAMETERISED, java.util.Map.of("as_of", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No value for placeholder ${database}");
  }

  /** Undoes the documented edits; throws when one of them is not there exactly as documented. */
  static List<Token> restoreOriginal(List<Token> parameterised) {
    List<Token> tokens = new ArrayList<>(withoutHeader(parameterised));
    replaceAll(
        tokens,
        List.of(new Token(Kind.QUOTED, "\"${database}\"")),
        new Token(Kind.QUOTED, "\"pinpoint-events\""),
        1);
    replaceAll(
        tokens,
        List.of(new Token(Kind.QUOTED, "\"${table}\"")),
        new Token(Kind.QUOTED, "\"[REENGAGEMENT_S3_TABLENAME]\""),
        1);
    replaceAll(
        tokens,
        List.of(new Token(Kind.WORD, "DATE"), new Token(Kind.STRING, "'${as_of}'")),
        new Token(Kind.WORD, "current_date"),
        3);
    int at = indexOf(tokens, UNTIL_PREDICATE, 0);
    if (at < 0 || indexOf(tokens, UNTIL_PREDICATE, at + 1) >= 0) {
      throw new AssertionError("expected the until predicate exactly once");
    }
    int open = at + UNTIL_PREDICATE.size() - 1;
    int close = matchingParen(tokens, open);
    tokens.remove(close);
    tokens.subList(at, open + 1).clear();
    return tokens;
  }

  /** Drops the leading comment block (the documentation header). */
  static List<Token> withoutHeader(List<Token> tokens) {
    int i = 0;
    while (i < tokens.size() && tokens.get(i).kind() == Kind.COMMENT) {
      i++;
    }
    return tokens.subList(i, tokens.size());
  }

  private static void replaceAll(List<Token> tokens, List<Token> what, Token with, int expected) {
    int count = 0;
    for (int i = indexOf(tokens, what, 0); i >= 0; i = indexOf(tokens, what, i + 1)) {
      tokens.subList(i, i + what.size()).clear();
      tokens.add(i, with);
      count++;
    }
    if (count != expected) {
      throw new AssertionError("expected " + expected + " of " + what + ", found " + count);
    }
  }

  private static int indexOf(List<Token> tokens, List<Token> what, int from) {
    for (int i = from; i + what.size() <= tokens.size(); i++) {
      if (tokens.subList(i, i + what.size()).equals(what)) {
        return i;
      }
    }
    return -1;
  }

  private static int matchingParen(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      String t = tokens.get(i).kind() == Kind.SYMBOL ? tokens.get(i).text() : "";
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")") && --depth == 0) {
        return i;
      }
    }
    throw new AssertionError("unbalanced parenthesis at token " + open);
  }
}
