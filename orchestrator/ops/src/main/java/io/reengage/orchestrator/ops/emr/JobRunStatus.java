package io.reengage.orchestrator.ops.emr;

/**
 * A job run's state as GetJobRun reports it, with the resources it used so far (what EMR Serverless
 * bills).
 */
public record JobRunStatus(
    String jobRunId,
    String state,
    String stateDetails,
    double vcpuHours,
    double memoryGbHours,
    double storageGbHours) {

  public boolean finished() {
    return state.equals("SUCCESS") || state.equals("FAILED") || state.equals("CANCELLED");
  }

  public boolean succeeded() {
    return state.equals("SUCCESS");
  }
}
