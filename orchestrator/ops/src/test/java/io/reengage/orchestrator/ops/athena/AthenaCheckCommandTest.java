package io.reengage.orchestrator.ops.athena;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.SummaryJson;
import io.reengage.orchestrator.ops.FakePacer;
import io.reengage.orchestrator.ops.OpsRun;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code reengage aws athena-check} against a local server speaking Athena (JSON-RPC) and S3. */
class AthenaCheckCommandTest {

  @RegisterExtension
  static WireMockExtension aws =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String RUN = "s3://reengage-output/runs/2026-08-31/manual-1";
  private static final String RESULT_KEY = "athena/2026-08-31/athena-check-20260902-080000/q-1.csv";

  private static final String ATHENA_RESULT =
      """
      "ChannelType","Id","Address","Attributes.max_delivered_timestamp","Attributes.min_delivered_timestamp","Attributes.last_engagement","Attributes.num_delivered"
      "EMAIL","a@example.com","a@example.com","1780000000000","1770000000000",,"7"
      "EMAIL","b,c@example.com","b,c@example.com","1780000000001","1770000000001",,"6"
      """;
  private static final String JOB_CSV =
      """
      ChannelType,Id,Address,Attributes.max_delivered_timestamp,Attributes.min_delivered_timestamp,Attributes.last_engagement,Attributes.num_delivered\r
      EMAIL,"b,c@example.com","b,c@example.com",1780000000001,1770000000001,,6\r
      EMAIL,a@example.com,a@example.com,1780000000000,1770000000000,,7\r
      """;

  private final FakePacer pacer = new FakePacer();

  private static MappingBuilder athena(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena." + operation));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }

  private static String queryExecution(String state, String reason) {
    return "{\"QueryExecution\":{\"QueryExecutionId\":\"q-1\",\"WorkGroup\":\"reengage\","
        + "\"ResultConfiguration\":{\"OutputLocation\":\"s3://reengage-output/"
        + RESULT_KEY
        + "\"},"
        + "\"Status\":{\"State\":\""
        + state
        + "\",\"SubmissionDateTime\":1788336000.0"
        + (reason == null ? "" : ",\"StateChangeReason\":\"" + reason + "\"")
        + "}}}";
  }

  private static void s3Object(String key, String body) {
    aws.stubFor(
        get(urlPathEqualTo("/reengage-output/" + key))
            .willReturn(aResponse().withStatus(200).withBody(body)));
  }

  @BeforeEach
  void runFolder() {
    s3Object(
        "runs/2026-08-31/manual-1/summary.json",
        new String(
            SummaryJson.write(
                RunSummary.builder()
                    .asOf("2026-08-31")
                    .until("2026-09-01T00:00:00Z")
                    .untilEpochMillis(1788220800000L)
                    .records(10)
                    .addresses(5)
                    .unengaged(2)
                    .outputFiles(1)
                    .outputBytes(300)
                    .importUri(RUN + "/import/")
                    .build()),
            StandardCharsets.UTF_8));
    aws.stubFor(
        get(urlPathEqualTo("/reengage-output"))
            .withQueryParam("list-type", equalTo("2"))
            .withQueryParam("prefix", equalTo("runs/2026-08-31/manual-1/import/"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        io.reengage.orchestrator.lambda.S3ListingAccess.page(
                            "reengage-output",
                            "runs/2026-08-31/manual-1/import/",
                            "runs/2026-08-31/manual-1/import/part-00000-a.csv",
                            "300"))));
    aws.stubFor(athena("StartQueryExecution").willReturn(json("{\"QueryExecutionId\":\"q-1\"}")));
  }

  private OpsRun check() {
    return OpsRun.run(
        URI.create(aws.baseUrl()),
        pacer,
        "athena-check",
        "--as-of",
        "2026-08-31",
        "--run",
        RUN,
        "--workgroup",
        "reengage",
        "--database",
        "pinpoint_events",
        "--table",
        "email_events",
        "--athena-output",
        "s3://reengage-output/athena");
  }

  @Test
  void equalOutputs_passWithCountsOnly() {
    aws.stubFor(
        athena("GetQueryExecution")
            .inScenario("q")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(queryExecution("RUNNING", null)))
            .willSetStateTo("done"));
    aws.stubFor(
        athena("GetQueryExecution")
            .inScenario("q")
            .whenScenarioStateIs("done")
            .willReturn(json(queryExecution("SUCCEEDED", null))));
    s3Object(RESULT_KEY, ATHENA_RESULT);
    s3Object("runs/2026-08-31/manual-1/import/part-00000-a.csv", JOB_CSV);

    OpsRun run = check();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Athena rows 2, run rows 2 (1 file(s)); missing 0, extra 0, differing 0: EQUAL")
        .doesNotContain("@");
    aws.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution"))
            .withRequestBody(
                matchingJsonPath(
                    "$.QueryString",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "arrival_timestamp < 1788220800000 AND (")))
            .withRequestBody(
                matchingJsonPath(
                    "$.QueryString",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "date_add('month', -6, DATE '2026-08-31') -- Emails started")))
            .withRequestBody(matchingJsonPath("$.WorkGroup", equalTo("reengage")))
            .withRequestBody(
                matchingJsonPath("$.QueryExecutionContext.Database", equalTo("pinpoint_events")))
            .withRequestBody(
                matchingJsonPath(
                    "$.ResultConfiguration.OutputLocation",
                    equalTo(
                        "s3://reengage-output/athena/2026-08-31/athena-check-20260902-080000/")))
            .withRequestBody(
                matchingJsonPath(
                    "$.QueryString",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "FROM \"pinpoint_events\".\"email_events\""))));
    assertThat(pacer.sleeps).hasSize(1);
  }

  @Test
  void differentOutputs_failWithCounts() {
    aws.stubFor(athena("GetQueryExecution").willReturn(json(queryExecution("SUCCEEDED", null))));
    s3Object(RESULT_KEY, ATHENA_RESULT);
    s3Object(
        "runs/2026-08-31/manual-1/import/part-00000-a.csv",
        JOB_CSV.replace(",,7", ",,8")
            + "EMAIL,d@example.com,d@example.com,1780000000002,1770000000002,,9\n");

    OpsRun run = check();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "Athena rows 2, run rows 3 (1 file(s)); missing 0, extra 1, differing 1: DIFFERENT")
        .doesNotContain("@");
  }

  @Test
  void failedQuery_endsWithAthenasReason() {
    aws.stubFor(
        athena("GetQueryExecution")
            .willReturn(
                json(
                    queryExecution(
                        "FAILED",
                        "TABLE_NOT_FOUND: line 6:8: Table 'awsdatacatalog.pinpoint_events.email_events' does not exist"))));

    OpsRun run = check();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "Athena query q-1 FAILED: TABLE_NOT_FOUND: line 6:8: Table"
                + " 'awsdatacatalog.pinpoint_events.email_events' does not exist");
  }

  @Test
  void throttledStart_isRetried() {
    aws.stubFor(
        athena("StartQueryExecution")
            .inScenario("t")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(
                        "{\"__type\":\"TooManyRequestsException\",\"Message\":\"Rate exceeded\",\"Reason\":\"CONCURRENT_QUERY_LIMIT_EXCEEDED\"}"))
            .willSetStateTo("calm"));
    aws.stubFor(
        athena("StartQueryExecution")
            .inScenario("t")
            .whenScenarioStateIs("calm")
            .willReturn(json("{\"QueryExecutionId\":\"q-1\"}")));
    aws.stubFor(athena("GetQueryExecution").willReturn(json(queryExecution("SUCCEEDED", null))));
    s3Object(RESULT_KEY, ATHENA_RESULT);
    s3Object("runs/2026-08-31/manual-1/import/part-00000-a.csv", JOB_CSV);

    OpsRun run = check();

    assertThat(run.exitCode()).as(run.err()).isZero();
    aws.verify(
        2,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonAthena.StartQueryExecution")));
  }

  @Test
  void wrongAsOf_isRejected() {
    OpsRun run =
        OpsRun.run(
            URI.create(aws.baseUrl()),
            pacer,
            "athena-check",
            "--as-of",
            "2026-08-30",
            "--run",
            RUN,
            "--workgroup",
            "reengage",
            "--database",
            "pinpoint_events",
            "--table",
            "email_events",
            "--athena-output",
            "s3://reengage-output/athena");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "reengage aws: Invalid --as-of 2026-08-30: the run at " + RUN + " is for 2026-08-31");
  }
}
