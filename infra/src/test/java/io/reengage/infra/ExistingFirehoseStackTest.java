package io.reengage.infra;

import static io.reengage.infra.Synth.properties;
import static io.reengage.infra.Synth.resource;
import static io.reengage.infra.Synth.roleStatements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** An existing project streaming into an existing Firehose (the stream asked for explicitly). */
class ExistingFirehoseStackTest {

  @Test
  void eventStreamPutsIntoTheFirehose() {
    Template template =
        Synth.template(
            Map.of(
                "firehoseArn",
                ParametersTest.FIREHOSE,
                "eventsBucket",
                "my-events",
                "pinpointProjectId",
                PinpointStackTest.PROJECT,
                "createEventStream",
                "true"));

    assertThat(
            properties(resource(template, "AWS::Pinpoint::EventStream", "PinpointEventStream"))
                .get("DestinationStreamArn"))
        .isEqualTo(ParametersTest.FIREHOSE);
    assertThat(roleStatements(template, "PinpointEventStreamRole"))
        .containsExactlyInAnyOrder(
            "Allow firehose:PutRecordBatch " + ParametersTest.FIREHOSE,
            "Allow firehose:DescribeDeliveryStream " + ParametersTest.FIREHOSE);
  }
}
