package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** SES event publishing captured into the stack's Firehose, with a new or an existing set. */
class SesCaptureStackTest {

  private static final String ALL_TYPES =
      "[send, reject, bounce, complaint, delivery, open, click, renderingFailure, deliveryDelay,"
          + " subscription]";

  @Nested
  class NewConfigurationSet {

    private final Template template = Synth.template(Map.of("sesEvents", "true"));

    @Test
    void createsTheSetAndADestinationForEveryEventTypeIntoTheFirehose() {
      template.resourceCountIs("AWS::SES::ConfigurationSet", 1);
      template.hasResourceProperties(
          "AWS::SES::ConfigurationSet", Map.of("Name", "reengage-events"));
      Map<String, Object> destination =
          properties(
              resource(
                  template, "AWS::SES::ConfigurationSetEventDestination", "SesEventDestination"));
      assertThat(destination.get("ConfigurationSetName")).isEqualTo("reengage-events");
      assertThat(render(destination.get("EventDestination")))
          .isEqualTo(
              "{Enabled=true, KinesisFirehoseDestination={DeliveryStreamARN=IngestFirehose.Arn,"
                  + " IAMRoleARN=SesFirehoseRole.Arn}, MatchingEventTypes="
                  + ALL_TYPES
                  + ", Name=reengage-firehose}");
    }

    @Test
    void sesRoleIsTrustedBySesForThisAccountAndSetOnly_andPutsIntoThatStreamOnly() {
      Map<String, Object> role =
          properties(resource(template, "AWS::IAM::Role", "SesFirehoseRole"));
      assertThat(render(role.get("AssumeRolePolicyDocument")))
          .isEqualTo(
              "{Statement=[{Action=sts:AssumeRole, Condition={ArnEquals={aws:SourceArn="
                  + "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/reengage-events},"
                  + " StringEquals={aws:SourceAccount=${AWS::AccountId}}}, Effect=Allow,"
                  + " Principal={Service=ses.amazonaws.com}}], Version=2012-10-17}");
      assertThat(roleStatements(template, "SesFirehoseRole"))
          .containsExactlyInAnyOrder(
              "Allow firehose:PutRecord IngestFirehose.Arn",
              "Allow firehose:PutRecordBatch IngestFirehose.Arn");
    }

    @Test
    void theFirehoseTakesDirectPutsAndKeepsTheLayoutTheJobReads() {
      template.resourceCountIs("AWS::Kinesis::Stream", 0);
      template.resourceCountIs("AWS::KinesisFirehose::DeliveryStream", 1);
      Map<String, Object> firehose =
          properties(resource(template, "AWS::KinesisFirehose::DeliveryStream", "IngestFirehose"));
      assertThat(firehose.get("DeliveryStreamType")).isEqualTo("DirectPut");
      assertThat(firehose).doesNotContainKey("KinesisStreamSourceConfiguration");
      String s3 = render(firehose.get("ExtendedS3DestinationConfiguration"));
      assertThat(s3)
          .contains("Prefix=events/!{timestamp:yyyy/MM/dd/HH}/")
          .contains("CompressionFormat=GZIP");
      assertThat(roleStatements(template, "IngestDeliveryRole"))
          .noneMatch(line -> line.contains("kinesis:"));
    }

    @Test
    void theOutputNamesTheSetSendersUse() {
      assertThat(render(template.toJSON().get("Outputs")))
          .contains("SesConfigurationSet={Description=")
          .contains("Value=reengage-events");
    }

    @Test
    void stillNoPinpoint() {
      assertThat(render(template.toJSON()))
          .doesNotContain("AWS::Pinpoint")
          .doesNotContain("mobiletargeting");
    }
  }

  @Nested
  class ExistingConfigurationSet {

    private final Template template =
        Synth.template(Map.of("sesEvents", "true", "sesConfigurationSet", "marketing"));

    @Test
    void addsTheDestinationToTheNamedSetWithoutCreatingOne() {
      template.resourceCountIs("AWS::SES::ConfigurationSet", 0);
      Map<String, Object> destination =
          properties(
              resource(
                  template, "AWS::SES::ConfigurationSetEventDestination", "SesEventDestination"));
      assertThat(destination.get("ConfigurationSetName")).isEqualTo("marketing");
      assertThat(
              render(
                  properties(resource(template, "AWS::IAM::Role", "SesFirehoseRole"))
                      .get("AssumeRolePolicyDocument")))
          .contains("configuration-set/marketing}");
    }
  }

  @Nested
  class ExistingFirehose {

    private final Template template =
        Synth.template(
            Map.of(
                "sesEvents",
                "true",
                "firehoseArn",
                ParametersTest.FIREHOSE,
                "eventsBucket",
                "my-events"));

    @Test
    void sesPutsIntoTheGivenFirehose() {
      template.resourceCountIs("AWS::KinesisFirehose::DeliveryStream", 0);
      assertThat(roleStatements(template, "SesFirehoseRole"))
          .containsExactlyInAnyOrder(
              "Allow firehose:PutRecord " + ParametersTest.FIREHOSE,
              "Allow firehose:PutRecordBatch " + ParametersTest.FIREHOSE);
    }
  }
}
