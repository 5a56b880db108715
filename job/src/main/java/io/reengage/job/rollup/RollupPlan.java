package io.reengage.job.rollup;

import io.reengage.job.rules.RuleParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which days of a {@code segment --rollups} run come from rollups and which must be read raw.
 *
 * <p>A rollup answers for a day only when the day is complete (marked), lies inside the windows,
 * ends at or before {@code until} (a later or partial day would include events the bound excludes),
 * and was computed for the same engagement types and machine-open classification. Every other day
 * of the windows is read raw: recent days not rolled up yet, missing days, and the day holding
 * {@code until} when it is not a midnight.
 */
public record RollupPlan(
    List<LocalDate> rollupDays,
    List<DayMarker> rollupMarkers,
    List<DayRange> rawRanges,
    long rollupDeliveredEvents,
    long rollupEngagementEvents,
    long rollupMachineOpens,
    long rollupBytes) {

  /** An inclusive range of days. */
  public record DayRange(LocalDate first, LocalDate last) {
    @Override
    public String toString() {
      return first.equals(last) ? first.toString() : first + ".." + last;
    }
  }

  public static RollupPlan of(
      RuleParameters p, Map<LocalDate, DayMarker> available, String machineOpenClassification) {
    LocalDate firstDay = min(p.deliveredStartDate(), p.engagementStartDate());
    Instant until = Instant.ofEpochMilli(p.untilMillis());
    LocalDate untilDay = LocalDate.ofInstant(until.minusMillis(1), ZoneOffset.UTC);
    boolean untilAtMidnight =
        until.equals(untilDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    LocalDate lastWholeDay = untilAtMidnight ? untilDay : untilDay.minusDays(1);

    List<LocalDate> rollupDays = new ArrayList<>();
    List<DayMarker> markers = new ArrayList<>();
    List<DayRange> raw = new ArrayList<>();
    long delivered = 0;
    long engagement = 0;
    long machine = 0;
    long bytes = 0;
    LocalDate rawStart = null;
    for (LocalDate d = firstDay; !d.isAfter(untilDay); d = d.plusDays(1)) {
      DayMarker m = available.get(d);
      boolean fromRollup =
          m != null
              && !d.isAfter(lastWholeDay)
              && m.usableFor(p.engagementTypes(), machineOpenClassification);
      if (fromRollup) {
        rollupDays.add(d);
        markers.add(m);
        bytes += m.bytes();
        delivered +=
            inWindow(
                d, p.deliveredStartDate(), m.deliveredEventsFirstSecond(), m.deliveredEventsRest());
        engagement +=
            inWindow(
                d,
                p.engagementStartDate(),
                m.engagementEventsFirstSecond(),
                m.engagementEventsRest());
        machine +=
            inWindow(d, p.engagementStartDate(), m.machineOpensFirstSecond(), m.machineOpensRest());
        if (rawStart != null) {
          raw.add(new DayRange(rawStart, d.minusDays(1)));
          rawStart = null;
        }
      } else if (rawStart == null) {
        rawStart = d;
      }
    }
    if (rawStart != null && !rawStart.isAfter(untilDay)) {
      raw.add(new DayRange(rawStart, untilDay));
    }
    return new RollupPlan(
        List.copyOf(rollupDays),
        List.copyOf(markers),
        List.copyOf(raw),
        delivered,
        engagement,
        machine,
        bytes);
  }

  private static long inWindow(LocalDate day, LocalDate windowStart, long firstSecond, long rest) {
    if (day.isBefore(windowStart)) {
      return 0;
    }
    return day.equals(windowStart) ? rest : firstSecond + rest;
  }

  public List<Long> rawEpochDays() {
    List<Long> days = new ArrayList<>();
    for (DayRange r : rawRanges) {
      for (LocalDate d = r.first(); !d.isAfter(r.last()); d = d.plusDays(1)) {
        days.add(d.toEpochDay());
      }
    }
    return days;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
