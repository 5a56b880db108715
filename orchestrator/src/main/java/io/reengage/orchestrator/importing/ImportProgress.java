package io.reengage.orchestrator.importing;

import java.util.List;

/**
 * The state of a Pinpoint import job, with the counts the workflow reports.
 *
 * @param firstFailures up to {@link ImportProgressReader#FAILURES_KEPT} failure messages, with
 *     anything shaped like an address removed
 * @param reason one line for people: empty unless the job FAILED
 */
public record ImportProgress(
    String importJobId,
    String jobStatus,
    String segmentId,
    int totalPieces,
    int completedPieces,
    int failedPieces,
    int totalProcessed,
    int totalFailures,
    List<String> firstFailures,
    String reason) {

  public ImportProgress {
    firstFailures = List.copyOf(firstFailures);
  }
}
