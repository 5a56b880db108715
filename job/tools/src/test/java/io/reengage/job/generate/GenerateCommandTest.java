package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class GenerateCommandTest {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--addresses|-3|Invalid --addresses: -3 (must be > 0)",
        "--days|0|Invalid --days: 0 (must be > 0)",
        "--open-rate|1.5|Invalid --open-rate: 1.5 (must be between 0 and 1)",
        "--as-of|2026-02-30|Invalid --as-of: 2026-02-30 (expected YYYY-MM-DD, e.g. 2026-08-31)",
        "--format-mix|ndjson=1,zip=2|Invalid --format-mix: unknown format 'zip' (use ndjson, concatenated, gzip)",
        "--layout|s3|Invalid --layout: s3 (use firehose, hive or flat)",
        "--threads|0|Invalid --threads: 0 (must be > 0)",
        "--recipients-max|51|Invalid --recipients-max: 51 (must be <= 50, the SES limit)",
        "--source|sns|Invalid --source: sns (use pinpoint, ses or mixed)",
        "--switch-date|2026-05-01|Invalid --switch-date: 2026-05-01 (it only applies with --source mixed)",
        "--machine-open-share|-0.1|Invalid --machine-open-share: -0.1 (must be between 0 and 1)",
        "--machine-open-ranges|20001|Invalid --machine-open-ranges: 20001 (must be <= 20000)",
        "--mail-per-day-factor|0|Invalid --mail-per-day-factor: 0 (must be > 0)"
      })
  void invalidOption_shouldExit2WithOneLineNamingIt(String option, String value, String message) {
    int code = run("--out", tmp.resolve("x").toString(), option, value);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(message + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void mixedSource_shouldTakeTheSwitchDateAndMachineOptions() {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.parseArgs(
        "--out",
        "x",
        "--as-of",
        "2026-08-31",
        "--source",
        "MIXED",
        "--switch-date",
        "2026-05-01",
        "--machine-open-share",
        "0.35",
        "--mail-per-day-factor",
        "4");
    GeneratorSettings s = ((GenerateCommand) cli.getCommand()).settings();

    assertThat(s.source()).isEqualTo(EventSource.MIXED);
    assertThat(s.switchDate()).isEqualTo(java.time.LocalDate.of(2026, 5, 1));
    assertThat(s.machineOpenShare()).isEqualTo(0.35);
    assertThat(s.mailPerDayFactor()).isEqualTo(4);
    assertThat(s.scaledEventsPerDay()).isEqualTo(800);
  }

  @Test
  void defaults_shouldBePinpointWithoutMachineOpensAtVolumeOne() {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.parseArgs("--out", "x", "--as-of", "2026-08-31");
    GeneratorSettings s = ((GenerateCommand) cli.getCommand()).settings();

    assertThat(s.source()).isEqualTo(EventSource.PINPOINT);
    assertThat(s.machineOpenShare()).isZero();
    assertThat(s.mailPerDayFactor()).isEqualTo(1);
  }

  @Test
  void help_shouldShowTheDefaults() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(
            "--addresses=N",
            "(default: 1000)",
            "--days=N",
            "(default: 365)",
            "--format-mix=MIX",
            "(default: ndjson=60,concatenated=25,gzip=15)",
            "--layout=LAYOUT",
            "(default: firehose)",
            "--edge-cases",
            "--as-of=YYYY-MM-DD",
            "(default: today)");
  }

  @Test
  void run_shouldWriteTheFolderAndPrintAJsonSummaryOfCountsOnly() throws IOException {
    Path target = tmp.resolve("events");
    int code =
        run(
            "--out",
            target.toString(),
            "--as-of",
            "2026-08-31",
            "--days",
            "2",
            "--addresses",
            "50",
            "--events-per-day",
            "100",
            "--seed",
            "7",
            "--layout",
            "hive",
            "--edge-cases");

    assertThat(code).as(err.toString()).isZero();
    JsonNode summary = StoredData.MAPPER.readTree(out.toString());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(target)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    assertThat(summary.get("files").asLong()).isEqualTo(files.size());
    assertThat(summary.get("out").asText()).isEqualTo(target.toUri().toString());
    assertThat(files).allMatch(f -> target.relativize(f).toString().startsWith("year="));
    assertThat(out.toString()).doesNotContain("@");
    assertThat(err.toString()).contains("generate: wrote").doesNotContain("@");
  }

  @Test
  void nonEmptyFolder_shouldExit1UnlessReplaceIsGiven() throws IOException {
    Path target = tmp.resolve("occupied");
    Files.createDirectories(target);
    Files.writeString(target.resolve("other.json"), "{}");
    String[] args = {
      "--out",
      target.toString(),
      "--as-of",
      "2026-08-31",
      "--days",
      "1",
      "--addresses",
      "10",
      "--events-per-day",
      "20"
    };

    assertThat(run(args)).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Cannot generate into "
                + target.toUri()
                + ": the folder is not empty (choose an empty or new folder, or pass --replace to delete it first)"
                + System.lineSeparator());

    String[] replacing =
        Stream.concat(Stream.of(args), Stream.of("--replace")).toArray(String[]::new);
    assertThat(run(replacing)).isZero();
    assertThat(target.resolve("other.json")).doesNotExist();
  }

  @Test
  void outUri_shouldTakeSchemesAsTheyAreAndAnythingElseAsALocalPath() {
    assertThat(GenerateCommand.toUri("s3a://bucket/events/").toString())
        .isEqualTo("s3a://bucket/events/");
    assertThat(GenerateCommand.toUri("file:///tmp/events").toString())
        .isEqualTo("file:///tmp/events");
    assertThat(GenerateCommand.toUri("relative/events"))
        .isEqualTo(Path.of("relative/events").toAbsolutePath().toUri());
  }
}
