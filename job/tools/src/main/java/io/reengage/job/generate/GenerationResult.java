package io.reengage.job.generate;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generation run wrote.
 *
 * @param out the output folder
 * @param files objects written
 * @param bytes bytes written (compressed size for gzip objects)
 * @param records records written, duplicates included
 * @param events distinct events (records less Firehose duplicates)
 * @param duplicates records written a second time
 * @param lateRecords records that reached Firehose late (duplicates included)
 * @param edgeCaseRecords records from {@link EdgeCases} (duplicates included)
 * @param eventsByType distinct events per type
 * @param filesByFormat objects per format
 * @param firstArrival smallest {@code arrival_timestamp} written (epoch ms), or 0 when nothing was
 *     written
 * @param lastArrival largest {@code arrival_timestamp} written (epoch ms), or 0 when nothing was
 *     written
 * @param elapsedMillis wall-clock time of the run
 * @param sesRecords records written as SES event-publishing records (duplicates included); the rest
 *     are Pinpoint's
 * @param machineOpens distinct open events written as machine opens of any kind
 * @param machineOpenIps where the generated proxy IP list was written, or null when none was
 */
public record GenerationResult(
    URI out,
    long files,
    long bytes,
    long records,
    long events,
    long duplicates,
    long lateRecords,
    long edgeCaseRecords,
    Map<EventType, Long> eventsByType,
    Map<ObjectFormat, Long> filesByFormat,
    long firstArrival,
    long lastArrival,
    long elapsedMillis,
    long sesRecords,
    long machineOpens,
    URI machineOpenIps) {

  public GenerationResult {
    eventsByType = Map.copyOf(eventsByType);
    filesByFormat = Map.copyOf(filesByFormat);
  }

  public long events(EventType type) {
    return eventsByType.getOrDefault(type, 0L);
  }

  /** One-line JSON summary for scripts (no addresses: counts only). */
  public String toJson() {
    String types =
        eventsByType.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> "\"" + e.getKey().wireName() + "\":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    String formats =
        filesByFormat.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    "\""
                        + e.getKey().name().toLowerCase(java.util.Locale.ROOT)
                        + "\":"
                        + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    return "{\"out\":\""
        + escape(out.toString())
        + "\""
        + ",\"files\":"
        + files
        + ",\"bytes\":"
        + bytes
        + ",\"records\":"
        + records
        + ",\"events\":"
        + events
        + ",\"duplicates\":"
        + duplicates
        + ",\"lateRecords\":"
        + lateRecords
        + ",\"edgeCaseRecords\":"
        + edgeCaseRecords
        + ",\"eventsByType\":"
        + types
        + ",\"filesByFormat\":"
        + formats
        + ",\"firstArrival\":"
        + firstArrival
        + ",\"lastArrival\":"
        + lastArrival
        + ",\"elapsedMillis\":"
        + elapsedMillis
        + ",\"pinpointRecords\":"
        + (records - sesRecords)
        + ",\"sesRecords\":"
        + sesRecords
        + ",\"machineOpens\":"
        + machineOpens
        + (machineOpenIps == null
            ? ""
            : ",\"machineOpenIps\":\"" + escape(machineOpenIps.toString()) + "\"")
        + "}";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
