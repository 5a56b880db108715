package io.reengage.orchestrator.ops.run;

import io.reengage.orchestrator.ops.config.Pacer;
import java.io.PrintWriter;
import java.time.Duration;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows an execution: prints each state as it is entered (from the execution history, every page,
 * oldest first) until the execution ends, then returns its final description. State inputs and
 * outputs are not printed.
 */
public final class ExecutionWatcher {

  private final SfnClient sfn;
  private final Pacer pacer;
  private final PrintWriter out;

  public ExecutionWatcher(SfnClient sfn, Pacer pacer, PrintWriter out) {
    this.sfn = sfn;
    this.pacer = pacer;
    this.out = out;
  }

  public DescribeExecutionResponse follow(String executionArn, Duration poll) {
    long lastEventId = 0;
    while (true) {
      // Describe first: when it says the execution ended, the history read after it is complete.
      DescribeExecutionResponse description =
          sfn.describeExecution(b -> b.executionArn(executionArn));
      lastEventId = printNewStates(executionArn, lastEventId);
      if (description.status() != ExecutionStatus.RUNNING
          && description.status() != ExecutionStatus.PENDING_REDRIVE) {
        return description;
      }
      pacer.sleep(poll);
    }
  }

  private long printNewStates(String executionArn, long lastEventId) {
    long last = lastEventId;
    for (HistoryEvent event :
        sfn.getExecutionHistoryPaginator(
                b ->
                    b.executionArn(executionArn)
                        .reverseOrder(false)
                        .maxResults(500)
                        .includeExecutionData(false))
            .events()) {
      if (event.id() <= last) {
        continue;
      }
      last = event.id();
      if (event.stateEnteredEventDetails() != null
          && event.typeAsString().endsWith("StateEntered")) {
        out.printf("  %s%n", event.stateEnteredEventDetails().name());
      }
    }
    out.flush();
    return last;
  }
}
