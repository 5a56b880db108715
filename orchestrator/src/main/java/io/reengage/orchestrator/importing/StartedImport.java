package io.reengage.orchestrator.importing;

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
    long bytes) {}
