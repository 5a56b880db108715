package io.reengage.infra.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateMachineDefinitionTest {

  @TempDir Path dir;

  private StateMachineDefinition write(String text) throws IOException {
    Path file = dir.resolve("sm.asl.json");
    Files.writeString(file, text);
    return StateMachineDefinition.load(file);
  }

  @Test
  void findsEachPlaceholderOnce() throws IOException {
    StateMachineDefinition definition =
        write(
            "{\"A\":\"${RunsUri}/x\",\"B\":\"States.Format('${RunsUri}/{}', $.x)\",\"C\":\"--class M ${SparkConf}\","
                + "\"D\":\"$.not_a_placeholder\",\"E\":\"{}\"}");

    assertThat(definition.placeholders()).containsExactly("RunsUri", "SparkConf");
  }

  @Test
  void substitutionsHoldExactlyThePlaceholdersOfTheFile() throws IOException {
    StateMachineDefinition definition = write("{\"A\":\"${RunsUri}\",\"B\":\"${SparkConf}\"}");

    Map<String, String> used =
        definition.substitutions(Map.of("RunsUri", "s3://b/runs", "SparkConf", "", "Unused", "x"));

    assertThat(used)
        .containsExactly(Map.entry("RunsUri", "s3://b/runs"), Map.entry("SparkConf", ""));
  }

  @Test
  void aPlaceholderWithoutValueStopsSynthesis() throws IOException {
    StateMachineDefinition definition =
        write("{\"A\":\"${RunsUri}\",\"B\":\"${NewThing}\",\"C\":\"${Other}\"}");

    assertThatThrownBy(() -> definition.substitutions(Map.of("RunsUri", "s3://b/runs")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot synthesise the stack: "
                + dir.resolve("sm.asl.json")
                + " uses placeholders the stack"
                + " has no value for: [NewThing, Other] (add them to Workflow's substitutions, or rename them in the"
                + " definition)");
  }

  @Test
  void aMissingFileSaysWhereItWasLookedFor() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> StateMachineDefinition.load(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Cannot synthesise the stack: state machine definition " + missing + " does not exist");
  }
}
