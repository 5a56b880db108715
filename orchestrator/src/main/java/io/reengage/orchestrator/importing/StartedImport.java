package io.reengage.orchestrator.importing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import job that Pinpoint accepted.
 *
 * @param segmentId the segment imported into; for a new segment, the ID Pinpoint reports for it
 *     (may be null until the job has started, in which case ImportStatus reports it)
 * @param newSegment true when no segment was tagged yet and the import defines one
 */
public record StartedImport(
    String importJobId,
    String segmentId,
    String segmentName,
    boolean newSegment,
    long csvFiles,
    long bytes) {

  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("importJobId", importJobId);
    out.put("segmentId", segmentId);
    out.put("segmentName", segmentName);
    out.put("newSegment", newSegment);
    out.put("csvFiles", csvFiles);
    out.put("bytes", bytes);
    return out;
  }
}
