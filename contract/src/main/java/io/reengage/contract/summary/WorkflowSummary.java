package io.reengage.contract.summary;

/**
 * The part of a {@link RunSummary} the workflow acts on: what the ReadSummary Lambda returns and
 * the state machine picks from, and what {@code aws athena-check} needs. A summary without any of
 * these fields (or with a negative count) is not one the job wrote, and {@link SummaryJson#read}
 * refuses it.
 */
public record WorkflowSummary(
    String asOf,
    String until,
    long untilEpochMillis,
    long records,
    long badRecords,
    long addresses,
    long unengaged,
    long outputFiles,
    long outputBytes,
    String importUri) {

  public static WorkflowSummary of(RunSummary s) {
    return new WorkflowSummary(
        s.asOf(),
        s.until(),
        s.untilEpochMillis(),
        s.records(),
        s.badRecords(),
        s.addresses(),
        s.unengaged(),
        s.outputFiles(),
        s.outputBytes(),
        s.importUri());
  }
}
