package io.reengage.orchestrator.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pinpoint.model.SegmentResponse;
import software.amazon.awssdk.services.pinpoint.model.SegmentType;

class ReengagementSegmentsTest {

  private static SegmentResponse segment(
      String id, SegmentType type, Map<String, String> tags, String modified) {
    return SegmentResponse.builder()
        .id(id)
        .segmentType(type)
        .tags(tags)
        .lastModifiedDate(modified)
        .creationDate("2026-01-01T00:00:00.000Z")
        .build();
  }

  @Test
  void onlyImportSegmentsTaggedYes_qualify() {
    assertThat(
            ReengagementSegments.isReengagementSegment(
                segment("a", SegmentType.IMPORT, Map.of("REENGAGEMENT", "YES"), null)))
        .isTrue();
    assertThat(
            ReengagementSegments.isReengagementSegment(
                segment("b", SegmentType.IMPORT, Map.of("REENGAGEMENT", "yes"), null)))
        .isFalse();
    assertThat(
            ReengagementSegments.isReengagementSegment(
                segment("c", SegmentType.DIMENSIONAL, Map.of("REENGAGEMENT", "YES"), null)))
        .isFalse();
    assertThat(
            ReengagementSegments.isReengagementSegment(
                segment("d", SegmentType.IMPORT, Map.of(), null)))
        .isFalse();
  }

  @Test
  void severalTagged_theMostRecentlyChangedWins() {
    SegmentResponse older =
        segment("z-old", SegmentType.IMPORT, Map.of(), "2026-03-01T00:00:00.000Z");
    SegmentResponse newer =
        segment("a-new", SegmentType.IMPORT, Map.of(), "2026-08-01T00:00:00.000Z");

    assertThat(ReengagementSegments.choose(List.of(older, newer))).contains(newer);
    assertThat(ReengagementSegments.choose(List.of(newer, older))).contains(newer);
    assertThat(ReengagementSegments.choose(List.of())).isEmpty();
  }
}
