package io.reengage.orchestrator.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.reengage.orchestrator.aws.Settings;
import io.reengage.orchestrator.importing.ImportRefusedException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StartImport against a local server speaking the S3 (ListObjectsV2) and Pinpoint REST APIs. */
class StartImportHandlerTest {

  @RegisterExtension
  static WireMockExtension aws =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String APP = "6e0b7591a90841d2b8f7e1a2b3c4d5e6";
  private static final String BUCKET = "reengage-output-123456789012";
  private static final String PREFIX = "runs/2026-09-01/daily-2026-09-01/import/";
  private static final String IMPORT_URI = "s3://" + BUCKET + "/" + PREFIX;
  private static final String ROLE = "arn:aws:iam::123456789012:role/reengage-pinpoint-import";
  private static final String SEGMENTS = "/v1/apps/" + APP + "/segments";
  private static final String IMPORT_JOBS = "/v1/apps/" + APP + "/jobs/import";

  private StartImportHandler handler;
  private FakeContext context;

  @BeforeEach
  void setUp() {
    handler =
        new StartImportHandler(
            LocalAws.pinpoint(aws),
            LocalAws.s3(aws),
            new Settings(
                Map.of(
                    Settings.APPLICATION_ID,
                    APP,
                    Settings.IMPORT_ROLE_ARN,
                    ROLE,
                    Settings.SEGMENT_NAME,
                    "Unengaged recipients")));
    context = new FakeContext();
  }

  private static void folderHolds(String... keysAndSizes) {
    aws.stubFor(
        get(urlPathEqualTo("/" + BUCKET))
            .withQueryParam("list-type", equalTo("2"))
            .withQueryParam("prefix", equalTo(PREFIX))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(S3Listing.page(BUCKET, PREFIX, null, keysAndSizes))));
  }

  private static String segment(String id, String type, String tags, String modified) {
    return """
        {"ApplicationId":"%s","Arn":"arn:aws:mobiletargeting:us-east-1:123456789012:apps/%s/segments/%s",
         "CreationDate":"2026-01-05T10:00:00.000Z","LastModifiedDate":"%s","Id":"%s","Name":"segment %s",
         "SegmentType":"%s","Version":3,"tags":%s}"""
        .formatted(APP, APP, id, modified, id, id, type, tags);
  }

  private static void importJobCreated(String segmentId) {
    aws.stubFor(
        post(urlPathEqualTo(IMPORT_JOBS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
            {"ApplicationId":"%s","CreationDate":"2026-09-01T05:30:00.000Z",
             "Definition":{"Format":"CSV","RoleArn":"%s","S3Url":"%s","SegmentId":"%s","RegisterEndpoints":true},
             "Id":"imp-42","JobStatus":"CREATED","Type":"IMPORT"}"""
                            .formatted(APP, ROLE, IMPORT_URI, segmentId))));
  }

  private Map<String, Object> start() {
    return Invoke.handler(
        handler, new StartImportHandler.Input(IMPORT_URI, "daily-2026-09-01"), context);
  }

  @Test
  void taggedImportSegment_isImportedInto() {
    folderHolds(PREFIX + "part-00000-1.csv", "120000", PREFIX + "part-00001-1.csv", "60000");
    aws.stubFor(
        get(urlPathEqualTo(SEGMENTS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Item\":["
                            + segment(
                                "dim-1",
                                "DIMENSIONAL",
                                "{\"REENGAGEMENT\":\"YES\"}",
                                "2026-08-01T00:00:00.000Z")
                            + ","
                            + segment("imp-untagged", "IMPORT", "{}", "2026-08-02T00:00:00.000Z")
                            + ","
                            + segment(
                                "seg-7",
                                "IMPORT",
                                "{\"REENGAGEMENT\":\"YES\",\"team\":\"crm\"}",
                                "2026-08-01T00:00:00.000Z")
                            + "]}")));
    importJobCreated("seg-7");

    Map<String, Object> result = start();

    aws.verify(
        postRequestedFor(urlPathEqualTo(IMPORT_JOBS))
            .withRequestBody(
                equalToJson(
                    """
        {"Format":"CSV","RegisterEndpoints":true,"RoleArn":"%s","S3Url":"%s","SegmentId":"seg-7"}"""
                        .formatted(ROLE, IMPORT_URI))));
    assertThat(result)
        .containsEntry("importJobId", "imp-42")
        .containsEntry("segmentId", "seg-7")
        .containsEntry("newSegment", false)
        .containsEntry("csvFiles", 2L)
        .containsEntry("bytes", 180000L);
  }

  @Test
  void noTaggedSegment_definesANewOne() {
    folderHolds(PREFIX + "part-00000-1.csv", "5000");
    aws.stubFor(
        get(urlPathEqualTo(SEGMENTS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Item\":["
                            + segment(
                                "imp-untagged",
                                "IMPORT",
                                "{\"REENGAGEMENT\":\"NO\"}",
                                "2026-08-02T00:00:00.000Z")
                            + "]}")));
    importJobCreated("seg-new");

    Map<String, Object> result = start();

    aws.verify(
        postRequestedFor(urlPathEqualTo(IMPORT_JOBS))
            .withRequestBody(
                equalToJson(
                    """
        {"DefineSegment":true,"Format":"CSV","RegisterEndpoints":true,"RoleArn":"%s","S3Url":"%s",
         "SegmentName":"Unengaged recipients"}"""
                        .formatted(ROLE, IMPORT_URI))));
    assertThat(result)
        .containsEntry("segmentId", "seg-new")
        .containsEntry("newSegment", true)
        .containsEntry("segmentName", "Unengaged recipients");
  }

  @Test
  void taggedSegmentOnALaterPage_isFound() {
    folderHolds(PREFIX + "part-00000-1.csv", "5000");
    aws.stubFor(
        get(urlPathEqualTo(SEGMENTS))
            .withQueryParam("token", absent())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Item\":["
                            + segment("a", "IMPORT", "{}", "2026-08-02T00:00:00.000Z")
                            + "],\"NextToken\":\"page-2\"}")));
    aws.stubFor(
        get(urlPathEqualTo(SEGMENTS))
            .withQueryParam("token", equalTo("page-2"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Item\":["
                            + segment(
                                "seg-on-page-2",
                                "IMPORT",
                                "{\"REENGAGEMENT\":\"YES\"}",
                                "2026-08-02T00:00:00.000Z")
                            + "]}")));
    importJobCreated("seg-on-page-2");

    Map<String, Object> result = start();

    aws.verify(2, getRequestedFor(urlPathEqualTo(SEGMENTS)));
    aws.verify(
        postRequestedFor(urlPathEqualTo(IMPORT_JOBS))
            .withRequestBody(equalToJson("{\"SegmentId\":\"seg-on-page-2\"}", true, true)));
    assertThat(result)
        .containsEntry("segmentId", "seg-on-page-2")
        .containsEntry("newSegment", false);
  }

  @Test
  void throttledSegmentListing_isRetriedThenSucceeds() {
    folderHolds(PREFIX + "part-00000-1.csv", "5000");
    aws.stubFor(
        get(urlPathEqualTo(SEGMENTS))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withBody("{\"Message\":\"Too many requests\",\"RequestID\":\"r-1\"}"))
            .willSetStateTo("calm"));
    aws.stubFor(
        get(urlPathEqualTo(SEGMENTS))
            .inScenario("throttle")
            .whenScenarioStateIs("calm")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Item\":["
                            + segment(
                                "seg-7",
                                "IMPORT",
                                "{\"REENGAGEMENT\":\"YES\"}",
                                "2026-08-01T00:00:00.000Z")
                            + "]}")));
    importJobCreated("seg-7");

    Map<String, Object> result = start();

    aws.verify(2, getRequestedFor(urlPathEqualTo(SEGMENTS)));
    assertThat(result).containsEntry("segmentId", "seg-7");
  }

  @Test
  void folderWithNonCsvFiles_isRefusedBeforeAnyPinpointCall() {
    folderHolds(PREFIX + "part-00000-1.csv", "5000", PREFIX + "_SUCCESS", "312");

    assertThatThrownBy(this::start)
        .isInstanceOf(ImportRefusedException.class)
        .hasMessage(
            "Cannot import "
                + IMPORT_URI
                + ": the folder holds 1 file(s) that are not CSV, e.g. "
                + PREFIX
                + "_SUCCESS"
                + " (Pinpoint imports every object under the prefix; point the import at a CSV-only folder)");
    aws.verify(0, getRequestedFor(urlPathEqualTo(SEGMENTS)));
    aws.verify(0, postRequestedFor(urlPathEqualTo(IMPORT_JOBS)));
  }

  @Test
  void folderOverTheImportLimit_isRefused_countingEveryListingPage() {
    aws.stubFor(
        get(urlPathEqualTo("/" + BUCKET))
            .withQueryParam("continuation-token", absent())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        S3Listing.page(
                            BUCKET, PREFIX, "next-1", PREFIX + "part-00000.csv", "600000000"))));
    aws.stubFor(
        get(urlPathEqualTo("/" + BUCKET))
            .withQueryParam("continuation-token", equalTo("next-1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        S3Listing.page(
                            BUCKET, PREFIX, null, PREFIX + "part-00001.csv", "400000001"))));

    assertThatThrownBy(this::start)
        .isInstanceOf(ImportRefusedException.class)
        .hasMessage(
            "Cannot import "
                + IMPORT_URI
                + ": its 2 CSV file(s) hold 1000000001 bytes, over Pinpoint's limit of"
                + " 1000000000 bytes per import job (ask AWS to raise the quota, or lower the number of addresses per run)");
    aws.verify(0, postRequestedFor(urlPathEqualTo(IMPORT_JOBS)));
  }

  @Test
  void missingSetting_namesTheVariable() {
    StartImportHandler unconfigured =
        new StartImportHandler(
            LocalAws.pinpoint(aws),
            LocalAws.s3(aws),
            new Settings(Map.of(Settings.APPLICATION_ID, APP)));
    folderHolds(PREFIX + "part-00000-1.csv", "5000");

    assertThatThrownBy(
            () -> unconfigured.handle(new StartImportHandler.Input(IMPORT_URI, null), context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Missing setting IMPORT_ROLE_ARN: set the environment variable IMPORT_ROLE_ARN on the function");
  }
}
