package io.reengage.job.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.rules.RuleParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts of one run, written as {@code summary.json}. Counts only: no addresses, ever. */
public final class SegmentSummary {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public RuleParameters rules;
  public double maxBadFraction;

  /** One entry per --events root, in the order given. */
  public final List<Input> inputs = new ArrayList<>();

  /** What was read under all roots together. */
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

  /** One --events root: what was listed and read under it. */
  public static final class Input {
    public final String uri;
    public String layout;
    public int foldersListed;
    public ReadCounts read = new ReadCounts();

    public Input(String uri) {
      this.uri = uri;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uri", uri);
      m.put("layout", layout);
      m.put("foldersListed", foldersListed);
      m.put("files", read.files);
      m.put("bytes", read.bytes);
      m.put("unreadableFiles", read.unreadableFiles);
      m.put("records", read.records);
      m.put("pinpointRecords", read.pinpointRecords);
      m.put("sesRecords", read.sesRecords);
      return m;
    }
  }

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
    m.put("inputs", inputs.stream().map(Input::toMap).toList());
    m.put("records", read.records);
    m.put("pinpointRecords", read.pinpointRecords);
    m.put("sesRecords", read.sesRecords);
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
    Map<String, Object> crossCheck = new LinkedHashMap<>();
    crossCheck.put("ran", crossCheckRan);
    crossCheck.put("mismatchedRows", crossCheckMismatchedRows);
    m.put("crossCheck", crossCheck);
    m.put("source", rollups == null ? "raw" : "rollups+raw");
    if (rollups != null) {
      m.put("rollups", rollups);
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
