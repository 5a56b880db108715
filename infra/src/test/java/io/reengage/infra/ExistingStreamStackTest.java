package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.render;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * An existing Kinesis stream, and an existing project whose event stream is (re)pointed at it on
 * request.
 */
class ExistingStreamStackTest {

  private static Template template;

  @BeforeAll
  static void synthesise() {
    template =
        Synth.template(
            Map.of(
                "kinesisStreamArn",
                ParametersTest.KINESIS,
                "pinpointProjectId",
                PinpointStackTest.PROJECT,
                "createEventStream",
                "true"));
  }

  @Test
  void createsAFirehoseThatReadsTheGivenStreamAndNoStreamOfItsOwn() {
    template.resourceCountIs("AWS::Kinesis::Stream", 0);
    Map<String, Object> firehose =
        properties(resource(template, "AWS::KinesisFirehose::DeliveryStream", "IngestFirehose"));
    assertThat(render(firehose.get("KinesisStreamSourceConfiguration")))
        .contains("KinesisStreamARN=" + ParametersTest.KINESIS);
    assertThat(roleStatements(template, "IngestDeliveryRole"))
        .contains("Allow kinesis:GetRecords " + ParametersTest.KINESIS);
  }

  @Test
  void theProjectStreamsIntoTheGivenStream() {
    Map<String, Object> stream =
        properties(resource(template, "AWS::Pinpoint::EventStream", "PinpointEventStream"));
    assertThat(stream.get("DestinationStreamArn")).isEqualTo(ParametersTest.KINESIS);
    assertThat(roleStatements(template, "PinpointEventStreamRole"))
        .containsExactlyInAnyOrder(
            "Allow kinesis:PutRecords " + ParametersTest.KINESIS,
            "Allow kinesis:DescribeStream " + ParametersTest.KINESIS);
  }
}
