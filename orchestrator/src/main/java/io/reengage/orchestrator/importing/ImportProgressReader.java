package io.reengage.orchestrator.importing;

import io.reengage.contract.Redaction;
import java.util.List;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.ImportJobResponse;
import software.amazon.awssdk.services.pinpoint.model.JobStatus;
import software.amazon.awssdk.services.pinpoint.model.PinpointException;

/** Reads an import job's status (GetImportJob) and words the failure reasons when it FAILED. */
public final class ImportProgressReader {

  /**
   * Pinpoint returns up to 100 failures; a handful says what went wrong without flooding the
   * history.
   */
  static final int FAILURES_KEPT = 5;

  private final PinpointClient pinpoint;

  public ImportProgressReader(PinpointClient pinpoint) {
    this.pinpoint = pinpoint;
  }

  public ImportProgress read(String applicationId, String importJobId) {
    ImportJobResponse job;
    try {
      job =
          pinpoint
              .getImportJob(b -> b.applicationId(applicationId).jobId(importJobId))
              .importJobResponse();
    } catch (PinpointException e) {
      if (e.statusCode() == 429) {
        throw e;
      }
      throw new IllegalStateException(
          "Cannot read Pinpoint import job "
              + importJobId
              + ": "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + "): "
              + e.awsErrorDetails().errorMessage());
    }
    return progress(job);
  }

  static ImportProgress progress(ImportJobResponse job) {
    List<String> failures =
        job.failures().stream().limit(FAILURES_KEPT).map(Redaction::redact).toList();
    String status = job.jobStatusAsString();
    String segmentId = job.definition() == null ? null : job.definition().segmentId();
    ImportProgress draft =
        new ImportProgress(
            job.id(),
            status,
            segmentId,
            orZero(job.totalPieces()),
            orZero(job.completedPieces()),
            orZero(job.failedPieces()),
            orZero(job.totalProcessed()),
            orZero(job.totalFailures()),
            failures,
            "");
    if (job.jobStatus() != JobStatus.FAILED) {
      return draft;
    }
    return new ImportProgress(
        draft.importJobId(),
        status,
        segmentId,
        draft.totalPieces(),
        draft.completedPieces(),
        draft.failedPieces(),
        draft.totalProcessed(),
        draft.totalFailures(),
        failures,
        failureReason(draft));
  }

  static String failureReason(ImportProgress p) {
    StringBuilder reason =
        new StringBuilder()
            .append("Pinpoint import job ")
            .append(p.importJobId())
            .append(" FAILED: ")
            .append(p.failedPieces())
            .append(" of ")
            .append(p.totalPieces())
            .append(" pieces failed, ")
            .append(p.totalFailures())
            .append(" endpoint(s) failed, ")
            .append(p.totalProcessed())
            .append(" processed.");
    if (p.firstFailures().isEmpty()) {
      reason.append(" Pinpoint gave no failure message.");
    } else {
      reason.append(" First failures: ").append(String.join(" | ", p.firstFailures()));
    }
    return reason.toString();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
