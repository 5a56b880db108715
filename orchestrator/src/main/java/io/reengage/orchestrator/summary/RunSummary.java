package io.reengage.orchestrator.summary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of the job's {@code summary.json} the workflow acts on. Counts only: the summary holds
 * no address, and neither does this.
 */
public record RunSummary(
    String asOf,
    String until,
    long untilEpochMillis,
    long records,
    long badRecords,
    long addresses,
    long unengaged,
    long outputFiles,
    long outputBytes,
    String importUri) {

  /** The Lambda's result: what the state machine's ResultSelector picks from. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", asOf);
    out.put("until", until);
    out.put("untilEpochMillis", untilEpochMillis);
    out.put("records", records);
    out.put("badRecords", badRecords);
    out.put("addresses", addresses);
    out.put("unengaged", unengaged);
    out.put("outputFiles", outputFiles);
    out.put("outputBytes", outputBytes);
    out.put("importUri", importUri);
    return out;
  }
}
