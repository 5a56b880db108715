package io.reengage.job.rollup;

import io.reengage.job.machineopen.MachineOpenSettings;
import io.reengage.job.read.FolderLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One {@code rollup} run.
 *
 * @param chunkDays days rolled up per Spark pass: bounds memory, sets the progress granularity
 * @param allowUnsettled roll up days whose late events may still arrive (tests and backfills that
 *     know the feed is complete)
 * @param skipComplete leave days that already have a complete rollup for the same engagement types
 *     alone (the daily workflow rolls up only what is new)
 * @param machineOpens the IP list decides which opens the rollups hold as machine opens; the mode
 *     does not matter, as rollups keep what both modes need
 */
public record RollupSettings(
    List<String> eventsUris,
    String rollupsUri,
    LocalDate from,
    LocalDate to,
    Set<String> engagementTypes,
    FolderLayout layout,
    int lateArrivalHours,
    double maxBadFraction,
    int chunkDays,
    boolean allowUnsettled,
    boolean skipComplete,
    MachineOpenSettings machineOpens) {

  public static final int DEFAULT_CHUNK_DAYS = 31;

  /** The last day whose late events can no longer arrive at {@code now}. */
  public static LocalDate lastSettledDay(java.time.Instant now, int lateArrivalHours) {
    return LocalDate.ofInstant(now.minusSeconds(3600L * lateArrivalHours), java.time.ZoneOffset.UTC)
        .minusDays(1);
  }

  public RollupSettings {
    eventsUris = io.reengage.job.segment.SegmentSettings.checkRoots(eventsUris);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid range: --to " + to + " is before --from " + from);
    }
    if (from.isBefore(LocalDate.of(1970, 1, 1))) {
      throw new IllegalArgumentException(
          "Invalid --from: " + from + " (rollups start in 1970 or later)");
    }
    if (chunkDays < 1 || chunkDays > 366) {
      throw new IllegalArgumentException(
          "Invalid chunk-days: " + chunkDays + " (must be between 1 and 366)");
    }
    if (!(maxBadFraction >= 0.0 && maxBadFraction <= 1.0)) {
      throw new IllegalArgumentException(
          "Invalid max-bad-fraction: " + maxBadFraction + " (must be between 0 and 1)");
    }
    engagementTypes = Set.copyOf(engagementTypes);
    if (machineOpens == null) {
      machineOpens = MachineOpenSettings.DEFAULTS;
    }
  }
}
