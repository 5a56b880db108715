package io.reengage.infra.delivery;

import io.reengage.infra.config.Settings;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnEventBus;
import software.constructs.Construct;

/**
 * The EventBridge bus that receives the "Unengaged segment ready" event of each run: one the user
 * names, or a bus of the stack's own. A bus of its own keeps the rule a user writes (see
 * infra/examples/) from matching anything else, and lets the state machine's permission name
 * exactly one bus.
 */
public final class SegmentEventBus extends Construct {

  private final String busArn;

  public SegmentEventBus(Construct scope, String id, Settings.Delivery settings, String stackName) {
    super(scope, id);
    if (settings.existingEventBus().isPresent()) {
      String bus = settings.existingEventBus().get();
      busArn =
          bus.startsWith("arn:")
              ? bus
              : Stack.of(this)
                  .formatArn(
                      ArnComponents.builder()
                          .service("events")
                          .resource("event-bus")
                          .resourceName(bus)
                          .build());
    } else {
      busArn = CfnEventBus.Builder.create(this, "Bus").name(stackName).build().getAttrArn();
    }
  }

  /** {@code arn:aws:events:REGION:ACCOUNT:event-bus/NAME}: PutEvents accepts it as the bus name. */
  public String busArn() {
    return busArn;
  }
}
