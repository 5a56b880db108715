package io.reengage.orchestrator.ops.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.orchestrator.ops.config.OpsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The parameterised Athena query ({@code sql/athena/find_unengaged_users_parameterised.sql}), taken
 * from the state machine definition bundled in the jar, the one copy the workflow runs. There it is
 * a States.Format template whose {@code {}} are, in order, the until bound (epoch milliseconds) and
 * the as-of date three times; the table is a deploy-time placeholder. The values are put in as
 * text, so each is checked first: a date, a number, identifiers.
 */
public final class AthenaQuery {

  static final String DEFINITION = "/statemachine/reengage.asl.json";
  private static final String PREFIX = "States.Format('";

  private AthenaQuery() {}

  public static String text(String database, String table, LocalDate asOf, long untilEpochMillis) {
    checkIdentifier("--database", database);
    checkIdentifier("--table", table);
    if (untilEpochMillis < 0) {
      throw new OpsException(
          "Invalid until: " + untilEpochMillis + " (must be epoch milliseconds)");
    }
    String template =
        formatTemplate(expression())
            .replace("${AthenaDatabase}", database)
            .replace("${AthenaTable}", table);
    StringBuilder out = new StringBuilder();
    int placeholder = 0;
    int from = 0;
    int at;
    while ((at = template.indexOf("{}", from)) >= 0) {
      out.append(template, from, at)
          .append(placeholder == 0 ? Long.toString(untilEpochMillis) : asOf.toString());
      placeholder++;
      from = at + 2;
    }
    out.append(template.substring(from));
    if (placeholder != 4) {
      throw new IllegalStateException(
          DEFINITION + ": expected 4 placeholders in the Athena query, found " + placeholder);
    }
    return out.toString();
  }

  /**
   * The template of a {@code States.Format('...', ...)} expression, unescaped, with its {@code {}}
   * placeholders kept.
   */
  public static String formatTemplate(String expression) {
    if (!expression.startsWith(PREFIX)) {
      throw new IllegalStateException("Not a States.Format expression: " + expression);
    }
    StringBuilder template = new StringBuilder();
    for (int i = PREFIX.length(); i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\\') {
        template.append(expression.charAt(++i));
      } else if (c == '\'') {
        return template.toString();
      } else {
        template.append(c);
      }
    }
    throw new IllegalStateException("Unterminated template in " + expression);
  }

  private static String expression() {
    try (InputStream in = AthenaQuery.class.getResourceAsStream(DEFINITION)) {
      if (in == null) {
        throw new IllegalStateException(
            "The jar lacks " + DEFINITION + " (rebuild with ./mvnw -pl orchestrator package)");
      }
      JsonNode query =
          new ObjectMapper()
              .readTree(in)
              .at("/States/Run the Athena query/Parameters/QueryString.$");
      if (!query.isTextual()) {
        throw new IllegalStateException(
            DEFINITION + " has no QueryString.$ in state 'Run the Athena query'");
      }
      return query.asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkIdentifier(String option, String value) {
    if (!value.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new OpsException(
          "Invalid " + option + ": " + value + " (letters, digits, '_' and '-' only)");
    }
  }
}
