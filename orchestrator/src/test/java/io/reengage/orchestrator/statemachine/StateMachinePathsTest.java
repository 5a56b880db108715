package io.reengage.orchestrator.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reengage.contract.summary.WorkflowSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Follows every path of reengage.asl.json, placeholders replaced by the sample values, from the
 * execution input to its end state, with the AWS calls' results scripted per state.
 */
class StateMachinePathsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ROLLUP_JOB = "Roll up new days";
  private static final String SEGMENT_JOB = "Find unengaged addresses";
  private static final String READ_SUMMARY = "Read summary";
  private static final String ATHENA = "Run the Athena query";
  private static final String COMPARE = "Compare with Athena";
  private static final String START_IMPORT = "Start import";
  private static final String CHECK_IMPORT = "Check import";
  private static final String TAG = "Tag segment";

  private static final String RUN_DIR =
      "s3://reengage-output-123456789012/runs/2026-09-01/daily-2026-09-01";
  private static final String IMPORT_URI = RUN_DIR + "/import/";
  private static final String ROLLUPS_URI = "s3://reengage-output-123456789012/rollups";

  /** What the ReadSummary Lambda returns for a run (its typed output, as JSON). */
  private static final String SUMMARY = readSummaryOutput(1200);

  private static final String EMPTY_SUMMARY = readSummaryOutput(0);

  private static String readSummaryOutput(long unengaged) {
    try {
      return new ObjectMapper()
          .writeValueAsString(
              new WorkflowSummary(
                  "2026-09-01",
                  "2026-09-01T05:00:30Z",
                  1788238830000L,
                  5000000,
                  3,
                  81000,
                  unengaged,
                  1,
                  180000,
                  IMPORT_URI));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String JOB_DONE =
      """
      {"ApplicationId":"00fabcdef1234567","JobRunId":"00f1jobrun","Arn":"arn:aws:emr-serverless:us-east-1:123456789012:/applications/00fabcdef1234567/jobruns/00f1jobrun"}""";
  private static final String IMPORT_STARTED =
      """
      {"importJobId":"imp-1","segmentId":null,"segmentName":"reengagement-unengaged","newSegment":true,"csvFiles":1,"bytes":180000}""";
  private static final String PROCESSING = status("PROCESSING", "");
  private static final String COMPLETED = status("COMPLETED", "");

  private static String status(String jobStatus, String reason) {
    return """
        {"importJobId":"imp-1","jobStatus":"%s","segmentId":"seg-9","totalPieces":4,"completedPieces":4,
         "failedPieces":0,"totalProcessed":1200,"totalFailures":0,"firstFailures":[],"reason":"%s"}"""
        .formatted(jobStatus, reason);
  }

  private static JsonNode context(String executionName) {
    ObjectNode execution =
        JSON.createObjectNode()
            .put("Id", "arn:aws:states:us-east-1:123456789012:execution:reengage:" + executionName)
            .put("Name", executionName)
            .put("StartTime", "2026-09-01T05:00:12.345Z")
            .put("RoleArn", "arn:aws:iam::123456789012:role/reengage-states");
    return JSON.createObjectNode().set("Execution", execution);
  }

  private static AslInterpreter.Outcome run(String input, ScriptedTasks tasks) throws Exception {
    return run(Definition.sampleValues(), input, "daily-2026-09-01", tasks);
  }

  private static AslInterpreter.Outcome run(
      Map<String, String> values, String input, String execution, ScriptedTasks tasks)
      throws Exception {
    AslInterpreter interpreter = new AslInterpreter(JSON.readTree(Definition.substituted(values)));
    return interpreter.run(JSON.readTree(input), context(execution), tasks);
  }

  private static List<String> arguments(ScriptedTasks.Call call) {
    List<String> args = new ArrayList<>();
    call.parameters()
        .at("/JobDriver/SparkSubmit/EntryPointArguments")
        .forEach(
            a -> {
              assertThat(a.isTextual()).as("every job argument is a string: %s", a).isTrue();
              args.add(a.asText());
            });
    return args;
  }

  private static ScriptedTasks importSucceeds() {
    return new ScriptedTasks()
        .returns(SEGMENT_JOB, JOB_DONE)
        .returns(READ_SUMMARY, SUMMARY)
        .returns(START_IMPORT, IMPORT_STARTED)
        .returns(CHECK_IMPORT, PROCESSING)
        .returns(CHECK_IMPORT, PROCESSING)
        .returns(CHECK_IMPORT, COMPLETED)
        .returns(
            TAG,
            "{\"segmentArn\":\"arn:aws:mobiletargeting:us-east-1:123456789012:apps/app/segments/seg-9\"}");
  }

  @Test
  void success_emptyInput_runsJobImportsAndTags() throws Exception {
    ScriptedTasks tasks = importSucceeds();

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.endState()).isEqualTo("Imported");
    ScriptedTasks.Call job = tasks.callsTo(SEGMENT_JOB).get(0);
    assertThat(job.resource()).isEqualTo("arn:aws:states:::emr-serverless:startJobRun.sync");
    // asOf defaults to the UTC date of the execution's start; until is left to the job.
    assertThat(arguments(job))
        .containsExactly(
            "segment",
            "--events",
            "s3://pinpoint-events-123456789012/events/",
            "--out",
            RUN_DIR,
            "--as-of",
            "2026-09-01",
            "--delivered-window-months",
            "10",
            "--engagement-window-months",
            "6",
            "--min-delivered",
            "6");
    assertThat(job.parameters().get("ApplicationId").asText()).isEqualTo("00fabcdef1234567");
    assertThat(job.parameters().get("ExecutionRoleArn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/reengage-emr-job");
    assertThat(job.parameters().at("/JobDriver/SparkSubmit/EntryPoint").asText())
        .isEqualTo("s3://reengage-artifacts-123456789012/job/reengage-job.jar");
    assertThat(job.parameters().at("/JobDriver/SparkSubmit/SparkSubmitParameters").asText())
        .startsWith("--class io.reengage.job.cli.Main --conf spark.executor.cores=4");
    assertThat(job.parameters().get("ExecutionTimeoutMinutes").asInt()).isEqualTo(180);
    assertThat(
            job.parameters()
                .at(
                    "/ConfigurationOverrides/MonitoringConfiguration/S3MonitoringConfiguration/LogUri")
                .asText())
        .isEqualTo("s3://reengage-output-123456789012/emr-logs/");
    assertThat(tasks.callsTo(READ_SUMMARY).get(0).parameters().at("/Payload/summaryUri").asText())
        .isEqualTo(RUN_DIR + "/summary.json");
    assertThat(tasks.callsTo(READ_SUMMARY).get(0).parameters().get("FunctionName").asText())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:reengage-read-summary");
    assertThat(tasks.callsTo(START_IMPORT).get(0).parameters().at("/Payload/importUri").asText())
        .isEqualTo(IMPORT_URI);
    assertThat(tasks.callsTo(CHECK_IMPORT))
        .hasSize(3)
        .allSatisfy(
            c -> assertThat(c.parameters().at("/Payload/importJobId").asText()).isEqualTo("imp-1"));
    // A new segment's ID comes from the import job's status, not from StartImport's null.
    assertThat(tasks.callsTo(TAG).get(0).parameters().at("/Payload/segmentId").asText())
        .isEqualTo("seg-9");
    assertThat(outcome.waits()).containsExactly(30L, 60L, 120L);
    assertThat(tasks.callsTo(ATHENA)).isEmpty();
  }

  @Test
  void clientToken_isStablePerExecutionAndStep_andFitsTheApiLimit() throws Exception {
    ScriptedTasks first = importSucceeds();
    ScriptedTasks again = importSucceeds();
    ScriptedTasks other = importSucceeds();

    run(Definition.sampleValues(), "{}", "daily-2026-09-01", first);
    run(Definition.sampleValues(), "{}", "daily-2026-09-01", again);
    run(Definition.sampleValues(), "{}", "manual-2026-09-01", other);

    String token = first.callsTo(SEGMENT_JOB).get(0).parameters().get("ClientToken").asText();
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(again.callsTo(SEGMENT_JOB).get(0).parameters().get("ClientToken").asText())
        .isEqualTo(token);
    assertThat(other.callsTo(SEGMENT_JOB).get(0).parameters().get("ClientToken").asText())
        .isNotEqualTo(token);
  }

  @Test
  void untilAndRollups_areAddedToTheJobArguments() throws Exception {
    ScriptedTasks tasks = importSucceeds().returns(ROLLUP_JOB, JOB_DONE);

    run(
        Definition.sampleValuesWith("RollupsUri", ROLLUPS_URI),
        "{\"asOf\":\"2026-08-31\",\"until\":\"2026-09-01T00:00:00Z\"}",
        "daily-2026-09-01",
        tasks);

    assertThat(arguments(tasks.callsTo(SEGMENT_JOB).get(0)))
        .containsExactly(
            "segment",
            "--events",
            "s3://pinpoint-events-123456789012/events/",
            "--out",
            "s3://reengage-output-123456789012/runs/2026-08-31/daily-2026-09-01",
            "--as-of",
            "2026-08-31",
            "--delivered-window-months",
            "10",
            "--engagement-window-months",
            "6",
            "--min-delivered",
            "6",
            "--until",
            "2026-09-01T00:00:00Z",
            "--rollups",
            "s3://reengage-output-123456789012/rollups");
  }

  @Test
  void rollupsConfigured_rollUpNewDaysRunsBeforeTheSegment() throws Exception {
    ScriptedTasks tasks = importSucceeds().returns(ROLLUP_JOB, JOB_DONE);

    AslInterpreter.Outcome outcome =
        run(
            Definition.sampleValuesWith("RollupsUri", ROLLUPS_URI),
            "{\"asOf\":\"2026-08-31\",\"until\":\"2026-09-01T00:00:00Z\"}",
            "daily-2026-09-01",
            tasks);

    assertThat(outcome.endState()).isEqualTo("Imported");
    assertThat(tasks.calls())
        .extracting(ScriptedTasks.Call::state)
        .startsWith(ROLLUP_JOB, SEGMENT_JOB);
    ScriptedTasks.Call rollup = tasks.callsTo(ROLLUP_JOB).get(0);
    assertThat(rollup.resource()).isEqualTo("arn:aws:states:::emr-serverless:startJobRun.sync");
    // The windows are the segment run's, so the rollup covers exactly the days segment will read.
    assertThat(arguments(rollup))
        .containsExactly(
            "rollup",
            "--events",
            "s3://pinpoint-events-123456789012/events/",
            "--rollups",
            ROLLUPS_URI,
            "--for-as-of",
            "2026-08-31",
            "--delivered-window-months",
            "10",
            "--engagement-window-months",
            "6");
    assertThat(rollup.parameters().get("Name").asText()).isEqualTo("reengage-rollup-2026-08-31");
    // Same application, role, jar, Spark options, timeout and log folder as the segment job.
    ScriptedTasks.Call segment = tasks.callsTo(SEGMENT_JOB).get(0);
    for (String field :
        List.of(
            "/ApplicationId",
            "/ExecutionRoleArn",
            "/ExecutionTimeoutMinutes",
            "/JobDriver/SparkSubmit/EntryPoint",
            "/JobDriver/SparkSubmit/SparkSubmitParameters",
            "/ConfigurationOverrides")) {
      assertThat(rollup.parameters().at(field)).as(field).isEqualTo(segment.parameters().at(field));
    }
    assertThat(rollup.parameters().get("ApplicationId").asText()).isEqualTo("00fabcdef1234567");
    assertThat(rollup.parameters().get("ExecutionRoleArn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/reengage-emr-job");
    assertThat(rollup.parameters().at("/JobDriver/SparkSubmit/EntryPoint").asText())
        .isEqualTo("s3://reengage-artifacts-123456789012/job/reengage-job.jar");
    assertThat(rollup.parameters().at("/JobDriver/SparkSubmit/SparkSubmitParameters").asText())
        .startsWith("--class io.reengage.job.cli.Main --conf spark.executor.cores=4");
    assertThat(rollup.parameters().get("ExecutionTimeoutMinutes").asInt()).isEqualTo(180);
    assertThat(
            rollup
                .parameters()
                .at(
                    "/ConfigurationOverrides/MonitoringConfiguration/S3MonitoringConfiguration/LogUri")
                .asText())
        .isEqualTo("s3://reengage-output-123456789012/emr-logs/");
    assertThat(rollup.parameters().fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "ApplicationId",
            "ExecutionRoleArn",
            "Name",
            "ClientToken",
            "ExecutionTimeoutMinutes",
            "JobDriver",
            "ConfigurationOverrides");
  }

  @Test
  void rollupClientToken_isStablePerExecution_andNotTheSegments() throws Exception {
    ScriptedTasks first = importSucceeds().returns(ROLLUP_JOB, JOB_DONE);
    ScriptedTasks again = importSucceeds().returns(ROLLUP_JOB, JOB_DONE);
    ScriptedTasks other = importSucceeds().returns(ROLLUP_JOB, JOB_DONE);
    Map<String, String> values = Definition.sampleValuesWith("RollupsUri", ROLLUPS_URI);

    run(values, "{}", "daily-2026-09-01", first);
    run(values, "{}", "daily-2026-09-01", again);
    run(values, "{}", "manual-2026-09-01", other);

    String token = first.callsTo(ROLLUP_JOB).get(0).parameters().get("ClientToken").asText();
    assertThat(token)
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(first.callsTo(SEGMENT_JOB).get(0).parameters().get("ClientToken").asText());
    assertThat(again.callsTo(ROLLUP_JOB).get(0).parameters().get("ClientToken").asText())
        .isEqualTo(token);
    assertThat(other.callsTo(ROLLUP_JOB).get(0).parameters().get("ClientToken").asText())
        .isNotEqualTo(token);
  }

  @Test
  void rollupsNotConfigured_rollUpIsSkipped() throws Exception {
    ScriptedTasks tasks = importSucceeds();

    AslInterpreter.Outcome outcome = run("{\"asOf\":\"2026-08-31\"}", tasks);

    assertThat(outcome.endState()).isEqualTo("Imported");
    assertThat(outcome.visited()).doesNotContain(ROLLUP_JOB);
    assertThat(tasks.callsTo(ROLLUP_JOB)).isEmpty();
    assertThat(tasks.calls().get(0).state()).isEqualTo(SEGMENT_JOB);
    assertThat(arguments(tasks.callsTo(SEGMENT_JOB).get(0))).doesNotContain("--rollups");
  }

  @Test
  void rollupJobFailed_endsWithTheJobsReason_beforeTheSegment() throws Exception {
    String cause =
        "{\"JobRunId\":\"00f1rollup\",\"State\":\"FAILED\",\"StateDetails\":\"Job failed: exit code 1\"}";
    ScriptedTasks tasks = new ScriptedTasks().fails(ROLLUP_JOB, "States.TaskFailed", cause);

    AslInterpreter.Outcome outcome =
        run(
            Definition.sampleValuesWith("RollupsUri", ROLLUPS_URI),
            "{}",
            "daily-2026-09-01",
            tasks);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.endState()).isEqualTo("Rollup job failed");
    assertThat(outcome.error()).isEqualTo("RollupJobFailed");
    assertThat(outcome.cause()).isEqualTo(cause);
    assertThat(tasks.callsTo(ROLLUP_JOB)).hasSize(1);
    assertThat(tasks.callsTo(SEGMENT_JOB)).isEmpty();
  }

  @Test
  void rollupStartThrottled_isRetriedWithTheSameClientToken() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .fails(ROLLUP_JOB, "EMRServerless.ThrottlingException", "Rate exceeded")
            .fails(ROLLUP_JOB, "EMRServerless.InternalServerException", "Internal error")
            .returns(ROLLUP_JOB, JOB_DONE)
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, EMPTY_SUMMARY);

    AslInterpreter.Outcome outcome =
        run(
            Definition.sampleValuesWith("RollupsUri", ROLLUPS_URI),
            "{}",
            "daily-2026-09-01",
            tasks);

    assertThat(outcome.endState()).isEqualTo("Nothing to import");
    assertThat(tasks.callsTo(ROLLUP_JOB))
        .hasSize(3)
        .extracting(c -> c.parameters().get("ClientToken"))
        .containsOnly(tasks.callsTo(ROLLUP_JOB).get(0).parameters().get("ClientToken"));
    assertThat(outcome.retries())
        .extracting(AslInterpreter.RetryWait::state)
        .containsOnly(ROLLUP_JOB);
    assertThat(outcome.retries())
        .extracting(AslInterpreter.RetryWait::seconds)
        .containsExactly(10.0, 20.0);
  }

  @Test
  void rollupThrottledTooOften_endsInRollupJobFailed() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks().fails(ROLLUP_JOB, "EMRServerless.ThrottlingException", "Rate exceeded");

    AslInterpreter.Outcome outcome =
        run(
            Definition.sampleValuesWith("RollupsUri", ROLLUPS_URI),
            "{}",
            "daily-2026-09-01",
            tasks);

    assertThat(outcome.error()).isEqualTo("RollupJobFailed");
    assertThat(outcome.cause()).isEqualTo("Rate exceeded");
    assertThat(tasks.callsTo(ROLLUP_JOB)).hasSize(6); // the first call and five retries
    assertThat(tasks.callsTo(SEGMENT_JOB)).isEmpty();
  }

  @Test
  void untilAsEpochMillis_isPassedAsAString() throws Exception {
    ScriptedTasks tasks = importSucceeds();

    run("{\"until\":1788220800000}", tasks);

    assertThat(arguments(tasks.callsTo(SEGMENT_JOB).get(0))).endsWith("--until", "1788220800000");
  }

  @Test
  void inputValueWithQuotes_staysOneArgument() throws Exception {
    ScriptedTasks tasks = importSucceeds();

    run("{\"until\":\"x\\\",\\\"--events\\\",\\\"s3://elsewhere/\"}", tasks);

    List<String> args = arguments(tasks.callsTo(SEGMENT_JOB).get(0));
    assertThat(args).containsOnlyOnce("--events");
    assertThat(args.get(args.size() - 1)).isEqualTo("x\",\"--events\",\"s3://elsewhere/");
  }

  @Test
  void nothingToImport_succeedsWithoutImport() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks().returns(SEGMENT_JOB, JOB_DONE).returns(READ_SUMMARY, EMPTY_SUMMARY);

    AslInterpreter.Outcome outcome = run("{\"crossCheck\":true}", tasks);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.endState()).isEqualTo("Nothing to import");
    assertThat(tasks.callsTo(START_IMPORT)).isEmpty();
    assertThat(tasks.callsTo(ATHENA)).isEmpty();
  }

  @Test
  void dryRun_stopsAfterTheSummary() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks().returns(SEGMENT_JOB, JOB_DONE).returns(READ_SUMMARY, SUMMARY);

    AslInterpreter.Outcome outcome = run("{\"asOf\":\"2026-08-31\",\"dryRun\":true}", tasks);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.endState()).isEqualTo("Dry run done");
    assertThat(tasks.callsTo(START_IMPORT)).isEmpty();
    assertThat(arguments(tasks.callsTo(SEGMENT_JOB).get(0)))
        .contains("2026-08-31")
        .contains("s3://reengage-output-123456789012/runs/2026-08-31/daily-2026-09-01");
  }

  @Test
  void jobFailed_endsWithTheJobsReason() throws Exception {
    String cause =
        "{\"JobRunId\":\"00f1jobrun\",\"State\":\"FAILED\",\"StateDetails\":\"Job failed: exit code 1\"}";
    ScriptedTasks tasks = new ScriptedTasks().fails(SEGMENT_JOB, "States.TaskFailed", cause);

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.endState()).isEqualTo("Segment job failed");
    assertThat(outcome.error()).isEqualTo("SegmentJobFailed");
    assertThat(outcome.cause()).isEqualTo(cause);
    assertThat(tasks.callsTo(SEGMENT_JOB)).hasSize(1);
    assertThat(tasks.callsTo(READ_SUMMARY)).isEmpty();
  }

  @Test
  void jobStartThrottled_isRetriedWithTheSameClientToken() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .fails(SEGMENT_JOB, "EMRServerless.ThrottlingException", "Rate exceeded")
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, EMPTY_SUMMARY);

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Nothing to import");
    assertThat(tasks.callsTo(SEGMENT_JOB)).hasSize(2);
    assertThat(tasks.callsTo(SEGMENT_JOB).get(1).parameters().get("ClientToken"))
        .isEqualTo(tasks.callsTo(SEGMENT_JOB).get(0).parameters().get("ClientToken"));
  }

  @Test
  void summaryUnreadable_fails() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .fails(
                READ_SUMMARY,
                "java.lang.IllegalStateException",
                "{\"errorMessage\":\"Cannot read run summary\"}");

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Summary unreadable");
    assertThat(outcome.error()).isEqualTo("SummaryUnreadable");
    assertThat(outcome.cause()).contains("Cannot read run summary");
  }

  @Test
  void importFailed_endsWithTheImportsFailureReasons() throws Exception {
    String reason =
        "Pinpoint import job imp-1 FAILED: 1 of 4 pieces failed, 12 endpoint(s) failed, 1188 processed.";
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .returns(START_IMPORT, IMPORT_STARTED)
            .returns(CHECK_IMPORT, PROCESSING)
            .returns(CHECK_IMPORT, status("FAILED", reason));

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.endState()).isEqualTo("Import failed");
    assertThat(outcome.error()).isEqualTo("ImportFailed");
    assertThat(outcome.cause()).isEqualTo(reason);
    assertThat(tasks.callsTo(TAG)).isEmpty();
  }

  @Test
  void importNeverFinishes_timesOutAfterTheConfiguredWaits() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .returns(START_IMPORT, IMPORT_STARTED)
            .returns(CHECK_IMPORT, PROCESSING);

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Import timed out");
    assertThat(outcome.error()).isEqualTo("ImportTimedOut");
    // 30 + 60 + 120 + 240 = 450 s, then 300 s waits until at least 7200 s: 23 of them, 7350 s.
    List<Long> expected = new ArrayList<>(List.of(30L, 60L, 120L, 240L));
    expected.addAll(Collections.nCopies(23, 300L));
    assertThat(outcome.waits()).isEqualTo(expected);
    assertThat(tasks.callsTo(CHECK_IMPORT)).hasSize(27);
  }

  @Test
  void shortTimeout_endsSooner() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .returns(START_IMPORT, IMPORT_STARTED)
            .returns(CHECK_IMPORT, PROCESSING);

    AslInterpreter.Outcome outcome =
        run(
            Definition.sampleValuesWith("ImportTimeoutSeconds", "100"),
            "{}",
            "daily-2026-09-01",
            tasks);

    assertThat(outcome.endState()).isEqualTo("Import timed out");
    assertThat(outcome.waits()).containsExactly(30L, 60L, 120L);
  }

  @Test
  void crossCheckMismatch_failsBeforeTheImport() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .returns(
                ATHENA,
                """
            {"QueryExecution":{"QueryExecutionId":"q-1","Status":{"State":"SUCCEEDED"},
             "ResultConfiguration":{"OutputLocation":"s3://reengage-output-123456789012/athena/2026-09-01/daily-2026-09-01/q-1.csv"}}}""")
            .fails(COMPARE, "States.TaskFailed", "{\"JobRunId\":\"00f2\",\"State\":\"FAILED\"}");

    AslInterpreter.Outcome outcome = run("{\"crossCheck\":true}", tasks);

    assertThat(outcome.endState()).isEqualTo("Cross-check mismatch");
    assertThat(outcome.error()).isEqualTo("CrossCheckMismatch");
    assertThat(tasks.callsTo(START_IMPORT)).isEmpty();
    JsonNode query = tasks.callsTo(ATHENA).get(0).parameters();
    assertThat(query.get("WorkGroup").asText()).isEqualTo("reengage");
    assertThat(query.at("/QueryExecutionContext/Database").asText()).isEqualTo("pinpoint_events");
    assertThat(query.at("/ResultConfiguration/OutputLocation").asText())
        .isEqualTo("s3://reengage-output-123456789012/athena/2026-09-01/daily-2026-09-01/");
    // The query text gets the table at deploy time and the job's until and as-of from summary.json
    // here.
    String sql = query.get("QueryString").asText();
    assertThat(sql)
        .contains("FROM \"pinpoint_events\".\"email_events\"")
        .contains("arrival_timestamp < 1788238830000 AND (")
        .contains("date_add('month', -10, DATE '2026-09-01')")
        .doesNotContain("{}")
        .doesNotContain("${");
    assertThat(sql.split("DATE '2026-09-01'", -1)).hasSize(4);
    assertThat(arguments(tasks.callsTo(COMPARE).get(0)))
        .containsExactly(
            "compare",
            "--expected",
            "s3://reengage-output-123456789012/athena/2026-09-01/daily-2026-09-01/q-1.csv",
            "--actual",
            IMPORT_URI,
            "--report",
            RUN_DIR + "/cross-check/");
    assertThat(tasks.callsTo(COMPARE).get(0).parameters().get("ClientToken"))
        .isNotEqualTo(tasks.callsTo(SEGMENT_JOB).get(0).parameters().get("ClientToken"));
  }

  @Test
  void crossCheckEqual_goesOnToTheImport() throws Exception {
    ScriptedTasks tasks =
        importSucceeds()
            .returns(
                ATHENA,
                "{\"QueryExecution\":{\"QueryExecutionId\":\"q-1\",\"ResultConfiguration\":{\"OutputLocation\":\"s3://a/q-1.csv\"}}}")
            .returns(COMPARE, JOB_DONE);

    AslInterpreter.Outcome outcome = run("{\"crossCheck\":true}", tasks);

    assertThat(outcome.endState()).isEqualTo("Imported");
    assertThat(outcome.visited()).containsSubsequence(ATHENA, COMPARE, START_IMPORT, TAG);
  }

  @Test
  void crossCheckQueryFailed_failsWithAthenasReason() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .fails(
                ATHENA,
                "States.TaskFailed",
                "TABLE_NOT_FOUND: line 6:8: Table 'pinpoint_events.email_events' does not exist");

    AslInterpreter.Outcome outcome = run("{\"crossCheck\":true}", tasks);

    assertThat(outcome.endState()).isEqualTo("Cross-check query failed");
    assertThat(outcome.error()).isEqualTo("CrossCheckQueryFailed");
    assertThat(outcome.cause()).startsWith("TABLE_NOT_FOUND");
  }

  @Test
  void lambdaThrottled_isRetriedWithBackoff() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .fails(START_IMPORT, "Lambda.TooManyRequestsException", "Rate exceeded")
            .fails(START_IMPORT, "Lambda.ServiceException", "Internal error")
            .returns(START_IMPORT, IMPORT_STARTED)
            .returns(CHECK_IMPORT, COMPLETED)
            .returns(TAG, "{\"segmentArn\":\"arn\"}");

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Imported");
    assertThat(tasks.callsTo(START_IMPORT)).hasSize(3);
    assertThat(outcome.retries())
        .extracting(AslInterpreter.RetryWait::seconds)
        .containsExactly(2.0, 4.0);
  }

  @Test
  void lambdaThrottledTooOften_endsInTheNamedFailState() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .fails(START_IMPORT, "Lambda.TooManyRequestsException", "Rate exceeded");

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Import not started");
    assertThat(outcome.error()).isEqualTo("ImportNotStarted");
    assertThat(tasks.callsTo(START_IMPORT)).hasSize(7); // the first call and six retries
    assertThat(outcome.retries())
        .extracting(AslInterpreter.RetryWait::seconds)
        .containsExactly(2.0, 4.0, 8.0, 16.0, 32.0, 60.0);
  }

  @Test
  void pinpointThrottledInsideTheFunction_isRetried() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .returns(START_IMPORT, IMPORT_STARTED)
            .fails(
                CHECK_IMPORT,
                "software.amazon.awssdk.services.pinpoint.model.TooManyRequestsException",
                "Too many requests")
            .returns(CHECK_IMPORT, COMPLETED)
            .returns(TAG, "{\"segmentArn\":\"arn\"}");

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Imported");
    assertThat(outcome.retries())
        .extracting(AslInterpreter.RetryWait::seconds)
        .containsExactly(5.0);
  }

  @Test
  void importRefused_endsWithTheFunctionsReason() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .fails(
                START_IMPORT,
                "io.reengage.orchestrator.importing.ImportRefusedException",
                "{\"errorMessage\":\"Cannot import s3://x/import/: the folder holds 1 file(s) that are not CSV\"}");

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Import not started");
    assertThat(outcome.cause()).contains("not CSV");
    assertThat(tasks.callsTo(START_IMPORT)).hasSize(1);
  }

  @Test
  void tagDenied_fails() throws Exception {
    ScriptedTasks tasks =
        new ScriptedTasks()
            .returns(SEGMENT_JOB, JOB_DONE)
            .returns(READ_SUMMARY, SUMMARY)
            .returns(START_IMPORT, IMPORT_STARTED)
            .returns(CHECK_IMPORT, COMPLETED)
            .fails(
                TAG,
                "java.lang.IllegalStateException",
                "{\"errorMessage\":\"Cannot tag segment: ForbiddenException (HTTP 403)\"}");

    AslInterpreter.Outcome outcome = run("{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Segment not tagged");
    assertThat(outcome.error()).isEqualTo("SegmentNotTagged");
    assertThat(outcome.cause()).contains("ForbiddenException");
  }
}
