package io.reengage.orchestrator.importing;

import io.reengage.orchestrator.segments.ReengagementSegments;
import java.util.Optional;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.CreateImportJobResponse;
import software.amazon.awssdk.services.pinpoint.model.Format;
import software.amazon.awssdk.services.pinpoint.model.ImportJobRequest;
import software.amazon.awssdk.services.pinpoint.model.ImportJobResponse;
import software.amazon.awssdk.services.pinpoint.model.PinpointException;
import software.amazon.awssdk.services.pinpoint.model.SegmentResponse;

/**
 * Starts the Pinpoint import of a run's CSV folder: checks the folder, then imports into the
 * segment tagged REENGAGEMENT=YES (a new version of it) or, when there is none yet, defines a new
 * segment.
 */
public final class ImportStarter {

  private final PinpointClient pinpoint;
  private final ImportFolderInspector folders;
  private final ReengagementSegments segments;

  public ImportStarter(PinpointClient pinpoint, ImportFolderInspector folders) {
    this.pinpoint = pinpoint;
    this.folders = folders;
    this.segments = new ReengagementSegments(pinpoint);
  }

  /**
   * @param importUri the run's import folder, which holds only the CSV files
   * @param roleArn the role Pinpoint assumes to read the folder
   * @param newSegmentName the name of the segment defined when none is tagged yet
   */
  public StartedImport start(
      String applicationId, String importUri, String roleArn, String newSegmentName) {
    ImportFolder folder = folders.inspect(importUri);
    Optional<String> refusal = ImportFolderRules.refusal(folder);
    if (refusal.isPresent()) {
      throw new ImportRefusedException(refusal.get());
    }
    Optional<SegmentResponse> existing = segments.find(applicationId);
    ImportJobRequest.Builder request =
        ImportJobRequest.builder()
            .format(Format.CSV)
            .s3Url(folder.location().uri())
            .roleArn(roleArn)
            .registerEndpoints(true);
    if (existing.isPresent()) {
      request.segmentId(existing.get().id());
    } else {
      request.defineSegment(true).segmentName(newSegmentName);
    }
    CreateImportJobResponse response;
    try {
      response =
          pinpoint.createImportJob(
              b -> b.applicationId(applicationId).importJobRequest(request.build()));
    } catch (PinpointException e) {
      if (e.statusCode() == 429) {
        throw e;
      }
      throw new IllegalStateException(
          "Cannot start the Pinpoint import of "
              + folder.location().uri()
              + ": "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + "): "
              + e.awsErrorDetails().errorMessage()
              + " (check the project ID, the import role and that Pinpoint may assume it)");
    }
    ImportJobResponse job = response.importJobResponse();
    String segmentId =
        existing
            .map(SegmentResponse::id)
            .orElse(job.definition() == null ? null : job.definition().segmentId());
    String segmentName = existing.map(SegmentResponse::name).orElse(newSegmentName);
    return new StartedImport(
        job.id(),
        segmentId,
        segmentName,
        existing.isEmpty(),
        folder.csvFiles(),
        folder.totalBytes());
  }
}
