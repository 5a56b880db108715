package io.reengage.orchestrator.ops.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The parameterised Athena query, taken from the state machine definition bundled in the jar (the
 * one copy the workflow runs), with the table filled in. Its '?' parameters, in text order: the
 * until bound (epoch milliseconds), then the as-of date three times.
 */
public final class AthenaQuery {

  static final String DEFINITION = "/statemachine/reengage.asl.json";

  private AthenaQuery() {}

  public static String text(String database, String table) {
    try (InputStream in = AthenaQuery.class.getResourceAsStream(DEFINITION)) {
      if (in == null) {
        throw new IllegalStateException("The jar lacks " + DEFINITION + " (rebuild with ./mvnw -pl orchestrator package)");
      }
      JsonNode query = new ObjectMapper().readTree(in).at("/States/Run the Athena query/Parameters/QueryString");
      if (!query.isTextual()) {
        throw new IllegalStateException(DEFINITION + " has no QueryString in state 'Run the Athena query'");
      }
      return query.asText().replace("${AthenaDatabase}", database).replace("${AthenaTable}", table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> parameters(String asOf, long untilEpochMillis) {
    String date = "'" + asOf + "'";
    return List.of(Long.toString(untilEpochMillis), date, date, date);
  }
}
