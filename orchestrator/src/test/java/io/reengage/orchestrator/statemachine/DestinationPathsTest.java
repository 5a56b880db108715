package io.reengage.orchestrator.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The paths after the summary for each destination (an EventBridge event or the Pinpoint import),
 * chosen by the deployment and overridden by the execution input, and the job options that pass
 * from input and deployment to the job's arguments (several event roots, machine opens).
 */
class DestinationPathsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ROLLUP_JOB = "Roll up new days";
  private static final String SEGMENT_JOB = "Find unengaged addresses";
  private static final String READ_SUMMARY = "Read summary";
  private static final String ATHENA = "Run the Athena query";
  private static final String COMPARE = "Compare with Athena";
  private static final String PUBLISH = "Publish the segment event";
  private static final String START_IMPORT = "Start import";
  private static final String CHECK_IMPORT = "Check import";
  private static final String TAG = "Tag segment";

  private static final String EXECUTION = "daily-2026-09-01";
  private static final String EXECUTION_ARN =
      "arn:aws:states:us-east-1:123456789012:execution:reengage:" + EXECUTION;
  private static final String RUN_DIR =
      "s3://reengage-output-123456789012/runs/2026-09-01/" + EXECUTION;
  private static final String BUS = "arn:aws:events:us-east-1:123456789012:event-bus/reengage";
  private static final String PINPOINT_EVENTS = "s3://pinpoint-events-123456789012/events/";
  private static final String SES_EVENTS = "s3://ses-events-123456789012/ses/";

  private static final String SUMMARY =
      """
      {"asOf":"2026-09-01","until":"2026-09-01T05:00:30Z","untilEpochMillis":1788238830000,
       "records":5000000,"badRecords":3,"addresses":81000,"unengaged":1200,"outputFiles":1,
       "outputBytes":180000,"importUri":"%s/import/"}"""
          .formatted(RUN_DIR);
  private static final String EMPTY_SUMMARY =
      SUMMARY.replace("\"unengaged\":1200", "\"unengaged\":0");
  private static final String JOB_DONE =
      "{\"ApplicationId\":\"00fabcdef1234567\",\"JobRunId\":\"00f1jobrun\"}";
  private static final String PUT_EVENTS_OK =
      "{\"Entries\":[{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860\"}],\"FailedEntryCount\":0}";

  /** The deployment's values with the given overrides. */
  private static Map<String, String> deployment(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>(Definition.sampleValues());
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values;
  }

  private static Map<String, String> eventBridgeDeployment() {
    // What infra substitutes when no Pinpoint project is configured.
    return deployment(
        "Destination",
        "eventbridge",
        "PinpointProjectId",
        "",
        "StartImportFunctionArn",
        "",
        "ImportStatusFunctionArn",
        "",
        "TagSegmentFunctionArn",
        "");
  }

  private static AslInterpreter.Outcome run(
      Map<String, String> values, String input, ScriptedTasks tasks) throws Exception {
    ObjectNode execution =
        JSON.createObjectNode()
            .put("Id", EXECUTION_ARN)
            .put("Name", EXECUTION)
            .put("StartTime", "2026-09-01T05:00:12.345Z")
            .put("RoleArn", "arn:aws:iam::123456789012:role/reengage-states");
    AslInterpreter interpreter = new AslInterpreter(JSON.readTree(Definition.substituted(values)));
    return interpreter.run(
        JSON.readTree(input), JSON.createObjectNode().set("Execution", execution), tasks);
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

  private static ScriptedTasks summaryReads(String summary) {
    return new ScriptedTasks().returns(SEGMENT_JOB, JOB_DONE).returns(READ_SUMMARY, summary);
  }

  // ---- EventBridge

  @Test
  void eventBridgeDeployment_publishesOneEventWithTheRunsLocations() throws Exception {
    ScriptedTasks tasks = summaryReads(SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);

    AslInterpreter.Outcome outcome = run(eventBridgeDeployment(), "{}", tasks);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.endState()).isEqualTo("Event published");
    ScriptedTasks.Call publish = tasks.callsTo(PUBLISH).get(0);
    assertThat(publish.resource()).isEqualTo("arn:aws:states:::events:putEvents");
    assertThat(publish.parameters())
        .isEqualTo(
            JSON.readTree(
                """
                {"Entries":[{
                  "EventBusName":"%s",
                  "Source":"reengage",
                  "DetailType":"Unengaged segment ready",
                  "Detail":{
                    "schemaVersion":1,
                    "asOf":"2026-09-01",
                    "until":"2026-09-01T05:00:30Z",
                    "untilEpochMillis":1788238830000,
                    "rows":1200,
                    "importUri":"%s/import/",
                    "summaryUri":"%s/summary.json",
                    "reportUri":"%s/report.html",
                    "executionArn":"%s"}}]}"""
                    .formatted(BUS, RUN_DIR, RUN_DIR, RUN_DIR, EXECUTION_ARN)));
    // Nothing of Pinpoint is touched.
    assertThat(tasks.calls())
        .extracting(ScriptedTasks.Call::state)
        .containsExactly(SEGMENT_JOB, READ_SUMMARY, PUBLISH);
    // The execution's output carries what was published, for `./reengage aws run` to print.
    assertThat(outcome.output().at("/published/Entries/0/EventId").asText())
        .isEqualTo("11710aed-b79e-4468-a20b-bb3c0c3b4860");
    assertThat(outcome.output().at("/event/detail"))
        .isEqualTo(publish.parameters().at("/Entries/0/Detail"));
    assertThat(outcome.output().at("/event/bus").asText()).isEqualTo(BUS);
  }

  @Test
  void zeroRows_stillPublishes_withRowsZero() throws Exception {
    ScriptedTasks tasks = summaryReads(EMPTY_SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);

    AslInterpreter.Outcome outcome = run(eventBridgeDeployment(), "{\"crossCheck\":true}", tasks);

    assertThat(outcome.endState()).isEqualTo("Event published");
    assertThat(
            tasks
                .callsTo(PUBLISH)
                .get(0)
                .parameters()
                .at("/Entries/0/Detail/rows")
                .isIntegralNumber())
        .isTrue();
    assertThat(tasks.callsTo(PUBLISH).get(0).parameters().at("/Entries/0/Detail/rows").asInt())
        .isZero();
    // An empty result has nothing to cross-check.
    assertThat(tasks.callsTo(ATHENA)).isEmpty();
  }

  @Test
  void dryRun_publishesNothing_withRowsOrWithout() throws Exception {
    for (String summary : List.of(SUMMARY, EMPTY_SUMMARY)) {
      ScriptedTasks tasks = summaryReads(summary);

      AslInterpreter.Outcome outcome = run(eventBridgeDeployment(), "{\"dryRun\":true}", tasks);

      assertThat(outcome.succeeded()).isTrue();
      assertThat(outcome.endState()).isIn("Dry run done", "Nothing to import");
      assertThat(tasks.callsTo(PUBLISH)).isEmpty();
    }
  }

  @Test
  void crossCheckEqual_thenPublishes_andTheReportGoesIntoTheCrossCheckFolder() throws Exception {
    ScriptedTasks tasks =
        summaryReads(SUMMARY)
            .returns(
                ATHENA,
                "{\"QueryExecution\":{\"QueryExecutionId\":\"q-1\",\"ResultConfiguration\":{\"OutputLocation\":\"s3://a/q-1.csv\"}}}")
            .returns(COMPARE, JOB_DONE)
            .returns(PUBLISH, PUT_EVENTS_OK);

    AslInterpreter.Outcome outcome = run(eventBridgeDeployment(), "{\"crossCheck\":true}", tasks);

    assertThat(outcome.endState()).isEqualTo("Event published");
    assertThat(outcome.visited()).containsSubsequence(ATHENA, COMPARE, PUBLISH);
    List<String> compare = arguments(tasks.callsTo(COMPARE).get(0));
    assertThat(compare.get(compare.indexOf("--report") + 1)).isEqualTo(RUN_DIR + "/cross-check/");
  }

  @Test
  void publishFailed_endsInEventNotPublished_withTheReason() throws Exception {
    String cause = "AccessDeniedException: not authorized to perform events:PutEvents";
    ScriptedTasks tasks =
        summaryReads(SUMMARY).fails(PUBLISH, "EventBridge.EventBridgeException", cause);

    AslInterpreter.Outcome outcome = run(eventBridgeDeployment(), "{}", tasks);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.endState()).isEqualTo("Event not published");
    assertThat(outcome.error()).isEqualTo("EventNotPublished");
    assertThat(outcome.cause()).isEqualTo(cause);
    assertThat(tasks.callsTo(PUBLISH)).hasSize(1);
  }

  @Test
  void publishThrottled_isRetried() throws Exception {
    ScriptedTasks tasks =
        summaryReads(SUMMARY)
            .fails(PUBLISH, "EventBridge.ThrottlingException", "Rate exceeded")
            .fails(PUBLISH, "EventBridge.ThrottlingException", "Rate exceeded")
            .returns(PUBLISH, PUT_EVENTS_OK);

    AslInterpreter.Outcome outcome = run(eventBridgeDeployment(), "{}", tasks);

    assertThat(outcome.endState()).isEqualTo("Event published");
    assertThat(tasks.callsTo(PUBLISH)).hasSize(3);
    assertThat(outcome.retries())
        .extracting(AslInterpreter.RetryWait::seconds)
        .containsExactly(2.0, 4.0);
  }

  // ---- Overrides per execution

  @Test
  void pinpointDeployment_inputChoosesEventBridge() throws Exception {
    ScriptedTasks tasks = summaryReads(SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);

    AslInterpreter.Outcome outcome = run(deployment(), "{\"destination\":\"eventbridge\"}", tasks);

    assertThat(outcome.endState()).isEqualTo("Event published");
    assertThat(tasks.callsTo(START_IMPORT)).isEmpty();
  }

  @Test
  void eventBridgeDeploymentWithAProject_inputChoosesPinpoint() throws Exception {
    ScriptedTasks tasks =
        summaryReads(SUMMARY)
            .returns(
                START_IMPORT,
                "{\"importJobId\":\"imp-1\",\"segmentId\":null,\"newSegment\":true,\"csvFiles\":1,\"bytes\":1}")
            .returns(
                CHECK_IMPORT,
                """
                {"importJobId":"imp-1","jobStatus":"COMPLETED","segmentId":"seg-9","totalPieces":1,"completedPieces":1,
                 "failedPieces":0,"totalProcessed":1200,"totalFailures":0,"firstFailures":[],"reason":""}""")
            .returns(TAG, "{\"segmentArn\":\"arn:aws:mobiletargeting:::apps/a/segments/seg-9\"}");

    AslInterpreter.Outcome outcome =
        run(deployment("Destination", "eventbridge"), "{\"destination\":\"pinpoint\"}", tasks);

    assertThat(outcome.endState()).isEqualTo("Imported");
    assertThat(tasks.callsTo(PUBLISH)).isEmpty();
  }

  @Test
  void pinpointWithoutAProject_isRefusedBeforeAnyJob() throws Exception {
    ScriptedTasks tasks = new ScriptedTasks();

    AslInterpreter.Outcome outcome =
        run(eventBridgeDeployment(), "{\"destination\":\"pinpoint\"}", tasks);

    assertThat(outcome.endState()).isEqualTo("No Pinpoint project");
    assertThat(outcome.error()).isEqualTo("InvalidInput");
    assertThat(outcome.cause()).contains("pinpointProjectId");
    assertThat(tasks.calls()).isEmpty();
  }

  @Test
  void unknownDestination_isRefusedBeforeAnyJob() throws Exception {
    for (String input :
        List.of(
            "{\"destination\":\"ses\"}",
            "{\"destination\":\"EventBridge\"}",
            "{\"destination\":1}")) {
      ScriptedTasks tasks = new ScriptedTasks();

      AslInterpreter.Outcome outcome = run(deployment(), input, tasks);

      assertThat(outcome.endState()).as(input).isEqualTo("Unknown destination");
      assertThat(outcome.error()).isEqualTo("InvalidInput");
      assertThat(tasks.calls()).isEmpty();
    }
  }

  // ---- Job options

  @Test
  void defaults_leaveTheJobArgumentsAsBefore() throws Exception {
    ScriptedTasks tasks = summaryReads(EMPTY_SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);

    run(eventBridgeDeployment(), "{}", tasks);

    assertThat(arguments(tasks.callsTo(SEGMENT_JOB).get(0)))
        .containsExactly(
            "segment",
            "--events",
            PINPOINT_EVENTS,
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
  }

  @Test
  void severalDeploymentEventRoots_andMachineOpenSettings_reachTheJob() throws Exception {
    ScriptedTasks tasks =
        summaryReads(EMPTY_SUMMARY).returns(ROLLUP_JOB, JOB_DONE).returns(PUBLISH, PUT_EVENTS_OK);
    Map<String, String> values = eventBridgeDeployment();
    values.put("EventsUris", PINPOINT_EVENTS + "," + SES_EVENTS);
    values.put("MachineOpens", "ignore");
    values.put("MachineOpenIpsUri", "s3://config-123456789012/apple/egress-ip-ranges.csv");
    values.put("RollupsUri", "s3://reengage-output-123456789012/rollups");

    run(values, "{\"asOf\":\"2026-08-31\"}", tasks);

    assertThat(arguments(tasks.callsTo(SEGMENT_JOB).get(0)))
        .containsExactly(
            "segment",
            "--events",
            PINPOINT_EVENTS,
            "--events",
            SES_EVENTS,
            "--out",
            "s3://reengage-output-123456789012/runs/2026-08-31/" + EXECUTION,
            "--as-of",
            "2026-08-31",
            "--delivered-window-months",
            "10",
            "--engagement-window-months",
            "6",
            "--min-delivered",
            "6",
            "--rollups",
            "s3://reengage-output-123456789012/rollups",
            "--machine-opens",
            "ignore",
            "--machine-open-ips",
            "s3://config-123456789012/apple/egress-ip-ranges.csv");
    // The rollup step reads the same roots and classifies machine opens with the same IP list:
    // a day rolled up under another list is read raw by segment (exact, but slow).
    assertThat(arguments(tasks.callsTo(ROLLUP_JOB).get(0)))
        .containsExactly(
            "rollup",
            "--events",
            PINPOINT_EVENTS,
            "--events",
            SES_EVENTS,
            "--rollups",
            "s3://reengage-output-123456789012/rollups",
            "--for-as-of",
            "2026-08-31",
            "--delivered-window-months",
            "10",
            "--engagement-window-months",
            "6",
            "--machine-open-ips",
            "s3://config-123456789012/apple/egress-ip-ranges.csv");
  }

  @Test
  void inputOverridesTheEventRootsAndMachineOpens() throws Exception {
    ScriptedTasks tasks = summaryReads(EMPTY_SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);
    Map<String, String> values = eventBridgeDeployment();
    values.put("MachineOpens", "ignore");
    values.put("MachineOpenIpsUri", "s3://config-123456789012/apple/egress-ip-ranges.csv");

    run(
        values,
        """
        {"events":["s3://a-1/x/","s3://b-2/y/","s3://c-3/z/"],"machineOpens":"count","machineOpenIps":"s3://mine/ips.csv"}""",
        tasks);

    List<String> args = arguments(tasks.callsTo(SEGMENT_JOB).get(0));
    assertThat(args.subList(0, 7))
        .containsExactly(
            "segment",
            "--events",
            "s3://a-1/x/",
            "--events",
            "s3://b-2/y/",
            "--events",
            "s3://c-3/z/");
    assertThat(args).doesNotContain("--machine-opens", PINPOINT_EVENTS);
    assertThat(args.subList(args.size() - 2, args.size()))
        .containsExactly("--machine-open-ips", "s3://mine/ips.csv");
  }

  @Test
  void inputCanDropTheDeploymentsIpList() throws Exception {
    ScriptedTasks tasks = summaryReads(EMPTY_SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);
    Map<String, String> values = eventBridgeDeployment();
    values.put("MachineOpenIpsUri", "s3://config-123456789012/apple/egress-ip-ranges.csv");

    run(values, "{\"machineOpens\":\"ignore\",\"machineOpenIps\":\"\"}", tasks);

    List<String> args = arguments(tasks.callsTo(SEGMENT_JOB).get(0));
    assertThat(args.subList(args.size() - 2, args.size()))
        .containsExactly("--machine-opens", "ignore");
    assertThat(args).doesNotContain("--machine-open-ips");
  }

  @Test
  void unknownMachineOpensMode_isRefusedBeforeAnyJob() throws Exception {
    ScriptedTasks tasks = new ScriptedTasks();

    AslInterpreter.Outcome outcome = run(deployment(), "{\"machineOpens\":\"drop\"}", tasks);

    assertThat(outcome.endState()).isEqualTo("Unknown machine-opens mode");
    assertThat(outcome.error()).isEqualTo("InvalidInput");
    assertThat(tasks.calls()).isEmpty();
  }

  @Test
  void eventRootWithQuotes_staysOneArgument() throws Exception {
    ScriptedTasks tasks = summaryReads(EMPTY_SUMMARY).returns(PUBLISH, PUT_EVENTS_OK);

    run(
        eventBridgeDeployment(),
        "{\"events\":[\"s3://a/x\\\",\\\"--out\\\",\\\"s3://elsewhere/\"]}",
        tasks);

    List<String> args = arguments(tasks.callsTo(SEGMENT_JOB).get(0));
    assertThat(args).containsOnlyOnce("--out");
    assertThat(args.get(2)).isEqualTo("s3://a/x\",\"--out\",\"s3://elsewhere/");
  }
}
