package io.reengage.orchestrator.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.reengage.orchestrator.aws.Settings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TagSegment against a local server speaking Pinpoint's TagResource. */
class TagSegmentHandlerTest {

  @RegisterExtension
  static WireMockExtension aws =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String APP = "6e0b7591a90841d2b8f7e1a2b3c4d5e6";

  /** Region and account of FakeContext's function ARN, not of the client's region. */
  private static final String SEGMENT_ARN =
      "arn:aws:mobiletargeting:eu-west-1:210987654321:apps/" + APP + "/segments/seg-9";

  private final FakeContext context = new FakeContext();

  private Map<String, Object> tag() {
    return Invoke.handler(
        new TagSegmentHandler(
            LocalAws.pinpoint(aws), new Settings(Map.of(Settings.APPLICATION_ID, APP))),
        new TagSegmentHandler.Input("seg-9"),
        context);
  }

  private static String taggedArn() {
    List<LoggedRequest> requests = aws.findAll(postRequestedFor(urlPathMatching("/v1/tags/.*")));
    assertThat(requests).isNotEmpty();
    String path = requests.get(requests.size() - 1).getUrl();
    return URLDecoder.decode(path.substring("/v1/tags/".length()), StandardCharsets.UTF_8);
  }

  @Test
  void tagsTheSegmentByItsArn() {
    aws.stubFor(post(urlPathMatching("/v1/tags/.*")).willReturn(aResponse().withStatus(204)));

    Map<String, Object> result = tag();

    assertThat(taggedArn()).isEqualTo(SEGMENT_ARN);
    aws.verify(
        postRequestedFor(urlPathMatching("/v1/tags/.*"))
            .withRequestBody(equalToJson("{\"tags\":{\"REENGAGEMENT\":\"YES\"}}")));
    assertThat(result).containsEntry("segmentArn", SEGMENT_ARN);
  }

  @Test
  void denied_saysWhichPermissionIsMissing() {
    aws.stubFor(
        post(urlPathMatching("/v1/tags/.*"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-amzn-ErrorType", "ForbiddenException")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Message\":\"User is not authorized to perform mobiletargeting:TagResource\",\"RequestID\":\"r-2\"}")));

    assertThatThrownBy(this::tag)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot tag segment "
                + SEGMENT_ARN
                + ": ForbiddenException (HTTP 403): User is not authorized to perform"
                + " mobiletargeting:TagResource (allow mobiletargeting:TagResource on this ARN for the function's role)");
  }

  @Test
  void throttled_isRetriedThenSucceeds() {
    aws.stubFor(
        post(urlPathMatching("/v1/tags/.*"))
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
        post(urlPathMatching("/v1/tags/.*"))
            .inScenario("throttle")
            .whenScenarioStateIs("calm")
            .willReturn(aResponse().withStatus(204)));

    assertThat(tag()).containsEntry("segmentArn", SEGMENT_ARN);
    aws.verify(2, postRequestedFor(urlPathMatching("/v1/tags/.*")));
  }
}
