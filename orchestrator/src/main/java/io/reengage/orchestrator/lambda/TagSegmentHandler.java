package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.aws.Settings;
import io.reengage.orchestrator.segments.SegmentArn;
import io.reengage.orchestrator.segments.SegmentTagger;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/**
 * Tags the imported segment {@code REENGAGEMENT=YES}. Input {@code {"segmentId"}}; setting {@code
 * PINPOINT_APPLICATION_ID}; output {@code {"segmentArn"}}.
 */
public final class TagSegmentHandler
    extends JsonHandler<TagSegmentHandler.Input, TagSegmentHandler.Tagged> {

  /** The state's payload. */
  public record Input(String segmentId) {}

  /** The tagged segment's ARN. */
  public record Tagged(String segmentArn) {}

  private final SegmentTagger tagger;
  private final Settings settings;

  public TagSegmentHandler() {
    this(AwsClients.pinpoint(), Settings.fromEnvironment());
  }

  public TagSegmentHandler(PinpointClient pinpoint, Settings settings) {
    super(Input.class, Tagged.class);
    this.tagger = new SegmentTagger(pinpoint);
    this.settings = settings;
  }

  @Override
  public Tagged handle(Input input, Context context) {
    String segmentId =
        Inputs.required(input == null ? null : input.segmentId(), "segmentId", "TagSegment");
    String segmentArn =
        SegmentArn.of(
            context.getInvokedFunctionArn(), settings.required(Settings.APPLICATION_ID), segmentId);
    tagger.tag(segmentArn);
    context.getLogger().log("Tagged " + segmentArn + " REENGAGEMENT=YES");
    return new Tagged(segmentArn);
  }
}
