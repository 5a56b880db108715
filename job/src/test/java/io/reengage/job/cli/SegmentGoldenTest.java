package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.SummaryJson;
import io.reengage.contract.summary.WorkflowSummary;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.JobProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI, in its own JVM, on testdata/ against the expected CSV derived by hand from the
 * stories in testdata/README.md (the counts below come from that README too).
 */
class SegmentGoldenTest {

  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();

  @TempDir static Path tmp;
  static JobProcess.Result run;
  static Path out;

  @BeforeAll
  static void runTheDemo() throws Exception {
    out = tmp.resolve("demo");
    run =
        JobProcess.run(
            "segment",
            "--events",
            TESTDATA.resolve("events").toString(),
            "--as-of",
            "2026-08-31",
            "--out",
            out.toString());
  }

  @Test
  void exitsZero_andWritesTheHandDerivedRows() throws Exception {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(ImportFolder.sortedRows(out.resolve("import")))
        .containsExactlyElementsOf(
            ImportFolder.expectedRows(TESTDATA.resolve("expected/unengaged-2026-08-31.csv")));
  }

  @Test
  void outputFolderHoldsOnlyCsvPartsAndTheSummary() throws Exception {
    assertThat(ImportFolder.fileNames(out))
        .containsExactly("import", "report.html", "summary.json");
    List<String> parts = ImportFolder.fileNames(out.resolve("import"));
    assertThat(parts).isNotEmpty().allMatch(n -> n.matches("part-\\d{5}-\\d{3}\\.csv"));
    for (String part : parts) {
      assertThat(Files.size(out.resolve("import").resolve(part)))
          .isGreaterThan(ImportFolder.HEADER.length() + 1L);
      byte[] head = Files.readAllBytes(out.resolve("import").resolve(part));
      assertThat(head[0]).as("no byte-order mark").isEqualTo((byte) 'C');
    }
  }

  @Test
  void summaryCountsMatchTheStories() throws Exception {
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.get("asOf").asText()).isEqualTo("2026-08-31");
    assertThat(s.get("until").asText()).isEqualTo("2026-09-01T00:00:00Z");
    assertThat(s.get("windows").get("deliveredStart").asText()).isEqualTo("2025-10-31T00:00:00Z");
    assertThat(s.get("windows").get("engagementStart").asText()).isEqualTo("2026-02-28T00:00:00Z");
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(43);
    assertThat(s.get("records").asLong()).isEqualTo(702);
    assertThat(s.get("pinpointRecords").asLong()).isEqualTo(702);
    assertThat(s.get("sesRecords").asLong()).isZero();
    assertThat(s.get("badRecords").asLong()).isZero();
    assertThat(s.get("deliveredEvents").asLong()).isEqualTo(342);
    assertThat(s.get("engagementEvents").asLong()).isEqualTo(13);
    assertThat(s.get("droppedAddresses").asLong()).isEqualTo(16);
    assertThat(s.get("addresses").asLong()).isEqualTo(57);
    assertThat(s.get("unengaged").asLong()).isEqualTo(32);
    assertThat(s.get("outputFiles").asLong()).isEqualTo(1);
    assertThat(s.get("crossCheck").get("ran").asBoolean()).isFalse();
    assertThat(s.get("timings").get("jobMs").asLong()).isPositive();
  }

  /** The orchestrator reads the summary with SummaryJson (its SummaryReader and ReadSummary). */
  @Test
  void theSummaryTheJobWrote_readsWithTheOrchestratorsReader() throws Exception {
    RunSummary s =
        SummaryJson.read(Files.readAllBytes(out.resolve("summary.json")), "the demo's summary");

    assertThat(WorkflowSummary.of(s))
        .isEqualTo(
            new WorkflowSummary(
                "2026-08-31",
                "2026-09-01T00:00:00Z",
                1788220800000L,
                702,
                0,
                57,
                32,
                1,
                Files.size(
                    out.resolve("import")
                        .resolve(ImportFolder.fileNames(out.resolve("import")).get(0))),
                out.resolve("import").toUri().toString().replace("file:///", "file:/")));
    assertThat(s.windows().engagementStart()).isEqualTo("2026-02-28T00:00:00Z");
    assertThat(s.droppedAddresses()).isEqualTo(16);
    assertThat(s.source()).isEqualTo("raw");
    assertThat(s.rollups()).isNull();
  }

  @Test
  void noAddressReachesTheConsole() throws Exception {
    assertThat(run.output()).contains("32 unengaged of 57 addresses");
    for (String row :
        ImportFolder.expectedRows(TESTDATA.resolve("expected/unengaged-2026-08-31.csv"))) {
      String localPart = row.split(",")[1].replace("\"", "");
      assertThat(run.output()).doesNotContain(localPart.trim());
    }
    Matcher m = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.(com|org|net)").matcher(run.output());
    assertThat(m.find()).as("an address-like string in the console output").isFalse();
  }

  @Test
  void aRerunWithTheSameAsOfWritesTheSameBytes() throws Exception {
    Path again = tmp.resolve("again");
    JobProcess.Result second =
        JobProcess.run(
            "segment",
            "--events",
            TESTDATA.resolve("events").toString(),
            "--as-of",
            "2026-08-31",
            "--until",
            "2026-09-01T00:00:00Z",
            "--out",
            again.toString());
    assertThat(second.exitCode()).as(second.output()).isZero();
    List<String> parts = ImportFolder.fileNames(out.resolve("import"));
    assertThat(ImportFolder.fileNames(again.resolve("import"))).isEqualTo(parts);
    for (String part : parts) {
      assertThat(Files.readAllBytes(again.resolve("import").resolve(part)))
          .isEqualTo(Files.readAllBytes(out.resolve("import").resolve(part)));
    }
  }
}
