package io.reengage.orchestrator.segments;

import java.util.Map;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.PinpointException;

/**
 * Tags a segment {@code REENGAGEMENT=YES}, so the next run finds it and imports a new version into
 * it.
 */
public final class SegmentTagger {

  private final PinpointClient pinpoint;

  public SegmentTagger(PinpointClient pinpoint) {
    this.pinpoint = pinpoint;
  }

  public void tag(String segmentArn) {
    try {
      pinpoint.tagResource(
          b ->
              b.resourceArn(segmentArn)
                  .tagsModel(
                      t ->
                          t.tags(
                              Map.of(
                                  ReengagementSegments.TAG_KEY, ReengagementSegments.TAG_VALUE))));
    } catch (PinpointException e) {
      if (e.statusCode() == 429) {
        throw e; // throttled past the client's retries: the state machine retries on this type
      }
      throw new IllegalStateException(
          "Cannot tag segment "
              + segmentArn
              + ": "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + "): "
              + e.awsErrorDetails().errorMessage()
              + (e.statusCode() == 403
                  ? " (allow mobiletargeting:TagResource on this ARN for the function's role)"
                  : ""));
    }
  }
}
