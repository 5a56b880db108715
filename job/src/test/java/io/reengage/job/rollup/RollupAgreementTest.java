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
    assertThat(
            MainAccess.run(
                "rollup",
                "--events",
                EVENTS.toString(),
                "--rollups",
                rollups.toString(),
                "--from",
                "2025-10-01",
                "--to",
                "2026-09-02",
                "--chunk-days",
                "120"))
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
      List<String> rolled =
          segment("rolled-" + asOf, "--as-of", asOf, "--rollups", rollups.toString());
      assertThat(rolled).as(asOf).isNotEmpty().containsExactlyElementsOf(full);
    }
    assertThat(Files.readString(tmp.resolve("rolled-2026-08-31/summary.json")))
        .contains("\"rollupDays\" : 305")
        .contains("\"deliveredEvents\" : 342")
        .contains("\"engagementEvents\" : 13")
        .contains("\"droppedAddresses\" : 16")
        // rollup compacted the months, and every rolled-up day came from a compacted month
        .contains("\"daysFromCompactedMonths\" : 305");
    assertThat(rollups.resolve("month=2026-05").resolve(MonthMarker.FILE_NAME)).exists();
  }

  @Test
  void aDayRolledUpAgainAfterItsMonthWasCompacted_isReadFromItsOwnFiles() throws Exception {
    // Late events for 2026-05-15: an open by an address the original data finds unengaged.
    Path events = tmp.resolve("events-late");
    copy(EVENTS, events);
    Path late =
        events.resolve("2026/05/15/12/pinpoint-email-events-1-2026-05-15-12-00-00-late0001");
    Files.createDirectories(late.getParent());
    Files.writeString(
        late,
        "{\"event_type\":\"_email.open\",\"arrival_timestamp\":1778846400000,\"facets\":{\"email_channel\":"
            + "{\"mail_event\":{\"mail\":{\"destination\":[\"Case.Sensitive@Example.com\"]}}}}}\n");
    Path store = tmp.resolve("rollups-stale");
    copy(rollups, store);
    Path staleMay = tmp.resolve("month-2026-05-before");
    copy(store.resolve("month=2026-05"), staleMay);

    // The day is rolled up again (which compacts May anew); then May's old compaction is put back,
    // as if compaction had not caught up: its copy of the day's marker no longer matches.
    assertThat(
            MainAccess.run(
                "rollup",
                "--events",
                events.toString(),
                "--rollups",
                store.toString(),
                "--from",
                "2026-05-15",
                "--to",
                "2026-05-15"))
        .isZero();
    deleteTree(store.resolve("month=2026-05"));
    copy(staleMay, store.resolve("month=2026-05"));

    List<String> before = segment("full-before-late", "--as-of", "2026-08-31");
    List<String> full = fullScanOf(events, "full-late");
    assertThat(full).as("the late open changes the result").hasSize(before.size() - 1);
    Path out = tmp.resolve("rolled-late");
    assertThat(
            MainAccess.run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-08-31",
                "--rollups",
                store.toString()))
        .isZero();
    assertThat(ImportFolder.sortedRows(out.resolve("import"))).containsExactlyElementsOf(full);
    assertThat(Files.readString(out.resolve("summary.json")))
        .contains("\"daysFromCompactedMonths\" : 304");
  }

  @Test
  void aSecondRollupOfTheSameDays_leavesTheCompactedMonthsAsTheyAre() throws Exception {
    Path store = tmp.resolve("rollups-again");
    copy(rollups, store);
    Path marker = store.resolve("month=2026-05").resolve(MonthMarker.FILE_NAME);
    String before = Files.readString(marker);
    java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(marker);

    assertThat(
            MainAccess.run(
                "rollup",
                "--events",
                EVENTS.toString(),
                "--rollups",
                store.toString(),
                "--from",
                "2026-05-01",
                "--to",
                "2026-05-31",
                "--skip-complete"))
        .isZero();

    assertThat(Files.readString(marker)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(marker)).isEqualTo(written);
  }

  static List<String> fullScanOf(Path events, String name) throws Exception {
    Path out = tmp.resolve(name);
    assertThat(
            MainAccess.run(
                "segment",
                "--events",
                events.toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-08-31"))
        .isZero();
    return ImportFolder.sortedRows(out.resolve("import"));
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
    List<String> rolled =
        segment(
            "rolled-gappy",
            "--as-of",
            "2026-08-31",
            "--until",
            until,
            "--rollups",
            gappy.toString());
    assertThat(rolled).isNotEmpty().containsExactlyElementsOf(full);
    assertThat(Files.readString(tmp.resolve("rolled-gappy/summary.json")))
        .contains(
            "\"2025-10-31\"",
            "\"2026-02-28\"",
            "\"2026-04-10\"",
            "\"2026-06-01\"",
            "\"2026-08-31\"");
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
