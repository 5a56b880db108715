package io.reengage.orchestrator.ops.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.orchestrator.aws.S3Location;
import io.reengage.orchestrator.ops.config.OpsException;
import java.io.IOException;
import java.time.LocalDate;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tells whether a day's rollup is complete: the day's partition {@code <rollups>/day=YYYY-MM-DD/}
 * holds the marker object (default {@code _ROLLUP.json}), which {@code reengage rollup} writes
 * last. The marker's event counts (delivered and engagement events of the day) feed the progress
 * line; a marker with {@code records} and {@code bytes} is read too.
 */
public final class RollupMarkers {

  public static final String DEFAULT_MARKER = "_ROLLUP.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Client s3;
  private final S3Location rollups;
  private final String marker;

  public RollupMarkers(S3Client s3, String rollupsUri, String marker) {
    this.s3 = s3;
    this.rollups = S3Location.parse(rollupsUri);
    this.marker = marker;
  }

  /** The day's marker key, e.g. {@code rollups/day=2026-01-31/_ROLLUP.json}. */
  public String markerKey(LocalDate day) {
    return rollups.folderPrefix() + "day=" + day + "/" + marker;
  }

  public DayState day(LocalDate day) {
    String key = markerKey(day);
    ResponseBytes<GetObjectResponse> bytes;
    try {
      bytes = s3.getObjectAsBytes(b -> b.bucket(rollups.bucket()).key(key));
    } catch (NoSuchKeyException e) {
      return DayState.INCOMPLETE;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return DayState.INCOMPLETE;
      }
      throw new OpsException(
          "Cannot read rollup marker s3://"
              + rollups.bucket()
              + "/"
              + key
              + ": "
              + e.awsErrorDetails().errorCode()
              + " (HTTP "
              + e.statusCode()
              + ")");
    }
    return counts(bytes.asByteArrayUnsafe());
  }

  static DayState counts(byte[] marker) {
    try {
      JsonNode root = JSON.readTree(marker);
      if (root != null
          && root.isObject()
          && root.path("records").canConvertToExactIntegral()
          && root.path("bytes").canConvertToExactIntegral()) {
        return new DayState(true, root.get("records").asLong(), root.get("bytes").asLong());
      }
      if (root != null && root.isObject() && root.has("deliveredEventsRest")) {
        // reengage rollup's own marker: the day's counted events; bytes are not recorded per day.
        long events = 0;
        for (String f :
            new String[] {
              "deliveredEventsFirstSecond",
              "deliveredEventsRest",
              "engagementEventsFirstSecond",
              "engagementEventsRest"
            }) {
          events += root.path(f).asLong(0);
        }
        return new DayState(true, events, -1);
      }
    } catch (IOException e) {
      // An empty or non-JSON marker still marks the day complete; only the counts are unknown.
    }
    return new DayState(true, -1, -1);
  }

  /**
   * Whether a day is rolled up, and its input counts when the marker carries them (-1 when not).
   */
  public record DayState(boolean complete, long records, long bytes) {
    static final DayState INCOMPLETE = new DayState(false, -1, -1);
  }
}
