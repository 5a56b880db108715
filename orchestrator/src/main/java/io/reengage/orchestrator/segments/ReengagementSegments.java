package io.reengage.orchestrator.segments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.GetSegmentsResponse;
import software.amazon.awssdk.services.pinpoint.model.SegmentResponse;
import software.amazon.awssdk.services.pinpoint.model.SegmentType;

/**
 * Finds the segment the workflow imports into: the IMPORT segment tagged {@code REENGAGEMENT=YES}.
 * Every page of GetSegments is read, since a project can hold more segments than one page.
 */
public final class ReengagementSegments {

  public static final String TAG_KEY = "REENGAGEMENT";
  public static final String TAG_VALUE = "YES";

  private final PinpointClient pinpoint;

  public ReengagementSegments(PinpointClient pinpoint) {
    this.pinpoint = pinpoint;
  }

  public Optional<SegmentResponse> find(String applicationId) {
    List<SegmentResponse> tagged = new ArrayList<>();
    // Paged by hand: the SDK has no paginator for Pinpoint's GetSegments.
    String token = null;
    do {
      String pageToken = token;
      GetSegmentsResponse page =
          pinpoint.getSegments(b -> b.applicationId(applicationId).token(pageToken));
      if (page.segmentsResponse() == null) {
        break;
      }
      page.segmentsResponse().item().stream()
          .filter(ReengagementSegments::isReengagementSegment)
          .forEach(tagged::add);
      token = page.segmentsResponse().nextToken();
    } while (token != null && !token.isEmpty());
    return choose(tagged);
  }

  static boolean isReengagementSegment(SegmentResponse segment) {
    return segment.segmentType() == SegmentType.IMPORT
        && TAG_VALUE.equals(segment.tags().get(TAG_KEY));
  }

  /**
   * Two tagged segments should not exist, but if someone tagged a second one, the most recently
   * changed wins; the choice is stable so reruns pick the same one.
   */
  static Optional<SegmentResponse> choose(List<SegmentResponse> tagged) {
    return tagged.stream()
        .max(
            Comparator.comparing((SegmentResponse s) -> lastChange(s))
                .thenComparing(SegmentResponse::id));
  }

  private static String lastChange(SegmentResponse segment) {
    if (segment.lastModifiedDate() != null) {
      return segment.lastModifiedDate();
    }
    return segment.creationDate() == null ? "" : segment.creationDate();
  }
}
