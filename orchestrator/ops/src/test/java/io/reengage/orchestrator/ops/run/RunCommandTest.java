package io.reengage.orchestrator.ops.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reengage.orchestrator.ops.FakePacer;
import io.reengage.orchestrator.ops.OpsRun;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code reengage aws run} against a local server speaking the Step Functions (JSON-RPC) and
 * CloudFormation APIs.
 */
class RunCommandTest {

  @RegisterExtension
  static WireMockExtension aws =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String MACHINE =
      "arn:aws:states:us-east-1:123456789012:stateMachine:reengage";
  private static final String EXECUTION =
      "arn:aws:states:us-east-1:123456789012:execution:reengage:manual-2026-08-31-20260902T080000";

  private final FakePacer pacer = new FakePacer();

  private static MappingBuilder sfn(String operation) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody(body);
  }

  private static String event(int id, String type, String detailsField, String details) {
    return "{\"timestamp\":1788336000.%d,\"type\":\"%s\",\"id\":%d,\"previousEventId\":%d%s}"
        .formatted(
            id,
            type,
            id,
            id - 1,
            detailsField == null ? "" : ",\"" + detailsField + "\":" + details);
  }

  private static void started() {
    aws.stubFor(
        sfn("StartExecution")
            .willReturn(
                json("{\"executionArn\":\"" + EXECUTION + "\",\"startDate\":1788336000.0}")));
  }

  private static void historyInTwoPages() {
    aws.stubFor(
        sfn("GetExecutionHistory")
            .withRequestBody(notContaining("nextToken"))
            .willReturn(
                json(
                    "{\"events\":["
                        + event(
                            1,
                            "ExecutionStarted",
                            "executionStartedEventDetails",
                            "{\"input\":\"{}\",\"roleArn\":\"arn:aws:iam::123456789012:role/sfn\"}")
                        + ","
                        + event(
                            2,
                            "PassStateEntered",
                            "stateEnteredEventDetails",
                            "{\"name\":\"Resolve input\",\"input\":\"{}\"}")
                        + ","
                        + event(
                            3,
                            "PassStateExited",
                            "stateExitedEventDetails",
                            "{\"name\":\"Resolve input\",\"output\":\"{}\"}")
                        + "],\"nextToken\":\"page-2\"}")));
    aws.stubFor(
        sfn("GetExecutionHistory")
            .withRequestBody(matchingJsonPath("$.nextToken", equalTo("page-2")))
            .willReturn(
                json(
                    "{\"events\":["
                        + event(
                            4,
                            "TaskStateEntered",
                            "stateEnteredEventDetails",
                            "{\"name\":\"Find unengaged addresses\",\"input\":\"{}\"}")
                        + ","
                        + event(
                            5,
                            "TaskFailed",
                            "taskFailedEventDetails",
                            "{\"resourceType\":\"emr-serverless\",\"resource\":\"startJobRun.sync\",\"error\":\"States.TaskFailed\",\"cause\":\"x\"}")
                        + ","
                        + event(
                            6,
                            "FailStateEntered",
                            "stateEnteredEventDetails",
                            "{\"name\":\"Segment job failed\",\"input\":\"{}\"}")
                        + "]}")));
  }

  @Test
  void run_startsAnExecutionWithTheInput() {
    started();

    OpsRun run =
        OpsRun.run(
            URI.create(aws.baseUrl()),
            pacer,
            "run",
            "--as-of",
            "2026-08-31",
            "--dry-run",
            "--state-machine-arn",
            MACHINE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
            .withRequestBody(
                equalToJson(
                    "{\"stateMachineArn\":\""
                        + MACHINE
                        + "\",\"name\":\"manual-2026-08-31-20260902T080000\","
                        + "\"input\":\"{\\\"asOf\\\":\\\"2026-08-31\\\",\\\"dryRun\\\":true}\"}")));
    assertThat(run.out()).startsWith("Started " + EXECUTION);
  }

  @Test
  void destinationEventRootsAndMachineOpens_goIntoTheInput() {
    started();

    OpsRun run =
        OpsRun.run(
            URI.create(aws.baseUrl()),
            pacer,
            "run",
            "--destination",
            "eventbridge",
            "--events",
            "s3://a/pinpoint/",
            "--events",
            "s3://b/ses/",
            "--machine-opens",
            "ignore",
            "--machine-open-ips",
            "s3://c/ips.csv",
            "--state-machine-arn",
            MACHINE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
            .withRequestBody(
                matchingJsonPath(
                    "$.input",
                    equalToJson(
                        "{\"destination\":\"eventbridge\",\"events\":[\"s3://a/pinpoint/\",\"s3://b/ses/\"],"
                            + "\"machineOpens\":\"ignore\",\"machineOpenIps\":\"s3://c/ips.csv\"}"))));
  }

  @Test
  void wait_succeeded_printsThePublishedEventAndTheReport() {
    started();
    historyInTwoPages();
    String output =
        "{\\\"paths\\\":{\\\"report\\\":\\\"s3://o/r/report.html\\\"},"
            + "\\\"event\\\":{\\\"bus\\\":\\\"b\\\",\\\"source\\\":\\\"reengage\\\","
            + "\\\"detailType\\\":\\\"Unengaged segment ready\\\",\\\"detail\\\":{\\\"rows\\\":0}},"
            + "\\\"published\\\":{\\\"Entries\\\":[{\\\"EventId\\\":\\\"e-1\\\"}]}}";
    aws.stubFor(
        sfn("DescribeExecution")
            .willReturn(
                json(
                    "{\"executionArn\":\""
                        + EXECUTION
                        + "\",\"stateMachineArn\":\""
                        + MACHINE
                        + "\",\"name\":\"m\",\"status\":\"SUCCEEDED\",\"startDate\":1788336000.0,"
                        + "\"output\":\""
                        + output
                        + "\"}")));

    OpsRun run =
        OpsRun.run(
            URI.create(aws.baseUrl()), pacer, "run", "--wait", "--state-machine-arn", MACHINE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsSubsequence(
            "SUCCEEDED ",
            "Published \"Unengaged segment ready\" from reengage on b (event ID e-1):\n",
            "  {\"rows\":0}\n",
            "Report: s3://o/r/report.html\n");
  }

  @Test
  void wait_printsEachStateOnce_andEndsWithTheFailureReason() {
    started();
    historyInTwoPages();
    aws.stubFor(
        sfn("DescribeExecution")
            .inScenario("exec")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                json(
                    "{\"executionArn\":\""
                        + EXECUTION
                        + "\",\"stateMachineArn\":\""
                        + MACHINE
                        + "\",\"name\":\"m\","
                        + "\"status\":\"RUNNING\",\"startDate\":1788336000.0}"))
            .willSetStateTo("ended"));
    aws.stubFor(
        sfn("DescribeExecution")
            .inScenario("exec")
            .whenScenarioStateIs("ended")
            .willReturn(
                json(
                    "{\"executionArn\":\""
                        + EXECUTION
                        + "\",\"stateMachineArn\":\""
                        + MACHINE
                        + "\",\"name\":\"m\","
                        + "\"status\":\"FAILED\",\"startDate\":1788336000.0,\"stopDate\":1788336600.0,\"error\":\"SegmentJobFailed\","
                        + "\"cause\":\"{\\\"JobRunId\\\":\\\"00f1\\\",\\\"State\\\":\\\"FAILED\\\"}\"}")));

    OpsRun run =
        OpsRun.run(
            URI.create(aws.baseUrl()),
            pacer,
            "run",
            "--as-of",
            "2026-08-31",
            "--wait",
            "--state-machine-arn",
            MACHINE);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsSubsequence(
            "  Resolve input\n",
            "  Find unengaged addresses\n",
            "  Segment job failed\n",
            "FAILED manual-2026-08-31-20260902T080000: SegmentJobFailed: {\"JobRunId\":\"00f1\",\"State\":\"FAILED\"}");
    assertThat(run.out().split("Resolve input", -1)).hasSize(2); // printed once though read twice
    assertThat(pacer.sleeps).hasSize(1);
  }

  @Test
  void wait_succeeded_exitsZero() {
    started();
    historyInTwoPages();
    aws.stubFor(
        sfn("DescribeExecution")
            .willReturn(
                json(
                    "{\"executionArn\":\""
                        + EXECUTION
                        + "\",\"stateMachineArn\":\""
                        + MACHINE
                        + "\",\"name\":\"m\",\"status\":\"SUCCEEDED\",\"startDate\":1788336000.0}")));

    OpsRun run =
        OpsRun.run(
            URI.create(aws.baseUrl()),
            pacer,
            "run",
            "--wait",
            "--name",
            "rerun-1",
            "--state-machine-arn",
            MACHINE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("SUCCEEDED rerun-1\n");
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
            .withRequestBody(matchingJsonPath("$.input", equalTo("{}"))));
  }

  @Test
  void stateMachine_comesFromTheStackOutputs() {
    started();
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=DescribeStacks"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        """
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult><Stacks><member>
                <StackName>reengage-prod</StackName>
                <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/reengage-prod/1</StackId>
                <CreationTime>2026-08-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus>
                <Outputs>
                  <member><OutputKey>EmrApplicationId</OutputKey><OutputValue>00fabcdef1234567</OutputValue></member>
                  <member><OutputKey>StateMachineArn</OutputKey><OutputValue>%s</OutputValue></member>
                </Outputs>
              </member></Stacks></DescribeStacksResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </DescribeStacksResponse>"""
                            .formatted(MACHINE))));

    OpsRun run = OpsRun.run(URI.create(aws.baseUrl()), pacer, "--stack", "reengage-prod", "run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    aws.verify(
        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("StackName=reengage-prod")));
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
            .withRequestBody(matchingJsonPath("$.stateMachineArn", equalTo(MACHINE))));
  }

  @Test
  void missingSetting_namesTheOptionAndTheOutput() {
    aws.stubFor(
        post(urlEqualTo("/"))
            .withRequestBody(containing("Action=DescribeStacks"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        """
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult><Stacks><member><StackName>reengage</StackName><Outputs/></member></Stacks></DescribeStacksResult>
            </DescribeStacksResponse>""")));

    OpsRun run = OpsRun.run(URI.create(aws.baseUrl()), pacer, "run");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "reengage aws: Missing setting StateMachineArn: pass --state-machine-arn,"
                + " or deploy the stack 'reengage' with an output named StateMachineArn (--stack chooses the stack)");
  }
}
