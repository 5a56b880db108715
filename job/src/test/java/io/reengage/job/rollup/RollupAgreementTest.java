package io.reengage.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.MainAccess;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * segment --rollups writes the same rows as the full scan, through the real CLI and the on-disk
 * rollup format: with every day rolled up, with days missing, and with an until inside a day.
 */
class RollupAgreementTest {

  static final Path EVENTS = Path.of("..", "testdata", "events").toAbsolutePath().normalize();

  @TempDir static Path tmp;
  static Path rollups;

  @BeforeAll
  static void rollUpTheTestdata() throws Exception {
    SparkTestSession.get();
    rollups = tmp.resolve("rollups");
    assertThat(MainAccess.run("rollup", "--events", EVENTS.toString(), "--rollups", rollups.toString(),
            "--from", "2025-10-01", "--to", "2026-09-02", "--chunk-days", "120"))
        .isZero();
  }

  static List<String> segment(String name, String... extra) throws Exception {
    Path out = tmp.resolve(name);
    String[] base = {"segment", "--events", EVENTS.toString(), "--out", out.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    assertThat(MainAccess.run(args)).isZero();
    return ImportFolder.sortedRows(out.resolve("import"));
  }

  @Test
  void everyDayRolledUp_sameRowsAsTheFullScan() throws Exception {
    for (String asOf : new String[] {"2026-08-31", "2026-06-30"}) {
      List<String> full = segment("full-" + asOf, "--as-of", asOf);
      List<String> rolled = segment("rolled-" + asOf, "--as-of", asOf, "--rollups", rollups.toString());
      assertThat(rolled).as(asOf).isNotEmpty().containsExactlyElementsOf(full);
    }
    assertThat(Files.readString(tmp.resolve("rolled-2026-08-31/summary.json")))
        .contains("\"rollupDays\" : 305")
        .contains("\"deliveredEvents\" : 342")
        .contains("\"engagementEvents\" : 13")
        .contains("\"droppedAddresses\" : 16");
  }

  @Test
  void missingDaysAndAnUntilInsideADay_stillTheSameRows() throws Exception {
    // Remove a few rolled-up days, among them both window start days: they are read raw instead.
    Path gappy = tmp.resolve("rollups-gappy");
    copy(rollups, gappy);
    for (String day : new String[] {"2025-10-31", "2026-02-28", "2026-04-10", "2026-06-01"}) {
      deleteTree(gappy.resolve("day=" + day));
    }
    String until = "2026-08-31T13:37:00Z";
    List<String> full = segment("full-gappy", "--as-of", "2026-08-31", "--until", until);
    List<String> rolled = segment("rolled-gappy", "--as-of", "2026-08-31", "--until", until, "--rollups", gappy.toString());
    assertThat(rolled).isNotEmpty().containsExactlyElementsOf(full);
    assertThat(Files.readString(tmp.resolve("rolled-gappy/summary.json")))
        .contains("\"2025-10-31\"", "\"2026-02-28\"", "\"2026-04-10\"", "\"2026-06-01\"", "\"2026-08-31\"");
  }

  static void copy(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static void deleteTree(Path p) throws Exception {
    try (var paths = Files.walk(p)) {
      for (Path q : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
