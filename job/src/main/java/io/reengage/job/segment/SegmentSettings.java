package io.reengage.job.segment;

import io.reengage.job.machineopen.MachineOpenSettings;
import io.reengage.job.read.FolderLayout;
import io.reengage.job.rules.RuleParameters;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One {@code segment} run: where to read and write, the rules, and the reader's tolerances.
 *
 * @param eventsUris the roots of the event objects (one or more, e.g. an old Pinpoint stream's and
 *     a new SES stream's), each listed with its own layout detection and pruning
 * @param lateArrivalHours how many hours after an event's arrival hour its Firehose folder may be
 * @param maxBadFraction the run fails when bad records exceed this share of all records
 * @param rollupsUri where daily rollups live, or null for a full scan of raw events
 * @param crossCheck also run the Spark SQL port of the Athena query and fail on any difference
 * @param machineOpens what machine opens do, and how they are told apart
 */
public record SegmentSettings(
    List<String> eventsUris,
    String outUri,
    RuleParameters rules,
    FolderLayout layout,
    int lateArrivalHours,
    double maxBadFraction,
    String rollupsUri,
    boolean crossCheck,
    MachineOpenSettings machineOpens) {

  public static final int DEFAULT_LATE_ARRIVAL_HOURS = 24;
  public static final double DEFAULT_MAX_BAD_FRACTION = 0.001;

  public SegmentSettings {
    eventsUris = checkRoots(eventsUris);
    if (lateArrivalHours < 0 || lateArrivalHours > 24 * 31) {
      throw new IllegalArgumentException(
          "Invalid late-arrival-hours: " + lateArrivalHours + " (must be between 0 and 744)");
    }
    if (!(maxBadFraction >= 0.0 && maxBadFraction <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid max-bad-fraction: " + maxBadFraction + " (must be between 0 and 1)");
    }
    if (machineOpens == null) {
      machineOpens = MachineOpenSettings.DEFAULTS;
    }
    if (crossCheck && machineOpens.mode() != io.reengage.job.rules.MachineOpenMode.COUNT) {
      throw new IllegalArgumentException(
          "Invalid options: --cross-check compares with the Athena query, which counts machine"
              + " opens; run it with --machine-opens count");
    }
    if (crossCheck && rollupsUri != null) {
      throw new IllegalArgumentException(
          "Invalid options: --cross-check compares against a full scan of raw events; run it without --rollups");
    }
  }

  /** Every root once, in the order given; at least one. */
  public static List<String> checkRoots(List<String> roots) {
    if (roots == null || roots.isEmpty()) {
      throw new IllegalArgumentException("Invalid options: give at least one --events");
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(roots));
    if (distinct.size() != roots.size()) {
      throw new IllegalArgumentException(
          "Invalid options: the same --events is given twice (its events would count twice)");
    }
    return distinct;
  }

  /** The roots as one string for messages. */
  public String eventsDescription() {
    return String.join(", ", eventsUris);
  }
}
