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
 * trusting it (engagement types, and which IP list, if any, classified machine opens), and the
 * names and total size of its Parquet files. Readers read exactly the files named here, so files of
 * another, overlapping run in the same folder can never be counted twice.
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
    String machineOpenClassification,
    long machineOpensFirstSecond,
    long machineOpensRest,
    long bytes,
    List<String> files) {

  /**
   * 2 added the machine-open columns and counts; a day of version 1 holds neither and is read raw
   * until rolled up again.
   */
  public static final int FORMAT_VERSION = 2;

  public static final String FILE_NAME = "_ROLLUP.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public DayMarker {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /**
   * A day's events by kind, split at its first second (rule 2 compares whole seconds); machine
   * opens are also counted among the engagements.
   */
  public record EventCounts(
      long deliveredFirstSecond,
      long deliveredRest,
      long engagementFirstSecond,
      long engagementRest,
      long machineOpensFirstSecond,
      long machineOpensRest) {

    public static final EventCounts NONE = new EventCounts(0, 0, 0, 0, 0, 0);

    /** {@code n} events of one kind and part of the day. */
    public static EventCounts of(
        boolean delivered, boolean firstSecond, boolean machineOpen, long n) {
      return new EventCounts(
          delivered && firstSecond ? n : 0,
          delivered && !firstSecond ? n : 0,
          !delivered && firstSecond ? n : 0,
          !delivered && !firstSecond ? n : 0,
          machineOpen && firstSecond ? n : 0,
          machineOpen && !firstSecond ? n : 0);
    }

    public EventCounts plus(EventCounts o) {
      return new EventCounts(
          deliveredFirstSecond + o.deliveredFirstSecond,
          deliveredRest + o.deliveredRest,
          engagementFirstSecond + o.engagementFirstSecond,
          engagementRest + o.engagementRest,
          machineOpensFirstSecond + o.machineOpensFirstSecond,
          machineOpensRest + o.machineOpensRest);
    }
  }

  /**
   * The marker of a day just aggregated, before its files are moved into place (their names and
   * size are filled in by {@link #withFiles}).
   */
  public static DayMarker of(
      LocalDate day,
      List<String> engagementTypes,
      int lateArrivalHours,
      long rows,
      String machineOpenClassification,
      EventCounts c) {
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
        machineOpenClassification,
        c.machineOpensFirstSecond(),
        c.machineOpensRest(),
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
        machineOpenClassification,
        machineOpensFirstSecond,
        machineOpensRest,
        bytes,
        files);
  }

  public LocalDate date() {
    return LocalDate.parse(day);
  }

  /**
   * True when this day's aggregates were computed for the same engagement types and told machine
   * opens apart the same way (same IP list, or none). The machine-open mode does not matter: a day
   * keeps both answers.
   */
  public boolean usableFor(Set<String> types, String machineOpenClassification) {
    return formatVersion == FORMAT_VERSION
        && Set.copyOf(engagementTypes).equals(types)
        && machineOpenClassification.equals(this.machineOpenClassification);
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
