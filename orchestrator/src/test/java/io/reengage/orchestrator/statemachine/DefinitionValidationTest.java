package io.reengage.orchestrator.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs asl-validator (npm, pinned in package-lock.json and installed by the build's {@code npm ci})
 * on the definition with its placeholders replaced by the sample values, as CloudFormation would.
 */
class DefinitionValidationTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

  @TempDir Path dir;

  private static String validator() {
    String path = System.getProperty("asl.validator", "node_modules/.bin/asl-validator");
    assertThat(new File(path)).as("asl-validator installed by npm ci (run ./mvnw verify)").exists();
    return path;
  }

  private static Result validate(Path file) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(validator(), "--json-path", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}

  @Test
  void definitionWithSampleValues_isValid() throws Exception {
    Path file = dir.resolve("reengage.asl.json");
    Files.writeString(file, Definition.substituted(Definition.sampleValues()));

    Result result = validate(file);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void definitionWithRollups_isValid() throws Exception {
    Path file = dir.resolve("reengage.asl.json");
    Files.writeString(
        file,
        Definition.substituted(Definition.sampleValuesWith("RollupsUri", "s3://bucket/rollups")));

    assertThat(validate(file).exitCode()).isZero();
  }

  @Test
  void definitionOfADeploymentWithoutPinpoint_isValid() throws Exception {
    // What infra substitutes without a project: the eventbridge default, empty Pinpoint values.
    Map<String, String> values = new LinkedHashMap<>(Definition.sampleValues());
    values.put("Destination", "eventbridge");
    values.put("PinpointProjectId", "");
    values.put("StartImportFunctionArn", "");
    values.put("ImportStatusFunctionArn", "");
    values.put("TagSegmentFunctionArn", "");
    values.put("EventsUris", "s3://events/pinpoint/,s3://events/ses/");
    Path file = dir.resolve("reengage.asl.json");
    Files.writeString(file, Definition.substituted(values));

    Result result = validate(file);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void brokenTransitionToThePublishState_isRejected() throws Exception {
    Path file = dir.resolve("broken.asl.json");
    Files.writeString(
        file,
        Definition.substituted(Definition.sampleValues())
            .replace("\"Next\": \"Event published\"", "\"Next\": \"No such state\""));

    Result result = validate(file);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("No such state");
  }

  @Test
  void brokenTransition_isRejected() throws Exception {
    Path file = dir.resolve("broken.asl.json");
    Files.writeString(
        file,
        Definition.substituted(Definition.sampleValues())
            .replace("\"Next\": \"Imported\"", "\"Next\": \"No such state\""));

    Result result = validate(file);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("No such state");
  }

  @Test
  void everyPlaceholder_hasASampleValue_andTheTemplateIsJson() throws Exception {
    TreeSet<String> used = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(Definition.template());
    while (m.find()) {
      used.add(m.group(1));
    }
    assertThat(used).isEqualTo(new TreeSet<>(Definition.sampleValues().keySet()));
    // The file itself must parse, so that tools can read it before substitution.
    JsonNode template = new ObjectMapper().readTree(Definition.template());
    assertThat(template.get("StartAt").asText()).isEqualTo("Resolve input");
  }
}
