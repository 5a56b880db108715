package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI's contract in-process: options, exit codes, one-line errors, nothing published on
 * failure.
 */
class SegmentCommandTest {

  @TempDir Path tmp;
  final StringWriter err = new StringWriter();
  final StringWriter out = new StringWriter();

  @BeforeAll
  static void shareOneSparkSession() {
    SparkTestSession.get();
  }

  int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(out, true));
    return cl.execute(args);
  }

  static final String DELIVERED =
      "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":%d,\"facets\":{\"email_channel\":"
          + "{\"mail_event\":{\"mail\":{\"destination\":[\"%s\"]}}}}}\n";

  /** Writes n deliveries to one address in a Firehose hour folder of 2026-01-10. */
  Path events(String address, int n, String extra) throws Exception {
    Path dir = tmp.resolve("events/2026/01/10/12");
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(String.format(DELIVERED, 1_768_046_400_000L + i * 1000L, address));
    }
    sb.append(extra);
    Files.writeString(dir.resolve("stream-1-2026-01-10-12-00-00-abcd"), sb, StandardCharsets.UTF_8);
    return tmp.resolve("events");
  }

  String oneLine() {
    String text = err.toString().trim();
    assertThat(text.lines().count()).as(text).isEqualTo(1);
    assertThat(text).doesNotContain("\tat ").doesNotContain("Exception:");
    return text;
  }

  @Test
  void help_listsTheOptionsAndTheirDefaults() {
    assertThat(run("segment", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--events",
            "--out",
            "--as-of",
            "--until",
            "--delivered-window-months",
            "--engagement-window-months",
            "--min-delivered",
            "--max-bad-fraction",
            "Default: 0.001");
  }

  @Test
  void noSubcommand_printsUsage() {
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("segment", "Exit codes");
  }

  @Test
  void missingEvents_failsWithOneLine() {
    int code =
        run(
            "segment",
            "--events",
            tmp.resolve("nope").toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--as-of",
            "2026-08-31");
    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(oneLine()).contains("Cannot read --events").contains("does not exist");
    assertThat(tmp.resolve("o/summary.json")).doesNotExist();
  }

  @Test
  void invalidDate_isAUsageError() {
    int code = run("segment", "--events", "x", "--out", "y", "--as-of", "2026-02-30");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'2026-02-30' is not a date (use YYYY-MM-DD");
  }

  @Test
  void invalidUntil_andNegativeWindow_areUsageErrors() {
    assertThat(run("segment", "--events", "x", "--out", "y", "--until", "yesterday"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is not an instant");
    assertThat(run("segment", "--events", "x", "--out", "y", "--engagement-window-months", "-2"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Invalid engagement-window-months: -2");
  }

  @Test
  void anAsOfFarInTheFuture_withoutUntil_saysWhy() {
    int code = run("segment", "--events", "x", "--out", "y", "--as-of", "2099-01-01");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("Invalid --until")
        .contains("is in the future")
        .contains("pass a later --until");
  }

  @Test
  void badRecordsAboveTheLimit_failAndPublishNothing() throws Exception {
    Path events = events("limit@example.com", 6, "{not json}\n");
    Path o = tmp.resolve("o");
    int code =
        run(
            "segment",
            "--events",
            events.toString(),
            "--out",
            o.toString(),
            "--as-of",
            "2026-08-31",
            "--max-bad-fraction",
            "0");
    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(oneLine())
        .contains("Too many bad records")
        .contains("1 of 7")
        .doesNotContain("limit@");
    assertThat(o.resolve("summary.json")).doesNotExist();
    assertThat(o.resolve("import")).doesNotExist();
    try (var s = Files.list(o)) {
      assertThat(s.toList()).as("staging folder removed").isEmpty();
    }
  }

  @Test
  void badRecordsWithinTheLimit_areSkippedAndCounted() throws Exception {
    Path events = events("within@example.com", 6, "{not json}\n");
    Path o = tmp.resolve("o");
    assertThat(
            run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                o.toString(),
                "--as-of",
                "2026-08-31",
                "--max-bad-fraction",
                "0.5"))
        .isZero();
    assertThat(Files.readString(o.resolve("summary.json"))).contains("\"badRecords\" : 1");
    assertThat(ImportFolder.sortedRows(o.resolve("import")))
        .containsExactly(
            "EMAIL,within@example.com,within@example.com,1768046405000,1768046400000,,6");
  }

  @Test
  void theSummaryTimesTheScanStageInsideTheOneAggregateJob() throws Exception {
    Path events = events("timed@example.com", 6, "");
    Path o = tmp.resolve("o");
    assertThat(
            run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                o.toString(),
                "--as-of",
                "2026-08-31"))
        .isZero();
    com.fasterxml.jackson.databind.JsonNode timings =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(o.resolve("summary.json").toFile())
            .get("timings");
    // The scan stage is found by the reader's RDD name; were that link broken, scanMs would be 0.
    assertThat(timings.get("scanMs").asLong())
        .isPositive()
        .isLessThanOrEqualTo(timings.get("aggregateMs").asLong());
    assertThat(timings.get("aggregateMs").asLong())
        .isLessThanOrEqualTo(timings.get("jobMs").asLong());
  }

  @Test
  void unwritableOutput_failsBeforeReading() throws Exception {
    Path events = events("w@example.com", 6, "");
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    int code =
        run(
            "segment",
            "--events",
            events.toString(),
            "--out",
            file.resolve("sub").toString(),
            "--as-of",
            "2026-08-31");
    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(oneLine()).contains("Cannot write to --out");
  }

  @Test
  void noUnengagedAddresses_writesNoCsvAndASummaryWithZero() throws Exception {
    Path events = events("few@example.com", 5, "");
    Path o = tmp.resolve("o");
    assertThat(
            run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                o.toString(),
                "--as-of",
                "2026-08-31"))
        .isZero();
    assertThat(ImportFolder.fileNames(o.resolve("import"))).isEmpty();
    assertThat(Files.readString(o.resolve("summary.json")))
        .contains("\"unengaged\" : 0")
        .contains("\"outputFiles\" : 0");
  }

  @Test
  void aSecondRunIntoTheSameFolder_replacesTheFirst() throws Exception {
    Path events = events("again@example.com", 6, "");
    Path o = tmp.resolve("o");
    assertThat(
            run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                o.toString(),
                "--as-of",
                "2026-08-31"))
        .isZero();
    assertThat(
            run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                o.toString(),
                "--as-of",
                "2026-08-31",
                "--min-delivered",
                "7"))
        .isZero();
    assertThat(ImportFolder.fileNames(o.resolve("import"))).isEmpty();
    assertThat(ImportFolder.fileNames(o)).containsExactly("report.html", "summary.json");
  }

  @Test
  void machineOpenOptions_areInTheHelp() {
    assertThat(run("segment", "--help")).isZero();
    assertThat(out.toString())
        .contains("--machine-opens", "Default: count.", "--machine-open-ips", "egress");
  }

  @Test
  void anUnknownMachineOpensMode_isAUsageError() {
    int code = run("segment", "--events", "x", "--out", "y", "--machine-opens", "skip");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("Invalid --machine-opens 'skip': use count (the query's behaviour) or ignore");
  }

  @Test
  void crossCheckWithIgnore_isAUsageError() {
    int code =
        run("segment", "--events", "x", "--out", "y", "--machine-opens", "ignore", "--cross-check");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("run it with --machine-opens count");
  }

  @Test
  void aBadIpList_failsWithItsLineNumber_andPublishesNothing() throws Exception {
    Path events = events("ips@example.com", 6, "");
    Path list = tmp.resolve("egress.csv");
    Files.writeString(list, "# ranges\n17.0.0.0/8,US,,,\nnot-a-prefix,GB,,,\n");
    Path o = tmp.resolve("o");
    int code =
        run(
            "segment",
            "--events",
            events.toString(),
            "--out",
            o.toString(),
            "--as-of",
            "2026-08-31",
            "--machine-open-ips",
            list.toString());
    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(oneLine())
        .contains("Invalid --machine-open-ips")
        .contains("line 3: 'not-a-prefix' is not an IPv4 or IPv6 address");
    assertThat(o.resolve("summary.json")).doesNotExist();
  }

  @Test
  void countMode_withAnIpList_writesTheSameRows_andReportsBothNumbers() throws Exception {
    Path events = events("both@example.com", 6, "");
    Path list = tmp.resolve("egress.csv");
    Files.writeString(list, "17.0.0.0/8,US,,,\n");
    Path o = tmp.resolve("o");
    assertThat(
            run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                o.toString(),
                "--as-of",
                "2026-08-31",
                "--machine-open-ips",
                list.toString()))
        .isZero();
    assertThat(ImportFolder.sortedRows(o.resolve("import")))
        .containsExactly("EMAIL,both@example.com,both@example.com,1768046405000,1768046400000,,6");
    com.fasterxml.jackson.databind.JsonNode summary =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(o.resolve("summary.json").toFile());
    assertThat(summary.get("machineOpens").asLong()).isZero();
    assertThat(summary.get("unengagedIgnoringMachineOpens").asLong()).isEqualTo(1);
    assertThat(summary.get("machineOpenSettings").get("ipListPrefixes").asLong()).isEqualTo(1);
    assertThat(summary.get("machineOpenSettings").get("mode").asText()).isEqualTo("count");
  }
}
