package io.reengage.contract.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * The facts of one segment run, written by the job as {@code OUT/summary.json} and read by the
 * Lambdas and the operator tool. Counts, dates and locations only: no address, ever.
 *
 * <p>The JSON is this record's components, in this order, under these names ({@link SummaryJson}).
 * To add a field: add a component where it should appear in the JSON, a field and a setter to
 * {@link Builder}, and set it where the job builds the summary; a reader that does not know the
 * field ignores it.
 *
 * @param source {@code raw} for a full scan, {@code rollups+raw} with {@code --rollups}
 * @param rollups with {@code --rollups}, which days came from rollups; absent otherwise
 */
public record RunSummary(
    String asOf,
    String until,
    long untilEpochMillis,
    Windows windows,
    Thresholds thresholds,
    Inputs inputs,
    long records,
    long badRecords,
    long ignoredRecords,
    long deliveredEvents,
    long engagementEvents,
    long addresses,
    long unengaged,
    long droppedAddresses,
    long outputFiles,
    long outputBytes,
    String importUri,
    CrossCheck crossCheck,
    String source,
    @JsonInclude(Include.NON_NULL) Rollups rollups,
    Timings timings) {

  public static final String SOURCE_RAW = "raw";
  public static final String SOURCE_ROLLUPS = "rollups+raw";

  /** The windows of rules 1 and 2; starts are midnights UTC as ISO-8601 instants. */
  public record Windows(
      int deliveredMonths, int engagementMonths, String deliveredStart, String engagementStart) {}

  /** Rule 6's threshold, the engagement types (sorted) and the bad-record limit. */
  public record Thresholds(int minDelivered, List<String> engagementTypes, double maxBadFraction) {}

  /** What was listed and read under {@code --events}. */
  public record Inputs(
      String uri, String layout, int foldersListed, long files, long bytes, long unreadableFiles) {}

  /** Whether {@code --cross-check} ran, and how many rows differed. */
  public record CrossCheck(boolean ran, long mismatchedRows) {}

  /**
   * With {@code --rollups}: the days answered by rollups and the raw ones; {@code bytes} is what
   * the run opened. The compacted-month counts are absent when no day came from rollups.
   */
  public record Rollups(
      int rollupDays,
      String firstRollupDay,
      String lastRollupDay,
      long bytes,
      int rawDays,
      List<String> rawDayRanges,
      @JsonInclude(Include.NON_NULL) Integer compactedMonths,
      @JsonInclude(Include.NON_NULL) Integer daysFromCompactedMonths) {}

  /**
   * Wall-clock milliseconds of the run's phases; {@code crossCheckMs} only with {@code
   * --cross-check}.
   */
  public record Timings(
      long listMs,
      long aggregateMs,
      long scanMs,
      @JsonInclude(Include.NON_NULL) Long crossCheckMs,
      long writeMs,
      long jobMs) {}

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the values of a summary that is built once, at the end of a run or in a test. */
  public static final class Builder {
    private String asOf;
    private String until;
    private long untilEpochMillis;
    private Windows windows;
    private Thresholds thresholds;
    private Inputs inputs;
    private long records;
    private long badRecords;
    private long ignoredRecords;
    private long deliveredEvents;
    private long engagementEvents;
    private long addresses;
    private long unengaged;
    private long droppedAddresses;
    private long outputFiles;
    private long outputBytes;
    private String importUri;
    private CrossCheck crossCheck = new CrossCheck(false, 0);
    private Rollups rollups;
    private Timings timings;

    private Builder() {}

    public Builder asOf(String v) {
      asOf = v;
      return this;
    }

    public Builder until(String v) {
      until = v;
      return this;
    }

    public Builder untilEpochMillis(long v) {
      untilEpochMillis = v;
      return this;
    }

    public Builder windows(Windows v) {
      windows = v;
      return this;
    }

    public Builder thresholds(Thresholds v) {
      thresholds = v;
      return this;
    }

    public Builder inputs(Inputs v) {
      inputs = v;
      return this;
    }

    public Builder records(long v) {
      records = v;
      return this;
    }

    public Builder badRecords(long v) {
      badRecords = v;
      return this;
    }

    public Builder ignoredRecords(long v) {
      ignoredRecords = v;
      return this;
    }

    public Builder deliveredEvents(long v) {
      deliveredEvents = v;
      return this;
    }

    public Builder engagementEvents(long v) {
      engagementEvents = v;
      return this;
    }

    public Builder addresses(long v) {
      addresses = v;
      return this;
    }

    public Builder unengaged(long v) {
      unengaged = v;
      return this;
    }

    public Builder droppedAddresses(long v) {
      droppedAddresses = v;
      return this;
    }

    public Builder outputFiles(long v) {
      outputFiles = v;
      return this;
    }

    public Builder outputBytes(long v) {
      outputBytes = v;
      return this;
    }

    public Builder importUri(String v) {
      importUri = v;
      return this;
    }

    public Builder crossCheck(CrossCheck v) {
      crossCheck = v;
      return this;
    }

    /** Null for a full scan; sets {@code source} too. */
    public Builder rollups(Rollups v) {
      rollups = v;
      return this;
    }

    public Builder timings(Timings v) {
      timings = v;
      return this;
    }

    public RunSummary build() {
      return new RunSummary(
          asOf,
          until,
          untilEpochMillis,
          windows,
          thresholds,
          inputs,
          records,
          badRecords,
          ignoredRecords,
          deliveredEvents,
          engagementEvents,
          addresses,
          unengaged,
          droppedAddresses,
          outputFiles,
          outputBytes,
          importUri,
          crossCheck,
          rollups == null ? SOURCE_RAW : SOURCE_ROLLUPS,
          rollups,
          timings);
    }
  }
}
