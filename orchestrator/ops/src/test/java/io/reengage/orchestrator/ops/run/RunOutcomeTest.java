package io.reengage.orchestrator.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunOutcomeTest {

  private static final String PATHS =
      "\"paths\":{\"out\":\"s3://o/runs/2026-09-01/r\",\"report\":\"s3://o/runs/2026-09-01/r/report.html\"}";

  @Test
  void publishedEvent_isPrintedAsSent_withTheReport() {
    String output =
        "{"
            + PATHS
            + ",\"summary\":{\"unengaged\":1200},"
            + "\"event\":{\"bus\":\"arn:aws:events:us-east-1:123456789012:event-bus/reengage\","
            + "\"source\":\"reengage\",\"detailType\":\"Unengaged segment ready\","
            + "\"detail\":{\"schemaVersion\":1,\"asOf\":\"2026-09-01\",\"rows\":1200}},"
            + "\"published\":{\"Entries\":[{\"EventId\":\"e-1\"}],\"FailedEntryCount\":0}}";

    assertThat(RunOutcome.lines(output))
        .containsExactly(
            "Published \"Unengaged segment ready\" from reengage on"
                + " arn:aws:events:us-east-1:123456789012:event-bus/reengage (event ID e-1):",
            "  {\"schemaVersion\":1,\"asOf\":\"2026-09-01\",\"rows\":1200}",
            "Report: s3://o/runs/2026-09-01/r/report.html");
  }

  @Test
  void pinpointImport_isPrintedWithItsCounts() {
    String output =
        "{"
            + PATHS
            + ",\"summary\":{\"unengaged\":1200},"
            + "\"importStatus\":{\"importJobId\":\"imp-1\",\"segmentId\":\"seg-9\",\"totalProcessed\":1200,\"totalFailures\":2},"
            + "\"tagged\":{\"segmentArn\":\"arn:aws:mobiletargeting:us-east-1:1:apps/a/segments/seg-9\"}}";

    assertThat(RunOutcome.lines(output))
        .containsExactly(
            "Imported into Pinpoint segment seg-9 (import job imp-1: 1200 rows processed, 2 failed);"
                + " tagged arn:aws:mobiletargeting:us-east-1:1:apps/a/segments/seg-9",
            "Report: s3://o/runs/2026-09-01/r/report.html");
  }

  @Test
  void dryRun_saysNothingWasDelivered() {
    assertThat(RunOutcome.lines("{" + PATHS + ",\"summary\":{\"unengaged\":7}}"))
        .first()
        .asString()
        .startsWith("Nothing delivered: 7 unengaged addresses");
  }

  @Test
  void noOrUnreadableOutput_printsNothing() {
    assertThat(RunOutcome.lines(null)).isEmpty();
    assertThat(RunOutcome.lines("not json")).isEmpty();
  }
}
