package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.JobProcess;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SES stories of testdata/README.md ("SES stories"): testdata/ses-events alone, and with the
 * Pinpoint stories as a second --events root, against the expected CSVs derived by hand there (the
 * counts below come from that README too).
 */
class SesGoldenTest {

  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();
  static final String PINPOINT = TESTDATA.resolve("events").toString();
  static final String SES = TESTDATA.resolve("ses-events").toString();
  static final String[] AS_OF = {"--as-of", "2026-08-31", "--until", "2026-09-01T00:00:00Z"};

  @TempDir static Path tmp;
  static JobProcess.Result sesOnly;

  @BeforeAll
  static void runSesAlone() throws Exception {
    sesOnly =
        JobProcess.run(
            "segment", "--events", SES, AS_OF[0], AS_OF[1], "--out", tmp.resolve("ses").toString());
  }

  static List<String> expected(String... files) throws Exception {
    List<String> rows = new ArrayList<>();
    for (String f : files) {
      rows.addAll(ImportFolder.expectedRows(TESTDATA.resolve("expected").resolve(f)));
    }
    rows.sort(null);
    return rows;
  }

  static JsonNode summary(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  static Path segment(String name, String... args) {
    Path out = tmp.resolve(name);
    List<String> all = new ArrayList<>(List.of("segment"));
    all.addAll(List.of(args));
    all.addAll(List.of(AS_OF));
    all.addAll(List.of("--out", out.toString()));
    assertThat(MainAccess.run(all.toArray(new String[0]))).isZero();
    return out;
  }

  @Test
  void sesAlone_writesTheHandDerivedRows_andNoAddressOnTheConsole() throws Exception {
    assertThat(sesOnly.exitCode()).as(sesOnly.output()).isZero();
    Path out = tmp.resolve("ses");
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(expected("unengaged-ses-2026-08-31.csv"));
    assertThat(sesOnly.output()).contains("8 unengaged of 13 addresses");
    Matcher m = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.org").matcher(sesOnly.output());
    assertThat(m.find()).as("an address-like string in the console output").isFalse();

    JsonNode s = summary(out);
    assertThat(s.get("inputs")).hasSize(1);
    assertThat(s.get("inputs").get(0).get("uri").asText()).isEqualTo(SES);
    assertThat(s.get("inputs").get(0).get("layout").asText()).isEqualTo("firehose");
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(66);
    assertThat(s.get("records").asLong()).isEqualTo(131);
    assertThat(s.get("pinpointRecords").asLong()).isEqualTo(5);
    assertThat(s.get("sesRecords").asLong()).isEqualTo(126);
    assertThat(s.get("badRecords").asLong()).isZero();
    assertThat(s.get("deliveredEvents").asLong()).isEqualTo(66);
    assertThat(s.get("engagementEvents").asLong()).isEqualTo(3);
    assertThat(s.get("addresses").asLong()).isEqualTo(13);
    assertThat(s.get("unengaged").asLong()).isEqualTo(8);
  }

  @Test
  void twoRoots_giveBothSetsOfRows_andCountsThatAddUp() throws Exception {
    Path out = segment("both", "--events", PINPOINT, "--events", SES);
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(
            expected("unengaged-2026-08-31.csv", "unengaged-ses-2026-08-31.csv"));
    JsonNode s = summary(out);
    assertThat(s.get("inputs")).hasSize(2);
    assertThat(s.get("inputs").get(0).get("uri").asText()).isEqualTo(PINPOINT);
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(43);
    assertThat(s.get("inputs").get(0).get("records").asLong()).isEqualTo(702);
    assertThat(s.get("inputs").get(1).get("files").asLong()).isEqualTo(66);
    assertThat(s.get("inputs").get(1).get("sesRecords").asLong()).isEqualTo(126);
    assertThat(s.get("records").asLong()).isEqualTo(702 + 131);
    assertThat(s.get("pinpointRecords").asLong()).isEqualTo(702 + 5);
    assertThat(s.get("sesRecords").asLong()).isEqualTo(126);
    assertThat(s.get("deliveredEvents").asLong()).isEqualTo(342 + 66);
    assertThat(s.get("engagementEvents").asLong()).isEqualTo(13 + 3);
    assertThat(s.get("addresses").asLong()).isEqualTo(57 + 13);
    assertThat(s.get("unengaged").asLong()).isEqualTo(32 + 8);
  }

  @Test
  void twoRoots_theSqlPortAgrees() {
    segment("cross", "--events", PINPOINT, "--events", SES, "--cross-check");
  }

  @Test
  void twoRoots_withRollups_sameRowsAsTheFullScan() throws Exception {
    SparkTestSession.get();
    Path rollups = tmp.resolve("rollups");
    assertThat(
            MainAccess.run(
                "rollup",
                "--events",
                PINPOINT,
                "--events",
                SES,
                "--rollups",
                rollups.toString(),
                "--from",
                "2025-10-01",
                "--to",
                "2026-08-30",
                "--chunk-days",
                "366"))
        .isZero();
    Path out =
        segment("rolled", "--events", PINPOINT, "--events", SES, "--rollups", rollups.toString());
    assertThat(summary(out).get("source").asText()).isEqualTo("rollups+raw");
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(
            expected("unengaged-2026-08-31.csv", "unengaged-ses-2026-08-31.csv"));
  }

  @Test
  void sesAliasesOfTheEngagementTypes_sameRows() throws Exception {
    Path out = segment("aliases", "--events", SES, "--engagement-types", "Open,Click");
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(expected("unengaged-ses-2026-08-31.csv"));
    assertThat(summary(out).get("thresholds").get("engagementTypes").toString())
        .isEqualTo("[\"_email.click\",\"_email.open\"]");
  }
}
