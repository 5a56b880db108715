package io.reengage.orchestrator.ops.config;

import java.time.Duration;
import java.time.Instant;

/** Time for the polling loops: the real clock and sleep in use, a simulated one in tests. */
public interface Pacer {

  Instant now();

  void sleep(Duration duration);

  Pacer SYSTEM =
      new Pacer() {
        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {
          try {
            Thread.sleep(duration.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException(
                "Interrupted while waiting; jobs already started keep running (check them in the EMR Studio console)");
          }
        }
      };
}
