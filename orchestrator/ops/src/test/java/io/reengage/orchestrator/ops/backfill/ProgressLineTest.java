package io.reengage.orchestrator.ops.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void timeLeft_isTheMeanChunkTimesTheRoundsLeft() {
    // mean 600 s; 5 chunks left at 2 at a time = 3 rounds = 1800 s
    assertThat(
            ProgressLine.timeLeft(List.of(Duration.ofSeconds(500), Duration.ofSeconds(700)), 5, 2))
        .isEqualTo(Duration.ofSeconds(1800));
    assertThat(ProgressLine.timeLeft(List.of(), 5, 2)).isNull();
  }

  @Test
  void line_showsCountsOrNa() {
    assertThat(
            ProgressLine.format(
                3,
                12,
                2,
                1,
                1_234_567,
                2_500_000_000L,
                Duration.ofSeconds(3725),
                Duration.ofSeconds(60)))
        .isEqualTo(
            "[3/12 chunks] running 2, failed 1 | events 1234567, bytes 2.5 GB | elapsed 01:02:05, about 00:01:00 left");
    assertThat(ProgressLine.format(0, 1, 1, 0, -1, -1, Duration.ZERO, null))
        .isEqualTo(
            "[0/1 chunks] running 1, failed 0 | events n/a, bytes n/a | elapsed 00:00:00, time left unknown");
  }

  @Test
  void markerWithoutCounts_stillMarksTheDayComplete() {
    assertThat(RollupMarkers.counts(new byte[0]))
        .isEqualTo(new RollupMarkers.DayState(true, -1, -1));
    assertThat(RollupMarkers.counts("{\"records\":5,\"bytes\":70}".getBytes()))
        .isEqualTo(new RollupMarkers.DayState(true, 5, 70));
  }
}
