package io.reengage.job.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.rules.RuleParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts of one run, written as {@code summary.json}. Counts only: no addresses, ever. */
public final class SegmentSummary {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public RuleParameters rules;
  public double maxBadFraction;
  public String eventsUri;
  public String layout;
  public int foldersListed;
  public ReadCounts read = new ReadCounts();
  public long deliveredEvents;
  public long engagementEvents;
  public long addresses;
  public long unengaged;
  public long droppedAddresses;
  public long outputFiles;
  public long outputBytes;
  public String importUri;
  public boolean crossCheckRan;
  public long crossCheckMismatchedRows;
  public final Map<String, Long> timings = new LinkedHashMap<>();

  /**
   * With --rollups: which days came from rollups and which from raw events; null for a full scan.
   */
  public Map<String, Object> rollups;

  /** Counts of who is in the segment (io.reengage.job.report.Distributions#toMap). */
  public Map<String, Object> distributions;

  /** Where the run's report.html is published; null when it could not be written. */
  public String reportUri;

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asOf", rules.asOf().toString());
    m.put("until", Instant.ofEpochMilli(rules.untilMillis()).toString());
    m.put("untilEpochMillis", rules.untilMillis());
    Map<String, Object> windows = new LinkedHashMap<>();
    windows.put("deliveredMonths", rules.deliveredWindowMonths());
    windows.put("engagementMonths", rules.engagementWindowMonths());
    windows.put(
        "deliveredStart",
        rules.deliveredStartDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    windows.put(
        "engagementStart",
        rules.engagementStartDate().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    m.put("windows", windows);
    Map<String, Object> thresholds = new LinkedHashMap<>();
    thresholds.put("minDelivered", rules.minDelivered());
    thresholds.put("engagementTypes", rules.engagementTypes().stream().sorted().toList());
    thresholds.put("maxBadFraction", maxBadFraction);
    m.put("thresholds", thresholds);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("uri", eventsUri);
    inputs.put("layout", layout);
    inputs.put("foldersListed", foldersListed);
    inputs.put("files", read.files);
    inputs.put("bytes", read.bytes);
    inputs.put("unreadableFiles", read.unreadableFiles);
    m.put("inputs", inputs);
    m.put("records", read.records);
    m.put("badRecords", read.badRecords);
    m.put("ignoredRecords", read.ignoredRecords);
    m.put("deliveredEvents", deliveredEvents);
    m.put("engagementEvents", engagementEvents);
    m.put("addresses", addresses);
    m.put("unengaged", unengaged);
    m.put("droppedAddresses", droppedAddresses);
    m.put("outputFiles", outputFiles);
    m.put("outputBytes", outputBytes);
    m.put("importUri", importUri);
    m.put("reportUri", reportUri);
    Map<String, Object> crossCheck = new LinkedHashMap<>();
    crossCheck.put("ran", crossCheckRan);
    crossCheck.put("mismatchedRows", crossCheckMismatchedRows);
    m.put("crossCheck", crossCheck);
    m.put("source", rollups == null ? "raw" : "rollups+raw");
    if (rollups != null) {
      m.put("rollups", rollups);
    }
    if (distributions != null) {
      m.put("distributions", distributions);
    }
    m.put("timings", timings);
    return m;
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(toMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
