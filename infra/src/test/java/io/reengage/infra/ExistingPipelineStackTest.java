package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Events bucket, Firehose and Pinpoint project all exist already. */
class ExistingPipelineStackTest {

  private static Template template;
  private static Annotations annotations;

  @BeforeAll
  static void synthesise() {
    ReengageStack stack =
        Synth.stack(
            Map.of(
                "eventsBucket",
                "my-events",
                "eventsPrefix",
                "pinpoint/events/",
                "eventsKmsKeyArn",
                ParametersTest.KEY,
                "firehoseArn",
                ParametersTest.FIREHOSE,
                "pinpointProjectId",
                ParametersTest.PROJECT));
    template = Template.fromStack(stack);
    annotations = Annotations.fromStack(stack);
  }

  @Test
  void createsNoIngestNoProjectAndOnlyTheWorkBucket() {
    template.resourceCountIs("AWS::S3::Bucket", 1);
    template.resourceCountIs("AWS::Kinesis::Stream", 0);
    template.resourceCountIs("AWS::KinesisFirehose::DeliveryStream", 0);
    template.resourceCountIs("AWS::Pinpoint::App", 0);
    template.resourceCountIs("AWS::Pinpoint::EventStream", 0);
    annotations.hasNoWarning("*", Match.stringLikeRegexp(".*support ended.*"));
  }

  @Test
  void jobReadsTheExistingEventsPrefixWithItsKey() {
    assertThat(roleStatements(template, "SparkJobRole"))
        .contains(
            "Allow s3:ListBucket arn:${AWS::Partition}:s3:::my-events"
                + " if {StringLike={s3:prefix=[pinpoint/events/*, pinpoint/events]}}",
            "Allow s3:GetObject arn:${AWS::Partition}:s3:::my-events/pinpoint/events/*",
            "Allow kms:Decrypt " + ParametersTest.KEY);
    assertThat(roleStatements(template, "SparkJobRole"))
        .noneMatch(line -> line.contains("my-events") && line.contains("s3:PutObject"));
  }

  @Test
  void everythingPointsAtTheExistingProjectAndPrefix() {
    assertThat(DefaultStackTest.substitutions(template))
        .containsEntry("EventsUris", "s3://my-events/pinpoint/events/");
    assertThat(
            render(
                properties(resource(template, "AWS::Lambda::Function", "FunctionsStartImport"))
                    .get("Environment")))
        .contains("PINPOINT_APPLICATION_ID=" + ParametersTest.PROJECT);
    assertThat(roleStatements(template, "FunctionsTagSegmentRole"))
        .contains(
            "Allow mobiletargeting:TagResource arn:${AWS::Partition}:mobiletargeting:${AWS::Region}:${AWS::AccountId}:"
                + "apps/"
                + ParametersTest.PROJECT
                + "/segments/*");
    Map<String, Object> table =
        properties(resource(template, "AWS::Glue::Table", "CatalogEventsTable"));
    assertThat(render(table.get("TableInput")))
        .contains("storage.location.template=s3://my-events/pinpoint/events/${dt}/")
        .contains("Location=s3://my-events/pinpoint/events/");
  }
}
