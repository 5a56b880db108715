package io.reengage.job.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;

/**
 * The marker of one compacted month, {@code month=YYYY-MM/_MONTH.json}: the daily rows of the
 * month's rolled-up days copied into a few larger Parquet files (with {@code day} as a column),
 * because a daily run that opens one small file per day spends more time on opening files than on
 * rows; and, once every day of the calendar month is rolled up, the month's aggregate under {@code
 * aggregate/}: one row per address combining all its days (see {@link
 * RollupRules#monthAggregates}), so that a daily run combines one row per address for a month that
 * lies wholly inside or wholly outside each window instead of one per active day.
 *
 * <p>The marker holds a copy of each included day's own {@link DayMarker}. A reader uses the
 * compacted rows of a day only while that copy still equals the day's current marker, so a day
 * rolled up again after compaction is read from its own files until the month is compacted anew:
 * the daily partitions stay the source of truth, and a compacted month is a cache of them.
 */
public record MonthMarker(
    int formatVersion,
    String month,
    List<DayMarker> days,
    List<String> files,
    long rows,
    long bytes,
    List<String> aggregateFiles,
    long aggregateRows,
    long aggregateBytes) {

  /** 2 added the month aggregate; a month of version 1 is not used until compacted again. */
  public static final int FORMAT_VERSION = 2;

  public static final String AGGREGATE_FOLDER = "aggregate";
  public static final String FILE_NAME = "_MONTH.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public MonthMarker {
    days = days == null ? List.of() : List.copyOf(days);
    files = files == null ? List.of() : List.copyOf(files);
    aggregateFiles = aggregateFiles == null ? List.of() : List.copyOf(aggregateFiles);
  }

  /** A month of copied day rows only, without an aggregate. */
  public MonthMarker(
      int formatVersion,
      String month,
      List<DayMarker> days,
      List<String> files,
      long rows,
      long bytes) {
    this(formatVersion, month, days, files, rows, bytes, List.of(), 0, 0);
  }

  /** True when the month's aggregate combines every day of the calendar month. */
  public boolean hasWholeMonthAggregate() {
    return formatVersion == FORMAT_VERSION
        && !aggregateFiles.isEmpty()
        && days.size() == yearMonth().lengthOfMonth();
  }

  public YearMonth yearMonth() {
    return YearMonth.parse(month);
  }

  /** True when this marker's copy of the day's marker equals {@code current}. */
  public boolean holds(DayMarker current) {
    return formatVersion == FORMAT_VERSION && days.contains(current);
  }

  public byte[] toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static MonthMarker fromJson(byte[] json) throws IOException {
    return JSON.readValue(json, MonthMarker.class);
  }
}
