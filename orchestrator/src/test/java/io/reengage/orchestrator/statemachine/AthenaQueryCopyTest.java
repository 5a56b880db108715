package io.reengage.orchestrator.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The definition embeds the parameterised Athena query (Step Functions cannot read a file). This
 * keeps the copy honest: it must equal {@code sql/athena/unengaged-parameterised.sql}, spacing aside.
 */
class AthenaQueryCopyTest {

  static final Path SQL_FILE = Path.of("..", "sql", "athena", "unengaged-parameterised.sql");

  static String embeddedQuery() throws Exception {
    return new ObjectMapper().readTree(Definition.template())
        .at("/States/Run the Athena query/Parameters/QueryString").asText();
  }

  private static String normalised(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  @Test
  void embeddedQuery_equalsTheSqlModulesFile() throws Exception {
    assumeTrue(Files.exists(SQL_FILE), "sql/athena/unengaged-parameterised.sql not in this checkout yet");

    assertThat(normalised(embeddedQuery()))
        .as("QueryString of 'Run the Athena query' must equal %s (table \"${AthenaDatabase}\".\"${AthenaTable}\";"
            + " '?' parameters in order: until epoch ms, then the as-of date three times)", SQL_FILE)
        .isEqualTo(normalised(Files.readString(SQL_FILE)));
  }

  @Test
  void embeddedQuery_hasOneParameterPerExecutionParameter() throws Exception {
    String query = embeddedQuery();
    long marks = query.chars().filter(c -> c == '?').count();
    assertThat(marks).isEqualTo(4);
    assertThat(query).doesNotContain("current_date").contains("arrival_timestamp < ?");
  }
}
