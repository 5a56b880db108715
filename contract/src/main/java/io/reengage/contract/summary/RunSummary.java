package io.reengage.contract.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

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
 * @param machineOpens in-window opens classified as machine opens, per event before the query's
 *     DISTINCT, whatever the mode
 * @param unengagedIgnoringMachineOpens the segment's size under {@code --machine-opens ignore},
 *     whatever the mode
 * @param reportUri where the run's {@code report.html} is; absent when it could not be drawn
 * @param distributions who is in the segment, as counts (funnel, histograms, domains): the report's
 *     data, shaped by the job's {@code io.reengage.job.report.Distributions}
 */
public record RunSummary(
    String asOf,
    String until,
    long untilEpochMillis,
    Windows windows,
    Thresholds thresholds,
    List<Input> inputs,
    long records,
    long pinpointRecords,
    long sesRecords,
    long badRecords,
    long ignoredRecords,
    long deliveredEvents,
    long engagementEvents,
    long addresses,
    long unengaged,
    long droppedAddresses,
    long machineOpens,
    long unengagedIgnoringMachineOpens,
    @JsonInclude(Include.NON_NULL) MachineOpenSettings machineOpenSettings,
    long outputFiles,
    long outputBytes,
    String importUri,
    @JsonInclude(Include.NON_NULL) String reportUri,
    CrossCheck crossCheck,
    String source,
    @JsonInclude(Include.NON_NULL) Rollups rollups,
    @JsonInclude(Include.NON_NULL) Map<String, Object> distributions,
    Timings timings) {

  public static final String SOURCE_RAW = "raw";
  public static final String SOURCE_ROLLUPS = "rollups+raw";

  /** The windows of rules 1 and 2; starts are midnights UTC as ISO-8601 instants. */
  public record Windows(
      int deliveredMonths, int engagementMonths, String deliveredStart, String engagementStart) {}

  /** Rule 6's threshold, the engagement types (sorted) and the bad-record limit. */
  public record Thresholds(int minDelivered, List<String> engagementTypes, double maxBadFraction) {}

  /**
   * What was listed and read under one {@code --events} root ({@code inputs} has one per root, in
   * the order given); {@code layout} is null when no raw day had to be listed. The run's {@code
   * records}, {@code pinpointRecords} and {@code sesRecords} are the sums over the roots.
   */
  public record Input(
      String uri,
      String layout,
      int foldersListed,
      long files,
      long bytes,
      long unreadableFiles,
      long records,
      long pinpointRecords,
      long sesRecords) {}

  /**
   * How machine opens were treated: {@code count} or {@code ignore}, the {@code --machine-open-ips}
   * list (absent without one), its number of prefixes, and the classification rollups record.
   */
  public record MachineOpenSettings(
      String mode,
      @JsonInclude(Include.NON_NULL) String ipList,
      long ipListPrefixes,
      String classification) {}

  /** Whether {@code --cross-check} ran, and how many rows differed. */
  public record CrossCheck(boolean ran, long mismatchedRows) {}

  /**
   * With {@code --rollups}: the days answered by rollups and the raw ones; {@code bytes} is what
   * the run opened. The compacted-month counts are absent when no day came from rollups. {@code
   * daysFromCompactedMonths} counts the days read from a compacted month, through its aggregate
   * ({@code daysFromMonthAggregates}, over {@code monthAggregates} months) or its copies of the
   * days' rows; {@code rowsFromMonthAggregates} and {@code rowsFromDays} are the rollup rows the
   * run combined from each (at most one per address per aggregated month, one per address and day
   * part otherwise).
   */
  public record Rollups(
      int rollupDays,
      String firstRollupDay,
      String lastRollupDay,
      long bytes,
      int rawDays,
      List<String> rawDayRanges,
      @JsonInclude(Include.NON_NULL) Integer compactedMonths,
      @JsonInclude(Include.NON_NULL) Integer daysFromCompactedMonths,
      @JsonInclude(Include.NON_NULL) Integer monthAggregates,
      @JsonInclude(Include.NON_NULL) Integer daysFromMonthAggregates,
      @JsonInclude(Include.NON_NULL) Long rowsFromMonthAggregates,
      @JsonInclude(Include.NON_NULL) Long rowsFromDays) {

    public Rollups(
        int rollupDays,
        String firstRollupDay,
        String lastRollupDay,
        long bytes,
        int rawDays,
        List<String> rawDayRanges,
        Integer compactedMonths,
        Integer daysFromCompactedMonths) {
      this(
          rollupDays,
          firstRollupDay,
          lastRollupDay,
          bytes,
          rawDays,
          rawDayRanges,
          compactedMonths,
          daysFromCompactedMonths,
          null,
          null,
          null,
          null);
    }
  }

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
      long jobMs,
      @JsonInclude(Include.NON_NULL) Long distributionsMs) {

    public Timings(
        long listMs, long aggregateMs, long scanMs, Long crossCheckMs, long writeMs, long jobMs) {
      this(listMs, aggregateMs, scanMs, crossCheckMs, writeMs, jobMs, null);
    }
  }

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
    private List<Input> inputs = List.of();
    private long records;
    private long pinpointRecords;
    private long sesRecords;
    private long badRecords;
    private long ignoredRecords;
    private long deliveredEvents;
    private long engagementEvents;
    private long addresses;
    private long unengaged;
    private long droppedAddresses;
    private long machineOpens;
    private long unengagedIgnoringMachineOpens;
    private MachineOpenSettings machineOpenSettings;
    private long outputFiles;
    private long outputBytes;
    private String importUri;
    private String reportUri;
    private Map<String, Object> distributions;
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

    public Builder inputs(List<Input> v) {
      inputs = List.copyOf(v);
      return this;
    }

    public Builder records(long v) {
      records = v;
      return this;
    }

    public Builder pinpointRecords(long v) {
      pinpointRecords = v;
      return this;
    }

    public Builder sesRecords(long v) {
      sesRecords = v;
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

    public Builder reportUri(String v) {
      reportUri = v;
      return this;
    }

    public Builder distributions(Map<String, Object> v) {
      distributions = v;
      return this;
    }

    public Builder crossCheck(CrossCheck v) {
      crossCheck = v;
      return this;
    }

    /** Null for a full scan; sets {@code source} too. */
    public Builder machineOpens(long v) {
      machineOpens = v;
      return this;
    }

    public Builder unengagedIgnoringMachineOpens(long v) {
      unengagedIgnoringMachineOpens = v;
      return this;
    }

    public Builder machineOpenSettings(MachineOpenSettings v) {
      machineOpenSettings = v;
      return this;
    }

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
          pinpointRecords,
          sesRecords,
          badRecords,
          ignoredRecords,
          deliveredEvents,
          engagementEvents,
          addresses,
          unengaged,
          droppedAddresses,
          machineOpens,
          unengagedIgnoringMachineOpens,
          machineOpenSettings,
          outputFiles,
          outputBytes,
          importUri,
          reportUri,
          crossCheck,
          rollups == null ? SOURCE_RAW : SOURCE_ROLLUPS,
          rollups,
          distributions,
          timings);
    }
  }
}
