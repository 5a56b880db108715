package io.reengage.orchestrator.summary;

import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.SummaryJson;
import io.reengage.orchestrator.aws.S3Location;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Fetches a run's summary.json from S3 and parses it ({@link SummaryJson}). */
public final class SummaryReader {

  /** A summary is a few kilobytes; anything much larger is not one and is not loaded. */
  static final long MAX_SUMMARY_BYTES = 1 << 20;

  private final S3Client s3;

  public SummaryReader(S3Client s3) {
    this.s3 = s3;
  }

  public RunSummary read(String summaryUri) {
    S3Location location = S3Location.parse(summaryUri);
    ResponseBytes<GetObjectResponse> bytes;
    try {
      bytes = s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key()));
    } catch (NoSuchKeyException e) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + summaryUri
              + ": no such object (the segment job did not publish its output; see its logs)");
    } catch (S3Exception e) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + summaryUri
              + ": "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + ")"
              + " (check that the function's role may s3:GetObject there)");
    }
    if (bytes.asByteArrayUnsafe().length > MAX_SUMMARY_BYTES) {
      throw new IllegalStateException(
          "Cannot read run summary "
              + summaryUri
              + ": larger than "
              + MAX_SUMMARY_BYTES
              + " bytes, so not a summary written by the job");
    }
    return SummaryJson.read(bytes.asByteArrayUnsafe(), summaryUri);
  }
}
