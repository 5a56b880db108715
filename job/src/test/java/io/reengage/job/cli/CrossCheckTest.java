package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * segment --cross-check: agreement on testdata, and a planted disagreement that must fail the run.
 */
class CrossCheckTest {

  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();

  @TempDir Path tmp;
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void spark() {
    SparkTestSession.get();
  }

  @AfterEach
  void restorePort() {
    System.clearProperty("reengage.crosscheck.sql-file");
  }

  int run(Path out, String asOf) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(
        "segment",
        "--events",
        TESTDATA.resolve("events").toString(),
        "--as-of",
        asOf,
        "--out",
        out.toString(),
        "--cross-check");
  }

  @Test
  void thePortAgreesOnTestdata_atSeveralAsOfDates() throws Exception {
    for (String asOf : new String[] {"2026-08-31", "2026-12-31"}) {
      Path out = tmp.resolve(asOf);
      assertThat(run(out, asOf)).as(err.toString()).isZero();
      String summary = Files.readString(out.resolve("summary.json"));
      assertThat(summary).contains("\"ran\" : true").contains("\"mismatchedRows\" : 0");
    }
    assertThat(ImportFolder.sortedRows(tmp.resolve("2026-08-31/import")))
        .containsExactlyElementsOf(
            ImportFolder.expectedRows(TESTDATA.resolve("expected/unengaged-2026-08-31.csv")));
  }

  @Test
  void aDisagreementFailsTheRun_publishesNothing_andReportsTheRowsInAFile() throws Exception {
    // A port that accepts 5 deliveries: the testdata has addresses with exactly five.
    String port = io.reengage.job.crosscheck.SqlPortCrossCheck.packagedPort();
    String offByOne =
        port.replace(
            "AND num_delivered > ${min_delivered_exclusive}",
            "AND num_delivered > ${min_delivered_exclusive} - 1");
    assertThat(offByOne).isNotEqualTo(port);
    Path file = Files.writeString(tmp.resolve("off-by-one-port.sql"), offByOne);
    System.setProperty("reengage.crosscheck.sql-file", file.toString());
    Path out = tmp.resolve("bad");
    assertThat(run(out, "2026-08-31")).isEqualTo(ExitCodes.DIFFERENT);
    assertThat(err.toString())
        .contains("Cross-check failed")
        .contains("nothing was published")
        .doesNotContain("@example");
    assertThat(out.resolve("summary.json")).doesNotExist();
    assertThat(out.resolve("import")).doesNotExist();
    assertThat(Files.readAllLines(out.resolve("cross-check-report.csv")))
        .hasSizeGreaterThan(1)
        .allMatch(l -> l.startsWith("side,") || l.startsWith("extra,"));
  }
}
