package io.reengage.sql.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL files of this module, read from the classpath as the job reads the Spark port. */
public final class QueryTexts {

  public static final String ORIGINAL = "athena/find_unengaged_users.sql";
  public static final String PARAMETERISED = "athena/find_unengaged_users_parameterised.sql";
  public static final String SPARK_PORT = "spark/find_unengaged_users.sql";

  /** The table reference of the original query, a placeholder the deployment replaced. */
  public static final String ORIGINAL_TABLE = "\"pinpoint-events\".\"[REENGAGEMENT_S3_TABLENAME]\"";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private QueryTexts() {}

  public static String read(String resource) {
    try (InputStream in = QueryTexts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find " + resource + " on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces every {@code ${name}} with its value; fails on a placeholder without a value, so a
   * typo in a name cannot leave text that some engine would read differently.
   */
  public static String substitute(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("No value for placeholder ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The names of the placeholders in a text, in order of first appearance. */
  public static java.util.Set<String> placeholders(String text) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The repository root: set by the build, else the parent of the working directory (sql/). */
  public static Path repositoryRoot() {
    String root = System.getProperty("reengage.root");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }

  /**
   * The fenced block under "### Athena Query" in the seed README, which lives in the shared folder
   * beside the repository on the team's machines and in CI, when it does.
   */
  public static Optional<String> seedQuery() throws IOException {
    Path readme =
        repositoryRoot().resolve("../shared/seed/original-solution-README.md").normalize();
    if (!Files.isRegularFile(readme)) {
      return Optional.empty();
    }
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("(?m)^### Athena Query\\R```[^\\n]*\\R(.*?)^```", Pattern.DOTALL)
            .matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(
          "The seed README has no fenced block under '### Athena Query': " + readme);
    }
    return Optional.of(m.group(1));
  }

  /** Where the seed README is looked for, for skip messages. */
  public static Path seedReadme() {
    return repositoryRoot().resolve("../shared/seed/original-solution-README.md").normalize();
  }
}
