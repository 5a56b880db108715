package io.reengage.orchestrator.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reengage.orchestrator.aws.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/** ImportStatus against a local server speaking Pinpoint's GetImportJob. */
class ImportStatusHandlerTest {

  @RegisterExtension
  static WireMockExtension aws =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String APP = "6e0b7591a90841d2b8f7e1a2b3c4d5e6";
  private static final String JOB_PATH = "/v1/apps/" + APP + "/jobs/import/imp-42";

  private final FakeContext context = new FakeContext();

  private static String job(String status, String counts, String failures) {
    return """
        {"ApplicationId":"%s","CreationDate":"2026-09-01T05:30:00.000Z","CompletionDate":"2026-09-01T05:41:00.000Z",
         "Definition":{"Format":"CSV","RoleArn":"arn:aws:iam::123456789012:role/import","S3Url":"s3://b/import/",
                       "SegmentId":"seg-9","SegmentName":"Unengaged recipients","DefineSegment":true},
         %s "Failures":%s,"Id":"imp-42","JobStatus":"%s","Type":"IMPORT"}"""
        .formatted(APP, counts, failures, status);
  }

  private static void jobIs(String body) {
    aws.stubFor(
        get(urlPathEqualTo(JOB_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private Map<String, Object> status(PinpointClient pinpoint) {
    return Invoke.handler(
        new ImportStatusHandler(pinpoint, new Settings(Map.of(Settings.APPLICATION_ID, APP))),
        new ImportStatusHandler.Input("imp-42"),
        context);
  }

  @Test
  void completed_reportsCountsAndTheSegment() {
    jobIs(
        job(
            "COMPLETED",
            "\"TotalPieces\":4,\"CompletedPieces\":4,\"FailedPieces\":0,\"TotalProcessed\":1200,\"TotalFailures\":0,",
            "[]"));

    Map<String, Object> result = status(LocalAws.pinpoint(aws));

    assertThat(result)
        .containsEntry("jobStatus", "COMPLETED")
        .containsEntry("segmentId", "seg-9")
        .containsEntry("totalPieces", 4)
        .containsEntry("completedPieces", 4)
        .containsEntry("totalProcessed", 1200)
        .containsEntry("totalFailures", 0)
        .containsEntry("reason", "");
  }

  @Test
  void stillRunning_hasNoReason() {
    jobIs(job("PROCESSING", "\"TotalPieces\":4,\"CompletedPieces\":1,", "[]"));

    Map<String, Object> result = status(LocalAws.pinpoint(aws));

    assertThat(result)
        .containsEntry("jobStatus", "PROCESSING")
        .containsEntry("completedPieces", 1)
        .containsEntry("failedPieces", 0)
        .containsEntry("reason", "");
  }

  @Test
  void failed_givesTheFirstFailuresWithoutAddresses() {
    jobIs(
        job(
            "FAILED",
            "\"TotalPieces\":4,\"CompletedPieces\":3,\"FailedPieces\":1,\"TotalProcessed\":1188,\"TotalFailures\":12,",
            "[\"Row 3: Address jane.doe+news@example.com is not a valid email address\","
                + "\"Row 9: Attributes.num_delivered exceeds 100 characters\"]"));

    Map<String, Object> result = status(LocalAws.pinpoint(aws));

    assertThat(result).containsEntry("jobStatus", "FAILED");
    assertThat(result.get("reason"))
        .isEqualTo(
            "Pinpoint import job imp-42 FAILED: 1 of 4 pieces failed, "
                + "12 endpoint(s) failed, 1188 processed. First failures: "
                + "Row 3: Address <address> is not a valid email address | Row 9: Attributes.num_delivered exceeds 100 characters");
    assertThat((List<?>) result.get("firstFailures")).hasSize(2);
    assertThat(context.lines).isNotEmpty().noneMatch(line -> line.contains("@"));
  }

  @Test
  void throttled_isRetriedThenSucceeds() {
    aws.stubFor(
        get(urlPathEqualTo(JOB_PATH))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"Message\":\"Too many requests\"}"))
            .willSetStateTo("calm"));
    aws.stubFor(
        get(urlPathEqualTo(JOB_PATH))
            .inScenario("throttle")
            .whenScenarioStateIs("calm")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(job("COMPLETED", "\"TotalPieces\":1,\"CompletedPieces\":1,", "[]"))));

    assertThat(status(LocalAws.pinpoint(aws))).containsEntry("jobStatus", "COMPLETED");
    aws.verify(2, getRequestedFor(urlPathEqualTo(JOB_PATH)));
  }

  @Test
  void throttledPastTheClientsRetries_throwsTheTypeTheStateMachineRetries() throws Exception {
    aws.stubFor(
        get(urlPathEqualTo(JOB_PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"Message\":\"Too many requests\"}")));
    PinpointClient impatient =
        PinpointClient.builder()
            .endpointOverride(URI.create(aws.baseUrl()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(RetryMode.STANDARD)
                    .retryStrategy(b -> b.maxAttempts(1))
                    .build())
            .build();

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> status(impatient));

    // The Lambda runtime reports the exception's class name as the error; the definition retries on
    // it.
    JsonNode definition =
        new ObjectMapper().readTree(Files.readString(Path.of("statemachine", "reengage.asl.json")));
    List<String> retried =
        definition.at("/States/Check import/Retry").findValues("ErrorEquals").stream()
            .flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
            .map(JsonNode::asText)
            .toList();
    assertThat(retried).contains(thrown.getClass().getName());
  }

  @Test
  void missingInput_isRejected() {
    assertThatThrownBy(
            () ->
                new ImportStatusHandler(
                        LocalAws.pinpoint(aws), new Settings(Map.of(Settings.APPLICATION_ID, APP)))
                    .handle(new ImportStatusHandler.Input(null), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid input to ImportStatus: field 'importJobId' is missing or not a string"
                + " (the state machine passes it; see reengage.asl.json)");
  }
}
