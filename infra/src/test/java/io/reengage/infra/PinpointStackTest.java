package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * An existing Pinpoint project and a pipeline the stack builds: today's Pinpoint path, unchanged
 * (import, status, tag), with the project's event stream into the new Kinesis stream.
 */
class PinpointStackTest {

  static final String PROJECT = "0123456789abcdef0123456789abcdef";
  private static final String APP =
      "arn:${AWS::Partition}:mobiletargeting:${AWS::Region}:${AWS::AccountId}:apps/" + PROJECT;

  private static Template template;

  @BeforeAll
  static void synthesise() {
    template = Synth.template(Map.of("pinpointProjectId", PROJECT));
  }

  @Test
  void usesTheProjectWithoutCreatingOne() {
    template.resourceCountIs("AWS::Pinpoint::App", 0);
    template.resourceCountIs("AWS::Pinpoint::EventStream", 1);
    template.resourceCountIs("AWS::Lambda::Function", 4);
  }

  @Test
  void destinationDefaultsToPinpoint_andTheEventBridgePathStaysAvailable() {
    Map<String, String> values = DefaultStackTest.substitutions(template);
    assertThat(values)
        .containsEntry("Destination", "pinpoint")
        .containsEntry("PinpointProjectId", PROJECT)
        .containsEntry("StartImportFunctionArn", "FunctionsStartImport.Arn")
        .containsEntry("ImportStatusFunctionArn", "FunctionsImportStatus.Arn")
        .containsEntry("TagSegmentFunctionArn", "FunctionsTagSegment.Arn")
        .containsEntry("EventBusArn", "SegmentEventsBus.Arn");
    assertThat(roleStatements(template, "WorkflowStateMachineRole"))
        .contains(
            "Allow lambda:InvokeFunction FunctionsReadSummary.Arn",
            "Allow lambda:InvokeFunction FunctionsStartImport.Arn",
            "Allow lambda:InvokeFunction FunctionsImportStatus.Arn",
            "Allow lambda:InvokeFunction FunctionsTagSegment.Arn",
            "Allow events:PutEvents SegmentEventsBus.Arn");
  }

  @Test
  void lambdasRunTheOrchestratorHandlers() {
    Map<String, String> handlers = new TreeMap<>();
    Synth.resourcesOfType(template, "AWS::Lambda::Function")
        .forEach(
            (id, function) ->
                handlers.put(Synth.stripHash(id), (String) properties(function).get("Handler")));
    assertThat(handlers)
        .containsExactly(
            Map.entry(
                "FunctionsImportStatus",
                "io.reengage.orchestrator.lambda.ImportStatusHandler::handleRequest"),
            Map.entry(
                "FunctionsReadSummary",
                "io.reengage.orchestrator.lambda.ReadSummaryHandler::handleRequest"),
            Map.entry(
                "FunctionsStartImport",
                "io.reengage.orchestrator.lambda.StartImportHandler::handleRequest"),
            Map.entry(
                "FunctionsTagSegment",
                "io.reengage.orchestrator.lambda.TagSegmentHandler::handleRequest"));
  }

  @Test
  void lambdasGetTheSettingsTheirHandlersRead() {
    assertThat(environment("FunctionsStartImport"))
        .isEqualTo(
            "{Variables={IMPORT_ROLE_ARN=PinpointImportRole.Arn,"
                + " PINPOINT_APPLICATION_ID="
                + PROJECT
                + ", SEGMENT_NAME=Unengaged Users}}");
    assertThat(environment("FunctionsImportStatus"))
        .isEqualTo("{Variables={PINPOINT_APPLICATION_ID=" + PROJECT + "}}");
    assertThat(environment("FunctionsTagSegment"))
        .isEqualTo("{Variables={PINPOINT_APPLICATION_ID=" + PROJECT + "}}");
    assertThat(properties(resource(template, "AWS::Lambda::Function", "FunctionsReadSummary")))
        .doesNotContainKey("Environment");
  }

  private static String environment(String function) {
    return render(
        properties(resource(template, "AWS::Lambda::Function", function)).get("Environment"));
  }

  @Test
  void eachLambdaRoleAllowsOnlyItsOwnStep() {
    assertThat(roleStatements(template, "FunctionsReadSummaryRole"))
        .containsExactlyInAnyOrder(
            "Allow logs:CreateLogStream FunctionsReadSummaryLogs.Arn",
            "Allow logs:PutLogEvents FunctionsReadSummaryLogs.Arn",
            "Allow s3:GetObject WorkBucket.Arn/runs/*/summary.json");
    assertThat(roleStatements(template, "FunctionsStartImportRole"))
        .containsExactlyInAnyOrder(
            "Allow logs:CreateLogStream FunctionsStartImportLogs.Arn",
            "Allow logs:PutLogEvents FunctionsStartImportLogs.Arn",
            "Allow s3:ListBucket WorkBucket.Arn if {StringLike={s3:prefix=[runs/*, runs]}}",
            "Allow mobiletargeting:GetSegments " + APP,
            "Allow mobiletargeting:GetSegments " + APP + "/segments",
            "Allow mobiletargeting:CreateImportJob " + APP,
            "Allow mobiletargeting:CreateImportJob " + APP + "/jobs/import",
            "Allow iam:PassRole PinpointImportRole.Arn");
    assertThat(roleStatements(template, "FunctionsImportStatusRole"))
        .containsExactlyInAnyOrder(
            "Allow logs:CreateLogStream FunctionsImportStatusLogs.Arn",
            "Allow logs:PutLogEvents FunctionsImportStatusLogs.Arn",
            "Allow mobiletargeting:GetImportJob " + APP + "/jobs/import/*");
    assertThat(roleStatements(template, "FunctionsTagSegmentRole"))
        .containsExactlyInAnyOrder(
            "Allow logs:CreateLogStream FunctionsTagSegmentLogs.Arn",
            "Allow logs:PutLogEvents FunctionsTagSegmentLogs.Arn",
            "Allow mobiletargeting:TagResource " + APP + "/segments/*");
  }

  @Test
  void importRoleIsTrustedByPinpointForThisProjectOnlyAndReadsOnlyImportFiles() {
    Map<String, Object> role =
        properties(resource(template, "AWS::IAM::Role", "PinpointImportRole"));

    assertThat(render(role.get("AssumeRolePolicyDocument")))
        .isEqualTo(
            "{Statement=[{Action=sts:AssumeRole,"
                + " Condition={ArnEquals={aws:SourceArn="
                + APP
                + "}, StringEquals={aws:SourceAccount=${AWS::AccountId}}},"
                + " Effect=Allow, Principal={Service=pinpoint.amazonaws.com}}], Version=2012-10-17}");
    assertThat(roleStatements(template, "PinpointImportRole"))
        .containsExactlyInAnyOrder(
            "Allow s3:ListBucket WorkBucket.Arn if {StringLike={s3:prefix=[runs/*, runs]}}",
            "Allow s3:GetBucketLocation WorkBucket.Arn",
            "Allow s3:GetObject WorkBucket.Arn/runs/*/import/*");
  }

  @Test
  void theProjectStreamsItsEventsIntoTheNewKinesisStream() {
    Map<String, Object> stream =
        properties(resource(template, "AWS::Pinpoint::EventStream", "PinpointEventStream"));
    assertThat(render(stream.get("ApplicationId"))).isEqualTo(PROJECT);
    assertThat(render(stream.get("DestinationStreamArn"))).isEqualTo("IngestStream.Arn");
    assertThat(roleStatements(template, "PinpointEventStreamRole"))
        .containsExactlyInAnyOrder(
            "Allow kinesis:PutRecords IngestStream.Arn",
            "Allow kinesis:DescribeStream IngestStream.Arn");
  }

  @Test
  void outputsNameTheProject() {
    assertThat(render(template.toJSON().get("Outputs"))).contains("PinpointProjectId={");
  }
}
