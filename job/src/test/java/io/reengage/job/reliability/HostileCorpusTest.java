package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testdata/hostile/ through the real CLI: the run completes, counts what it skipped, and writes
 * exactly the rows of a clean copy that holds only the corpus's valid records, which are also the
 * rows derived by hand in testdata/hostile/expected/. Counts come from testdata/hostile/README.md.
 */
class HostileCorpusTest {

  @TempDir static Path tmp;
  static Path hostileEvents;
  static Path cleanEvents;
  static Cli.Result hostile;
  static Cli.Result clean;

  @BeforeAll
  static void runTheCorpusAndItsCleanCopy() throws Exception {
    byte[] big = Corpora.bigRecord();

    hostileEvents = Corpora.hostileEvents(tmp);

    // The clean copy: the valid records alone, one per line, in one plain file.
    cleanEvents = tmp.resolve("clean");
    Path cleanFile =
        cleanEvents.resolve("2026/01/01/00/pinpoint-email-events-1-2026-01-01-00-00-00-c1ea0c09");
    Files.createDirectories(cleanFile.getParent());
    Files.write(
        cleanFile,
        concat(
            Files.readAllBytes(Corpora.HOSTILE.resolve("valid-records.ndjson")),
            big,
            new byte[] {'\n'}));

    hostile = segment(hostileEvents, tmp.resolve("out-hostile"), "--max-bad-fraction", "0.2");
    clean = segment(cleanEvents, tmp.resolve("out-clean"));
  }

  static Cli.Result segment(Path events, Path out, String... more) {
    List<String> args =
        new ArrayList<>(List.of("segment", "--events", events.toString(), "--out", out.toString()));
    args.addAll(List.of(Corpora.AS_OF));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void theGeneratedRecordIsReallySeveralMegabytes() throws Exception {
    assertThat(Files.size(hostileEvents.resolve(Corpora.BIG_RECORD_FILE)))
        .isGreaterThan(5_000_000L);
  }

  @Test
  void bothRunsComplete() {
    assertThat(hostile.exitCode()).as(hostile.err()).isEqualTo(ExitCodes.OK);
    assertThat(clean.exitCode()).as(clean.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theHostileCorpusYieldsTheRowsOfItsCleanCopy() throws Exception {
    List<String> cleanRows = ImportFolder.sortedRows(tmp.resolve("out-clean/import"));
    assertThat(cleanRows).isNotEmpty();
    assertThat(ImportFolder.sortedRows(tmp.resolve("out-hostile/import"))).isEqualTo(cleanRows);
  }

  @Test
  void bothYieldTheHandDerivedRows() throws Exception {
    List<String> expected = ImportFolder.expectedRows(Corpora.HOSTILE_EXPECTED);
    assertThat(ImportFolder.sortedRows(tmp.resolve("out-hostile/import"))).isEqualTo(expected);
    assertThat(ImportFolder.sortedRows(tmp.resolve("out-clean/import"))).isEqualTo(expected);
  }

  @Test
  void theSummaryCountsWhatWasSkipped() throws Exception {
    JsonNode s = Summary.read(tmp.resolve("out-hostile"));
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(12);
    assertThat(s.get("inputs").get(0).get("unreadableFiles").asLong()).isEqualTo(3);
    assertThat(s.get("records").asLong()).isEqualTo(182);
    assertThat(s.get("badRecords").asLong()).isEqualTo(20);
    assertThat(s.get("ignoredRecords").asLong()).isEqualTo(9);
    assertThat(s.get("deliveredEvents").asLong()).isEqualTo(150);
    assertThat(s.get("engagementEvents").asLong()).isEqualTo(2);
    assertThat(s.get("addresses").asLong()).isEqualTo(27);
    assertThat(s.get("unengaged").asLong()).isEqualTo(11);
    assertThat(s.get("droppedAddresses").asLong()).isZero();
    assertThat(s.get("thresholds").get("maxBadFraction").asDouble()).isEqualTo(0.2);
  }

  @Test
  void theCleanCopySkipsNothing() throws Exception {
    JsonNode s = Summary.read(tmp.resolve("out-clean"));
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(1);
    assertThat(s.get("inputs").get(0).get("unreadableFiles").asLong()).isZero();
    assertThat(s.get("records").asLong()).isEqualTo(162);
    assertThat(s.get("badRecords").asLong()).isZero();
    assertThat(s.get("ignoredRecords").asLong()).isEqualTo(9);
    assertThat(s.get("deliveredEvents").asLong()).isEqualTo(150);
    assertThat(s.get("engagementEvents").asLong()).isEqualTo(2);
  }

  @Test
  void theOutputFolderHoldsOnlyTheImportAndTheSummary() throws Exception {
    assertThat(ImportFolder.fileNames(tmp.resolve("out-hostile")))
        .containsExactly("import", "report.html", "summary.json");
  }

  @Test
  void aBadShareAboveTheLimit_failsWithOneLine_andPublishesNothing() throws Exception {
    Path out = tmp.resolve("out-limit");
    // 20 bad of 182 is 10.99 %: above 0.1.
    Cli.Result r = segment(hostileEvents, out, "--max-bad-fraction", "0.1");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0))
        .startsWith("reengage: Too many bad records in --events " + hostileEvents)
        .contains("20 of 182")
        .contains("--max-bad-fraction 0.1")
        .contains("raise --max-bad-fraction");
    assertThat(ImportFolder.fileNames(out)).isEmpty();
  }
}
