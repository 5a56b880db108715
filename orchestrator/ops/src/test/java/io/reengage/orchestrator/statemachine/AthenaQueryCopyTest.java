package io.reengage.orchestrator.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.orchestrator.ops.athena.AthenaQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The definition embeds the parameterised Athena query as a States.Format template (Step Functions
 * cannot read a file, and intrinsic functions cannot replace text). This keeps the copy honest:
 * with its placeholders written back as the sql module names them, it equals the module's file,
 * apart from the file's leading comment block and spacing.
 */
class AthenaQueryCopyTest {

  /** The file's name in the sql module; the brief's earlier name is accepted too. */
  static final List<Path> SQL_FILES =
      List.of(
          Path.of("..", "sql", "athena", "find_unengaged_users_parameterised.sql"),
          Path.of("..", "sql", "athena", "unengaged-parameterised.sql"));

  static String template() throws Exception {
    String expression =
        new ObjectMapper()
            .readTree(Definition.template())
            .at("/States/Run the Athena query/Parameters/QueryString.$")
            .asText();
    return AthenaQuery.formatTemplate(expression);
  }

  /**
   * The template with {@code {}} written back as the sql file's placeholders, in the parameters'
   * order.
   */
  static String asSqlFile(String template) {
    String text =
        template.replace("${AthenaDatabase}", "${database}").replace("${AthenaTable}", "${table}");
    text = text.replaceFirst("\\{}", "\\${until_epoch_millis}");
    return text.replace("{}", "${as_of}");
  }

  private static String withoutLeadingComments(String sql) {
    StringBuilder out = new StringBuilder();
    boolean leading = true;
    for (String line : sql.split("\n", -1)) {
      if (leading && (line.startsWith("--") || line.isBlank())) {
        continue;
      }
      leading = false;
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static String normalised(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  @Test
  void embeddedQuery_equalsTheSqlModulesFile() throws Exception {
    Optional<Path> file = SQL_FILES.stream().filter(Files::exists).findFirst();
    assumeTrue(
        file.isPresent(), "the sql module's parameterised query is not in this checkout yet");

    assertThat(normalised(asSqlFile(template())))
        .as("the QueryString template of 'Run the Athena query' must equal %s", file.get())
        .isEqualTo(normalised(withoutLeadingComments(Files.readString(file.get()))));
  }

  @Test
  void template_takesUntilFirstThenTheAsOfDate() throws Exception {
    String expression =
        new ObjectMapper()
            .readTree(Definition.template())
            .at("/States/Run the Athena query/Parameters/QueryString.$")
            .asText();
    assertThat(expression)
        .endsWith(", $.summary.untilEpochMillis, $.summary.asOf, $.summary.asOf, $.summary.asOf)");
    String template = template();
    assertThat(template.split("\\{}", -1)).hasSize(5);
    assertThat(template)
        .contains("arrival_timestamp < {} AND (")
        .contains("DATE '{}'")
        .doesNotContain("current_date");
  }
}
