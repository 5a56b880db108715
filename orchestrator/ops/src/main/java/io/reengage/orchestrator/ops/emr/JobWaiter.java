package io.reengage.orchestrator.ops.emr;

import io.reengage.orchestrator.ops.config.Pacer;
import java.io.PrintWriter;
import java.time.Duration;

/** Polls one job run until it ends, printing each state it passes through. */
public final class JobWaiter {

  private JobWaiter() {}

  public static JobRunStatus await(
      JobRuns jobs, String jobRunId, Pacer pacer, Duration poll, PrintWriter out) {
    String last = "";
    while (true) {
      JobRunStatus status = jobs.status(jobRunId);
      if (!status.state().equals(last)) {
        out.printf("  job run %s: %s%n", jobRunId, status.state());
        out.flush();
        last = status.state();
      }
      if (status.finished()) {
        return status;
      }
      pacer.sleep(poll);
    }
  }
}
