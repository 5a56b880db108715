package io.reengage.job.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The completion marker of one rolled-up day, {@code day=YYYY-MM-DD/_ROLLUP.json}: written after
 * the day's Parquet files, so its presence means the day is whole. It also carries the day's event
 * counts (before the query's DISTINCT, split at the day's first second) for run summaries, and the
 * settings the aggregates depend on, so a run with other settings reads that day raw instead of
 * trusting it, and the names and total size of its Parquet files. Readers read exactly the files
 * named here, so files of another, overlapping run in the same folder can never be counted twice.
 */
public record DayMarker(
    int formatVersion,
    String day,
    List<String> engagementTypes,
    int lateArrivalHours,
    long rows,
    long deliveredEventsFirstSecond,
    long deliveredEventsRest,
    long engagementEventsFirstSecond,
    long engagementEventsRest,
    long bytes,
    List<String> files) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE_NAME = "_ROLLUP.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public DayMarker {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A day's events by kind, split at its first second (rule 2 compares whole seconds). */
  public record EventCounts(
      long deliveredFirstSecond,
      long deliveredRest,
      long engagementFirstSecond,
      long engagementRest) {

    public static final EventCounts NONE = new EventCounts(0, 0, 0, 0);

    /** {@code n} events of one kind and part of the day. */
    public static EventCounts of(boolean delivered, boolean firstSecond, long n) {
      return new EventCounts(
          delivered && firstSecond ? n : 0,
          delivered && !firstSecond ? n : 0,
          !delivered && firstSecond ? n : 0,
          !delivered && !firstSecond ? n : 0);
    }

    public EventCounts plus(EventCounts o) {
      return new EventCounts(
          deliveredFirstSecond + o.deliveredFirstSecond,
          deliveredRest + o.deliveredRest,
          engagementFirstSecond + o.engagementFirstSecond,
          engagementRest + o.engagementRest);
    }
  }

  /**
   * The marker of a day just aggregated, before its files are moved into place (their names and
   * size are filled in by {@link #withFiles}).
   */
  public static DayMarker of(
      LocalDate day, List<String> engagementTypes, int lateArrivalHours, long rows, EventCounts c) {
    return new DayMarker(
        FORMAT_VERSION,
        day.toString(),
        engagementTypes,
        lateArrivalHours,
        rows,
        c.deliveredFirstSecond(),
        c.deliveredRest(),
        c.engagementFirstSecond(),
        c.engagementRest(),
        0,
        List.of());
  }

  /** This marker naming the day's Parquet files and their total size. */
  public DayMarker withFiles(long bytes, List<String> files) {
    return new DayMarker(
        formatVersion,
        day,
        engagementTypes,
        lateArrivalHours,
        rows,
        deliveredEventsFirstSecond,
        deliveredEventsRest,
        engagementEventsFirstSecond,
        engagementEventsRest,
        bytes,
        files);
  }

  public LocalDate date() {
    return LocalDate.parse(day);
  }

  /** True when this day's aggregates were computed for the same engagement types. */
  public boolean usableFor(Set<String> types) {
    return formatVersion == FORMAT_VERSION && Set.copyOf(engagementTypes).equals(types);
  }

  public byte[] toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static DayMarker fromJson(byte[] json) throws IOException {
    return JSON.readValue(json, DayMarker.class);
  }
}
