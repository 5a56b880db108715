package io.reengage.job.rollup;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the rows of each rolled-up day of a plan are read from: a compacted month that still holds
 * the day's current marker, or else the day's own files. Pure: markers in, choices out.
 */
public record RollupSources(List<DayMarker> dailyDays, Map<YearMonth, CompactedPart> compacted) {

  /** The days of a plan that one compacted month answers for. */
  public record CompactedPart(MonthMarker month, List<LocalDate> days) {}

  public static RollupSources choose(List<DayMarker> planDays, Map<YearMonth, MonthMarker> months) {
    List<DayMarker> daily = new ArrayList<>();
    Map<YearMonth, List<LocalDate>> fromMonths = new TreeMap<>();
    for (DayMarker day : planDays) {
      MonthMarker month = months.get(YearMonth.from(day.date()));
      if (month != null && month.holds(day)) {
        fromMonths.computeIfAbsent(month.yearMonth(), m -> new ArrayList<>()).add(day.date());
      } else {
        daily.add(day);
      }
    }
    Map<YearMonth, CompactedPart> compacted = new TreeMap<>();
    fromMonths.forEach(
        (m, days) -> compacted.put(m, new CompactedPart(months.get(m), List.copyOf(days))));
    return new RollupSources(List.copyOf(daily), compacted);
  }

  public int compactedDays() {
    return compacted.values().stream().mapToInt(p -> p.days().size()).sum();
  }
}
