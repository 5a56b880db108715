package io.reengage.infra.ses;

import static io.reengage.infra.Policies.allow;

import io.reengage.infra.Trust;
import io.reengage.infra.config.Settings;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.ses.CfnConfigurationSet;
import software.amazon.awscdk.services.ses.CfnConfigurationSetEventDestination;
import software.constructs.Construct;

/**
 * SES event publishing into the stack's Firehose: an event destination on a configuration set (a
 * new one, or one the user names) for every event type, and the role SES assumes to put the
 * records. Mail sent with that configuration set then lands in the events folder the job reads, in
 * the same hour folders as any Pinpoint events.
 */
public final class SesEventCapture extends Construct {

  /**
   * Every type SES publishes. The job reads Delivery, Open and Click and ignores the rest; keeping
   * all of them costs little and leaves the bucket a complete record for other uses.
   */
  public static final List<String> EVENT_TYPES =
      List.of(
          "send",
          "reject",
          "bounce",
          "complaint",
          "delivery",
          "open",
          "click",
          "renderingFailure",
          "deliveryDelay",
          "subscription");

  static final String DESTINATION_NAME = "reengage-firehose";

  private final String configurationSetName;

  public SesEventCapture(
      Construct scope,
      String id,
      Settings.SesCapture settings,
      String stackName,
      String firehoseArn) {
    super(scope, id);
    CfnConfigurationSet created = null;
    if (settings.existingConfigurationSet().isPresent()) {
      configurationSetName = settings.existingConfigurationSet().get();
    } else {
      configurationSetName = stackName + "-events";
      created =
          CfnConfigurationSet.Builder.create(this, "ConfigurationSet")
              .name(configurationSetName)
              .build();
    }
    String configurationSetArn =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service("ses")
                    .resource("configuration-set")
                    .resourceName(configurationSetName)
                    .build());

    // Only SES acting for this account and this configuration set may put into the stream.
    Role role =
        Role.Builder.create(this, "FirehoseRole")
            .assumedBy(Trust.service(this, "ses.amazonaws.com", configurationSetArn))
            .description("SES: puts the events of configuration set " + configurationSetName)
            .build();
    role.addToPolicy(
        allow(List.of("firehose:PutRecord", "firehose:PutRecordBatch"), List.of(firehoseArn)));

    CfnConfigurationSetEventDestination destination =
        CfnConfigurationSetEventDestination.Builder.create(this, "EventDestination")
            .configurationSetName(configurationSetName)
            .eventDestination(
                CfnConfigurationSetEventDestination.EventDestinationProperty.builder()
                    .name(DESTINATION_NAME)
                    .enabled(true)
                    .matchingEventTypes(EVENT_TYPES)
                    .kinesisFirehoseDestination(
                        CfnConfigurationSetEventDestination.KinesisFirehoseDestinationProperty
                            .builder()
                            .deliveryStreamArn(firehoseArn)
                            .iamRoleArn(role.getRoleArn())
                            .build())
                    .build())
            .build();
    // SES checks that it may assume the role and put into the stream when the destination is made.
    destination.getNode().addDependency(role);
    if (created != null) {
      destination.addDependency(created);
    }
  }

  /** The configuration set that senders name to have their events captured. */
  public String configurationSetName() {
    return configurationSetName;
  }
}
