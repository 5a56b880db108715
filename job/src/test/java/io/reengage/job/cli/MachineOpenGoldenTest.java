package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI on testdata/machine-opens/ in both modes, with and without the IP list, full scan and
 * rollups, against the CSVs and summary figures derived by hand in testdata/README.md ("Machine
 * opens").
 */
class MachineOpenGoldenTest {

  static final Path DATA = Path.of("..", "testdata", "machine-opens").toAbsolutePath().normalize();
  static final String LIST = DATA.resolve("egress-ip-ranges.csv").toString();

  @TempDir Path tmp;
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void shareOneSparkSession() {
    SparkTestSession.get();
  }

  private JsonNode segment(Path out, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                DATA.resolve("events").toString(),
                "--as-of",
                "2026-08-31",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    assertThat(run(args.toArray(new String[0]))).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  private static List<String> expected(String name) throws Exception {
    return ImportFolder.expectedRows(DATA.resolve(name));
  }

  private static void assertFigures(JsonNode s, long unengaged, long machine, long ignoring) {
    assertThat(s.get("unengaged").asLong()).as("unengaged").isEqualTo(unengaged);
    assertThat(s.get("machineOpens").asLong()).as("machineOpens").isEqualTo(machine);
    assertThat(s.get("unengagedIgnoringMachineOpens").asLong())
        .as("unengagedIgnoringMachineOpens")
        .isEqualTo(ignoring);
  }

  @Test
  void countMode_withoutList() throws Exception {
    Path out = tmp.resolve("count");
    JsonNode s = segment(out);
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(expected("expected-count.csv"));
    assertFigures(s, 1, 6, 5);
  }

  @Test
  void countMode_withList() throws Exception {
    Path out = tmp.resolve("count-list");
    JsonNode s = segment(out, "--machine-open-ips", LIST);
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(expected("expected-count.csv"));
    assertFigures(s, 1, 5, 4);
    assertThat(s.get("machineOpenSettings").get("ipListPrefixes").asLong()).isEqualTo(3);
  }

  @Test
  void ignoreMode_withoutList() throws Exception {
    Path out = tmp.resolve("ignore");
    JsonNode s = segment(out, "--machine-opens", "ignore");
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(expected("expected-ignore.csv"));
    assertFigures(s, 5, 6, 5);
  }

  @Test
  void ignoreMode_withList() throws Exception {
    Path out = tmp.resolve("ignore-list");
    JsonNode s = segment(out, "--machine-opens", "ignore", "--machine-open-ips", LIST);
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(expected("expected-ignore-with-ip-list.csv"));
    assertFigures(s, 4, 5, 4);
  }

  @Test
  void rollupsMadeWithTheList_serveBothModes_andAnotherClassificationIsReadRaw() throws Exception {
    Path rollups = tmp.resolve("rollups");
    assertThat(
            run(
                "rollup",
                "--events",
                DATA.resolve("events").toString(),
                "--rollups",
                rollups.toString(),
                "--from",
                "2025-10-01",
                "--to",
                "2026-09-01",
                "--machine-open-ips",
                LIST))
        .as(err.toString())
        .isZero();

    Path ignore = tmp.resolve("r-ignore");
    JsonNode s =
        segment(
            ignore,
            "--rollups",
            rollups.toString(),
            "--machine-opens",
            "ignore",
            "--machine-open-ips",
            LIST);
    assertThat(ImportFolder.sortedRows(ignore.resolve("import")))
        .containsExactlyElementsOf(expected("expected-ignore-with-ip-list.csv"));
    assertFigures(s, 4, 5, 4);
    // until is a midnight, so every day of the windows is whole and comes from the rollups.
    assertThat(s.get("rollups").get("rawDays").asLong()).isZero();

    Path count = tmp.resolve("r-count");
    s = segment(count, "--rollups", rollups.toString(), "--machine-open-ips", LIST);
    assertThat(ImportFolder.sortedRows(count.resolve("import")))
        .containsExactlyElementsOf(expected("expected-count.csv"));
    assertFigures(s, 1, 5, 4);

    // Without the list, the rolled-up days were classified otherwise: every day is read raw.
    Path noList = tmp.resolve("r-nolist");
    s = segment(noList, "--rollups", rollups.toString(), "--machine-opens", "ignore");
    assertThat(ImportFolder.sortedRows(noList.resolve("import")))
        .containsExactlyElementsOf(expected("expected-ignore.csv"));
    assertFigures(s, 5, 6, 5);
    assertThat(s.get("rollups").get("rollupDays").asLong()).isZero();
  }
}
