package io.reengage.job.rollup;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the rows of each rolled-up day of a plan are read from: a compacted month's aggregate (one
 * row per address for the whole month), a compacted month's copies of its days' rows, or else the
 * day's own files. Pure: markers in, choices out.
 *
 * <p>A month's aggregate mixes both parts of all its days, so it answers only where that mix is
 * exactly what the windows take: every day of the calendar month is in the plan (none read raw,
 * none after {@code until}, none rolled up for other settings), the month's copy of each day's
 * marker equals the day's current marker, and for each kind (deliveries, engagements) the month
 * lies wholly after the window's start day or wholly before it. A month holding a start day, whose
 * first second and earlier days must not count, is never taken from its aggregate.
 */
public record RollupSources(
    List<DayMarker> dailyDays,
    Map<YearMonth, CompactedPart> compacted,
    Map<YearMonth, AggregatePart> aggregates) {

  /** The days of a plan that one compacted month's copies answer for. */
  public record CompactedPart(MonthMarker month, List<LocalDate> days) {}

  /** A month whose aggregate answers for all its days, and which kinds count in it. */
  public record AggregatePart(MonthMarker month, boolean deliveredIn, boolean engagementIn) {}

  /** Day rows from compacted copies or the days' files only, never from month aggregates. */
  public static RollupSources choose(List<DayMarker> planDays, Map<YearMonth, MonthMarker> months) {
    return choose(planDays, months, null, null);
  }

  /**
   * The sources of the plan's days for windows starting on {@code deliveredStart} and {@code
   * engagementStart} ({@code null}: no month aggregates at all).
   */
  public static RollupSources choose(
      List<DayMarker> planDays,
      Map<YearMonth, MonthMarker> months,
      LocalDate deliveredStart,
      LocalDate engagementStart) {
    Map<LocalDate, DayMarker> planned = new HashMap<>();
    planDays.forEach(d -> planned.put(d.date(), d));
    Map<YearMonth, AggregatePart> aggregates = new TreeMap<>();
    if (deliveredStart != null && engagementStart != null) {
      for (MonthMarker month : months.values()) {
        AggregatePart part = aggregatePart(month, planned, deliveredStart, engagementStart);
        if (part != null) {
          aggregates.put(month.yearMonth(), part);
        }
      }
    }
    List<DayMarker> daily = new ArrayList<>();
    Map<YearMonth, List<LocalDate>> fromMonths = new TreeMap<>();
    for (DayMarker day : planDays) {
      YearMonth ym = YearMonth.from(day.date());
      if (aggregates.containsKey(ym)) {
        continue;
      }
      MonthMarker month = months.get(ym);
      if (month != null && month.holds(day)) {
        fromMonths.computeIfAbsent(month.yearMonth(), m -> new ArrayList<>()).add(day.date());
      } else {
        daily.add(day);
      }
    }
    Map<YearMonth, CompactedPart> compacted = new TreeMap<>();
    fromMonths.forEach(
        (m, days) -> compacted.put(m, new CompactedPart(months.get(m), List.copyOf(days))));
    return new RollupSources(List.copyOf(daily), compacted, aggregates);
  }

  /** The month's aggregate part when it answers exactly for all its days, else null. */
  private static AggregatePart aggregatePart(
      MonthMarker month,
      Map<LocalDate, DayMarker> planned,
      LocalDate deliveredStart,
      LocalDate engagementStart) {
    if (!month.hasWholeMonthAggregate()) {
      return null;
    }
    YearMonth ym = month.yearMonth();
    for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
      DayMarker current = planned.get(d);
      if (current == null || !month.holds(current)) {
        return null; // read raw, after until, other settings, or changed since compaction
      }
    }
    Boolean deliveredIn = wholly(ym, deliveredStart);
    Boolean engagementIn = wholly(ym, engagementStart);
    if (deliveredIn == null || engagementIn == null || !(deliveredIn || engagementIn)) {
      return null;
    }
    return new AggregatePart(month, deliveredIn, engagementIn);
  }

  /**
   * True when every day of the month is after the window's start day (all of each day counts),
   * false when every day is before it (nothing counts), null when the month holds the start day.
   */
  private static Boolean wholly(YearMonth month, LocalDate windowStart) {
    if (month.atDay(1).isAfter(windowStart)) {
      return true;
    }
    if (month.atEndOfMonth().isBefore(windowStart)) {
      return false;
    }
    return null;
  }

  public int compactedDays() {
    return compacted.values().stream().mapToInt(p -> p.days().size()).sum();
  }

  public int aggregatedDays() {
    return aggregates.keySet().stream().mapToInt(YearMonth::lengthOfMonth).sum();
  }

  /** Rows this run combines from month aggregates (whole files are read). */
  public long aggregateRows() {
    return aggregates.values().stream().mapToLong(p -> p.month().aggregateRows()).sum();
  }
}
