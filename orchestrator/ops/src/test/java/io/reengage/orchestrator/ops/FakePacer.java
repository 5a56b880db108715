package io.reengage.orchestrator.ops;

import io.reengage.orchestrator.ops.config.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Simulated time: sleeping advances the clock at once and is recorded. */
public final class FakePacer implements Pacer {

  private Instant now = Instant.parse("2026-09-02T08:00:00Z");
  public final List<Duration> sleeps = new ArrayList<>();

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }
}
