package io.reengage.sql.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens so two texts can be compared whitespace aside: words, numbers, string
 * literals, double-quoted identifiers, {@code ${name}} placeholders, line comments and symbols.
 * Comments are tokens too (their inner runs of white space collapsed), so a changed comment is a
 * difference.
 */
public final class SqlTokens {

  public enum Kind {
    WORD,
    NUMBER,
    STRING,
    QUOTED,
    PLACEHOLDER,
    COMMENT,
    SYMBOL
  }

  public record Token(Kind kind, String text) {
    @Override
    public String toString() {
      return kind + ":" + text;
    }
  }

  private SqlTokens() {}

  public static List<Token> of(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        tokens.add(new Token(Kind.COMMENT, sql.substring(i, end).strip().replaceAll("\\s+", " ")));
        i = end;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i, c);
        tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, sql.substring(i, end)));
        i = end;
      } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '{') {
        int end = sql.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("Unclosed placeholder at offset " + i);
        }
        tokens.add(new Token(Kind.PLACEHOLDER, sql.substring(i, end + 1)));
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
          end++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(i, end)));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(i, end)));
        i = end;
      } else {
        String two = i + 1 < n ? sql.substring(i, i + 2) : "";
        if (List.of("<=", ">=", "<>", "!=", "||").contains(two)) {
          tokens.add(new Token(Kind.SYMBOL, two));
          i += 2;
        } else {
          tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
          i++;
        }
      }
    }
    return tokens;
  }

  /**
   * The index just past the quote that closes the one at {@code start}; a doubled quote is an
   * escape.
   */
  private static int closingQuote(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("Unclosed " + quote + " quote at offset " + start);
  }
}
