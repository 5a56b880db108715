package io.reengage.orchestrator.importing;

import io.reengage.orchestrator.aws.S3Location;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists an import folder (every page) and sorts its objects into CSV files and everything else. */
public final class ImportFolderInspector {

  /** How many non-CSV keys a refusal names; object keys under the run folder hold no address. */
  static final int SAMPLE_KEYS = 3;

  private final S3Client s3;

  public ImportFolderInspector(S3Client s3) {
    this.s3 = s3;
  }

  public ImportFolder inspect(String folderUri) {
    S3Location folder = S3Location.parse(folderUri);
    String prefix = folder.folderPrefix();
    long csvFiles = 0;
    long totalBytes = 0;
    long otherFiles = 0;
    List<String> otherKeys = new ArrayList<>();
    try {
      // The SDK's paginator requests page after page while S3 hands out a continuation token.
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(folder.bucket()).prefix(prefix)).contents()) {
        if (isFolderMarker(object)) {
          continue;
        }
        totalBytes += object.size();
        if (isCsv(object.key())) {
          csvFiles++;
        } else {
          otherFiles++;
          if (otherKeys.size() < SAMPLE_KEYS) {
            otherKeys.add(object.key());
          }
        }
      }
    } catch (S3Exception e) {
      throw new IllegalStateException(
          "Cannot list import folder s3://"
              + folder.bucket()
              + "/"
              + prefix
              + ": "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + ")"
              + " (check that the function's role may s3:ListBucket on that prefix)");
    }
    return new ImportFolder(
        new S3Location(folder.bucket(), prefix), csvFiles, totalBytes, otherFiles, otherKeys);
  }

  /** The console's "create folder" leaves a zero-byte key ending in '/'; it is not a file. */
  private static boolean isFolderMarker(S3Object object) {
    return object.key().endsWith("/") && object.size() == 0;
  }

  static boolean isCsv(String key) {
    return key.endsWith(".csv");
  }
}
