package io.reengage.contract.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

  private static RunSummary.Builder fullScan() {
    return RunSummary.builder()
        .asOf("2026-08-31")
        .until("2026-09-01T00:00:00Z")
        .untilEpochMillis(1788220800000L)
        .windows(new RunSummary.Windows(10, 6, "2025-10-31T00:00:00Z", "2026-02-28T00:00:00Z"))
        .thresholds(new RunSummary.Thresholds(6, List.of("_email.click", "_email.open"), 0.001))
        .inputs(
            List.of(
                new RunSummary.Input(
                    "file:/data/events", "firehose", 12, 43, 9000, 0, 702, 690, 12)))
        .records(702)
        .pinpointRecords(690)
        .sesRecords(12)
        .badRecords(0)
        .ignoredRecords(5)
        .deliveredEvents(342)
        .engagementEvents(13)
        .addresses(57)
        .unengaged(32)
        .droppedAddresses(16)
        .machineOpens(4)
        .unengagedIgnoringMachineOpens(33)
        .machineOpenSettings(new RunSummary.MachineOpenSettings("count", null, 0, "user-agent"))
        .outputFiles(1)
        .outputBytes(2500)
        .importUri("file:/out/import/")
        .timings(new RunSummary.Timings(3, 40, 30, null, 5, 50));
  }

  /** The shape summary.json had before it was a record, written out by hand. */
  @Test
  void aFullScanSummary_isWrittenInTheEstablishedShape() {
    String json = new String(SummaryJson.write(fullScan().build()), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            """
            {
              "asOf" : "2026-08-31",
              "until" : "2026-09-01T00:00:00Z",
              "untilEpochMillis" : 1788220800000,
              "windows" : {
                "deliveredMonths" : 10,
                "engagementMonths" : 6,
                "deliveredStart" : "2025-10-31T00:00:00Z",
                "engagementStart" : "2026-02-28T00:00:00Z"
              },
              "thresholds" : {
                "minDelivered" : 6,
                "engagementTypes" : [ "_email.click", "_email.open" ],
                "maxBadFraction" : 0.001
              },
              "inputs" : [ {
                "uri" : "file:/data/events",
                "layout" : "firehose",
                "foldersListed" : 12,
                "files" : 43,
                "bytes" : 9000,
                "unreadableFiles" : 0,
                "records" : 702,
                "pinpointRecords" : 690,
                "sesRecords" : 12
              } ],
              "records" : 702,
              "pinpointRecords" : 690,
              "sesRecords" : 12,
              "badRecords" : 0,
              "ignoredRecords" : 5,
              "deliveredEvents" : 342,
              "engagementEvents" : 13,
              "addresses" : 57,
              "unengaged" : 32,
              "droppedAddresses" : 16,
              "machineOpens" : 4,
              "unengagedIgnoringMachineOpens" : 33,
              "machineOpenSettings" : {
                "mode" : "count",
                "ipListPrefixes" : 0,
                "classification" : "user-agent"
              },
              "outputFiles" : 1,
              "outputBytes" : 2500,
              "importUri" : "file:/out/import/",
              "crossCheck" : {
                "ran" : false,
                "mismatchedRows" : 0
              },
              "source" : "raw",
              "timings" : {
                "listMs" : 3,
                "aggregateMs" : 40,
                "scanMs" : 30,
                "writeMs" : 5,
                "jobMs" : 50
              }
            }""");
  }

  @Test
  void withRollups_theRollupsPartFollowsTheSource_andNoRollupDayIsNull() {
    RunSummary s =
        fullScan()
            .rollups(
                new RunSummary.Rollups(
                    0, null, null, 0, 3, List.of("2026-08-29..2026-08-31"), null, null))
            .build();
    String json = new String(SummaryJson.write(s), StandardCharsets.UTF_8);

    assertThat(json)
        .contains(
            """
              "source" : "rollups+raw",
              "rollups" : {
                "rollupDays" : 0,
                "firstRollupDay" : null,
                "lastRollupDay" : null,
                "bytes" : 0,
                "rawDays" : 3,
                "rawDayRanges" : [ "2026-08-29..2026-08-31" ]
              },
              "timings" : {
            """);
  }

  @Test
  void whatIsWritten_readsBackEqual() {
    RunSummary s =
        fullScan()
            .crossCheck(new RunSummary.CrossCheck(true, 0))
            .rollups(
                new RunSummary.Rollups(
                    300, "2025-11-01", "2026-08-28", 1234, 3, List.of("a", "b"), 9, 270))
            .timings(new RunSummary.Timings(1, 2, 3, 4L, 5, 6))
            .build();

    assertThat(SummaryJson.read(SummaryJson.write(s), "test")).isEqualTo(s);
  }

  @Test
  void unknownFields_areIgnored_andMissingPartsAreNull() {
    String json =
        """
        {"asOf":"2026-08-31","until":"2026-09-01T00:00:00Z","untilEpochMillis":1788220800000,
         "records":10,"badRecords":0,"addresses":5,"unengaged":2,"outputFiles":1,"outputBytes":300,
         "importUri":"s3://b/run/import/","aFieldOfTomorrow":{"x":1}}""";

    RunSummary s = SummaryJson.read(json.getBytes(StandardCharsets.UTF_8), "test");

    assertThat(WorkflowSummary.of(s))
        .isEqualTo(
            new WorkflowSummary(
                "2026-08-31",
                "2026-09-01T00:00:00Z",
                1788220800000L,
                10,
                0,
                5,
                2,
                1,
                300,
                "s3://b/run/import/"));
    assertThat(s.windows()).isNull();
  }

  @Test
  void aMissingOrNegativeCount_isRefusedByName() {
    String without =
        new String(SummaryJson.write(fullScan().build()), StandardCharsets.UTF_8)
            .replace("\"unengaged\" : 32,", "");
    assertThatThrownBy(() -> SummaryJson.read(without.getBytes(StandardCharsets.UTF_8), "s3://x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot read run summary s3://x: field 'unengaged' is missing or not a non-negative integer");

    String negative =
        new String(SummaryJson.write(fullScan().build()), StandardCharsets.UTF_8)
            .replace("\"records\" : 702", "\"records\" : -1");
    assertThatThrownBy(() -> SummaryJson.read(negative.getBytes(StandardCharsets.UTF_8), "s3://x"))
        .hasMessage(
            "Cannot read run summary s3://x: field 'records' is missing or not a non-negative integer");
  }

  @Test
  void aBlankImportUri_orNotJson_isRefused() {
    String blank =
        new String(SummaryJson.write(fullScan().importUri(" ").build()), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SummaryJson.read(blank.getBytes(StandardCharsets.UTF_8), "s3://x"))
        .hasMessage("Cannot read run summary s3://x: field 'importUri' is missing or not a string");
    assertThatThrownBy(() -> SummaryJson.read("[1]".getBytes(StandardCharsets.UTF_8), "s3://x"))
        .hasMessage("Cannot read run summary s3://x: expected a JSON object");
    assertThatThrownBy(() -> SummaryJson.read("{".getBytes(StandardCharsets.UTF_8), "s3://x"))
        .hasMessageStartingWith("Cannot read run summary s3://x: not valid JSON");
  }
}
