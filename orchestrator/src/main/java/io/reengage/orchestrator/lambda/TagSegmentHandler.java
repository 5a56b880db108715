package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.aws.Settings;
import io.reengage.orchestrator.segments.SegmentArn;
import io.reengage.orchestrator.segments.SegmentTagger;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/**
 * Tags the imported segment {@code REENGAGEMENT=YES}. Input {@code {"segmentId"}}; setting {@code
 * PINPOINT_APPLICATION_ID}; output {@code {"segmentArn"}}.
 */
public final class TagSegmentHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final SegmentTagger tagger;
  private final Settings settings;

  public TagSegmentHandler() {
    this(AwsClients.pinpoint(), Settings.fromEnvironment());
  }

  public TagSegmentHandler(PinpointClient pinpoint, Settings settings) {
    this.tagger = new SegmentTagger(pinpoint);
    this.settings = settings;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    String segmentId = Inputs.required(input, "segmentId", "TagSegment");
    String segmentArn =
        SegmentArn.of(
            context.getInvokedFunctionArn(), settings.required(Settings.APPLICATION_ID), segmentId);
    tagger.tag(segmentArn);
    context.getLogger().log("Tagged " + segmentArn + " REENGAGEMENT=YES");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("segmentArn", segmentArn);
    return out;
  }
}
