package io.reengage.orchestrator.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.SummaryJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ReadSummary against a local server speaking S3's GetObject. */
class ReadSummaryHandlerTest {

  @RegisterExtension
  static WireMockExtension aws =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "runs/2026-08-31/daily/summary.json";
  private static final String URI = "s3://reengage-output/" + KEY;

  /** A summary as the job writes it. */
  private static final String SUMMARY =
      new String(
          SummaryJson.write(
              RunSummary.builder()
                  .asOf("2026-08-31")
                  .until("2026-09-01T00:00:00Z")
                  .untilEpochMillis(1788220800000L)
                  .windows(
                      new RunSummary.Windows(10, 6, "2025-10-31T00:00:00Z", "2026-02-28T00:00:00Z"))
                  .thresholds(
                      new RunSummary.Thresholds(6, List.of("_email.click", "_email.open"), 0.001))
                  .inputs(
                      List.of(
                          new RunSummary.Input(
                              "s3://reengage-events/",
                              "firehose",
                              11,
                              240,
                              2600000000L,
                              0,
                              2000000,
                              2000000,
                              0)))
                  .records(2000000)
                  .badRecords(7)
                  .deliveredEvents(900000)
                  .engagementEvents(300000)
                  .addresses(81000)
                  .unengaged(1200)
                  .droppedAddresses(2)
                  .outputFiles(1)
                  .outputBytes(180000)
                  .importUri("s3://reengage-output/runs/2026-08-31/daily/import/")
                  .timings(new RunSummary.Timings(1000, 40000, 39000, null, 3000, 61000))
                  .build()),
          StandardCharsets.UTF_8);

  private final FakeContext context = new FakeContext();

  private Map<String, Object> read() {
    return Invoke.handler(
        new ReadSummaryHandler(LocalAws.s3(aws)), new ReadSummaryHandler.Input(URI), context);
  }

  @Test
  void summary_isReducedToWhatTheWorkflowNeeds() {
    aws.stubFor(
        get(urlPathEqualTo("/reengage-output/" + KEY))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SUMMARY)));

    Map<String, Object> result = read();

    assertThat(result)
        .containsEntry("asOf", "2026-08-31")
        .containsEntry("untilEpochMillis", 1788220800000L)
        .containsEntry("unengaged", 1200L)
        .containsEntry("addresses", 81000L)
        .containsEntry("outputBytes", 180000L)
        .containsEntry("importUri", "s3://reengage-output/runs/2026-08-31/daily/import/");
    assertThat(context.lines).singleElement().asString().contains("unengaged=1200");
  }

  @Test
  void missingSummary_saysTheJobDidNotPublish() {
    aws.stubFor(
        get(urlPathEqualTo("/reengage-output/" + KEY))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>%s</Key><RequestId>R1</RequestId></Error>"""
                            .formatted(KEY))));

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot read run summary "
                + URI
                + ": no such object (the segment job did not publish its output; see its logs)");
  }

  @Test
  void summaryWithoutUnengaged_isRejected() {
    aws.stubFor(
        get(urlPathEqualTo("/reengage-output/" + KEY))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(SUMMARY.replace("\"unengaged\" : 1200,", ""))));

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot read run summary "
                + URI
                + ": field 'unengaged' is missing or not a non-negative integer");
  }
}
