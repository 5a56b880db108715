package io.reengage.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.rules.RuleParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which compacted months may answer through their aggregate (one row per address for the whole
 * month), with hand-derived cases: a month answers only when all its days are in the plan with
 * unchanged markers and it lies wholly after or wholly before each window's start day.
 */
class MonthAggregateSelectionTest {

  // As-of 2026-08-31 with the default windows: deliveries from 2025-10-31, engagement from
  // 2026-02-28, until 2026-09-01T00:00Z.
  static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);
  static final LocalDate DELIVERED_START = LocalDate.of(2025, 10, 31);
  static final LocalDate ENGAGEMENT_START = LocalDate.of(2026, 2, 28);

  static DayMarker day(LocalDate d) {
    return RollupPlanTest.marker(d, 1, 10, 100, 1000);
  }

  static List<DayMarker> days(LocalDate from, LocalDate to) {
    List<DayMarker> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(day(d));
    }
    return days;
  }

  /** A compacted month of the given days, with an aggregate when it holds the whole month. */
  static MonthMarker month(YearMonth m, List<DayMarker> days) {
    boolean whole = days.size() == m.lengthOfMonth();
    return new MonthMarker(
        MonthMarker.FORMAT_VERSION,
        m.toString(),
        days,
        List.of("part-0.parquet"),
        days.size(),
        100,
        whole ? List.of("part-a.parquet") : List.of(),
        whole ? 7 : 0,
        whole ? 50 : 0);
  }

  /** Every month from {@code from} to {@code to} compacted whole. */
  static Map<YearMonth, MonthMarker> compacted(YearMonth from, YearMonth to) {
    Map<YearMonth, MonthMarker> months = new TreeMap<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.put(m, month(m, days(m.atDay(1), m.atEndOfMonth())));
    }
    return months;
  }

  static RollupSources choose(List<DayMarker> plan, Map<YearMonth, MonthMarker> months) {
    return RollupSources.choose(plan, months, DELIVERED_START, ENGAGEMENT_START);
  }

  @Test
  void monthsHoldingAWindowStart_answerFromCopies_wholeMonthsFromAggregates() {
    // The plan: 2025-10-31 (delivered start day) to 2026-08-31, 305 days.
    List<DayMarker> plan = days(DELIVERED_START, AS_OF);
    RollupSources s = choose(plan, compacted(YearMonth.of(2025, 10), YearMonth.of(2026, 8)));

    // October 2025 holds the delivered start day, February 2026 the engagement start day.
    assertThat(s.aggregates().keySet())
        .containsExactly(
            YearMonth.of(2025, 11),
            YearMonth.of(2025, 12),
            YearMonth.of(2026, 1),
            YearMonth.of(2026, 3),
            YearMonth.of(2026, 4),
            YearMonth.of(2026, 5),
            YearMonth.of(2026, 6),
            YearMonth.of(2026, 7),
            YearMonth.of(2026, 8));
    assertThat(s.compacted()).containsOnlyKeys(YearMonth.of(2025, 10), YearMonth.of(2026, 2));
    assertThat(s.compacted().get(YearMonth.of(2025, 10)).days()).containsExactly(DELIVERED_START);
    assertThat(s.compacted().get(YearMonth.of(2026, 2)).days()).hasSize(28);
    assertThat(s.dailyDays()).isEmpty();
    // 30 + 31 + 31 + 31 + 30 + 31 + 30 + 31 + 31 days; 7 rows per aggregate.
    assertThat(s.aggregatedDays()).isEqualTo(276);
    assertThat(s.aggregateRows()).isEqualTo(63);
    assertThat(s.aggregatedDays() + s.compactedDays()).isEqualTo(305);
    // November to January lie wholly before the engagement window: deliveries only.
    RollupSources.AggregatePart november = s.aggregates().get(YearMonth.of(2025, 11));
    assertThat(november.deliveredIn()).isTrue();
    assertThat(november.engagementIn()).isFalse();
    RollupSources.AggregatePart march = s.aggregates().get(YearMonth.of(2026, 3));
    assertThat(march.deliveredIn()).isTrue();
    assertThat(march.engagementIn()).isTrue();
  }

  @Test
  void aWindowStartingOnTheFirst_keepsItsMonthOutOfTheAggregates() {
    // Deliveries from 2025-11-01: that day's first second does not count, so November cannot
    // answer as a whole; December can.
    LocalDate start = LocalDate.of(2025, 11, 1);
    RollupSources s =
        RollupSources.choose(
            days(start, AS_OF),
            compacted(YearMonth.of(2025, 11), YearMonth.of(2026, 8)),
            start,
            ENGAGEMENT_START);
    assertThat(s.aggregates()).doesNotContainKey(YearMonth.of(2025, 11));
    assertThat(s.aggregates()).containsKey(YearMonth.of(2025, 12));
    assertThat(s.compacted().get(YearMonth.of(2025, 11)).days()).hasSize(30);
  }

  @Test
  void theDayAfterAWindowStart_opensTheNextMonth() {
    // Engagement from 2026-03-31: March holds the start day, April lies wholly after it.
    RollupSources s =
        RollupSources.choose(
            days(DELIVERED_START, AS_OF),
            compacted(YearMonth.of(2025, 10), YearMonth.of(2026, 8)),
            DELIVERED_START,
            LocalDate.of(2026, 3, 31));
    assertThat(s.aggregates()).doesNotContainKey(YearMonth.of(2026, 3));
    assertThat(s.aggregates().get(YearMonth.of(2026, 2)).engagementIn()).isFalse();
    assertThat(s.aggregates().get(YearMonth.of(2026, 4)).engagementIn()).isTrue();
  }

  @Test
  void aStaleMonth_answersFromItsCopiesAndTheChangedDay() {
    Map<YearMonth, MonthMarker> months = compacted(YearMonth.of(2026, 5), YearMonth.of(2026, 5));
    // May 15 rolled up again after compaction: its current marker names another file.
    List<DayMarker> plan = new ArrayList<>(days(LocalDate.of(2026, 5, 1), AS_OF));
    DayMarker rerun = day(LocalDate.of(2026, 5, 15)).withFiles(999, List.of("rerun.parquet"));
    plan.set(14, rerun);

    RollupSources s = choose(plan, months);
    assertThat(s.aggregates()).isEmpty();
    assertThat(s.compacted().get(YearMonth.of(2026, 5)).days())
        .hasSize(30)
        .doesNotContain(LocalDate.of(2026, 5, 15));
    assertThat(s.dailyDays()).contains(rerun);
  }

  @Test
  void aMonthWithADayNotInThePlan_isNotAnsweredByItsAggregate() {
    // June 10 must come from raw events (or was rolled up for other engagement types): the plan
    // lacks it, though June was compacted whole.
    Map<YearMonth, MonthMarker> months = compacted(YearMonth.of(2026, 6), YearMonth.of(2026, 7));
    List<DayMarker> plan = new ArrayList<>(days(LocalDate.of(2026, 6, 1), AS_OF));
    plan.removeIf(d -> d.date().equals(LocalDate.of(2026, 6, 10)));

    RollupSources s = choose(plan, months);
    assertThat(s.aggregates()).containsOnlyKeys(YearMonth.of(2026, 7));
    assertThat(s.compacted().get(YearMonth.of(2026, 6)).days()).hasSize(29);
  }

  @Test
  void aMonthWithADayNeverRolledUp_hasNoAggregate() {
    List<DayMarker> june = days(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
    june.remove(9);
    MonthMarker partial = month(YearMonth.of(2026, 6), june);
    assertThat(partial.hasWholeMonthAggregate()).isFalse();
    RollupSources s = choose(june, Map.of(YearMonth.of(2026, 6), partial));
    assertThat(s.aggregates()).isEmpty();
    assertThat(s.compactedDays()).isEqualTo(29);
  }

  @Test
  void untilInsideTheLastMonth_keepsThatMonthOutOfTheAggregates() {
    // until 2026-08-31T12:00Z: the plan stops at August 30 (the 31st is read raw).
    RuleParameters p =
        RuleParameters.defaults(AS_OF, Instant.parse("2026-08-31T12:00:00Z").toEpochMilli());
    Map<LocalDate, DayMarker> available = new TreeMap<>();
    days(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 8, 31))
        .forEach(d -> available.put(d.date(), d));
    RollupPlan plan = RollupPlan.of(p, available, RollupPlanTest.USER_AGENT);
    assertThat(plan.rollupDays()).last().isEqualTo(LocalDate.of(2026, 8, 30));

    RollupSources s =
        RollupSources.choose(
            plan.rollupMarkers(),
            compacted(YearMonth.of(2025, 10), YearMonth.of(2026, 8)),
            p.deliveredStartDate(),
            p.engagementStartDate());
    assertThat(s.aggregates()).doesNotContainKey(YearMonth.of(2026, 8));
    assertThat(s.aggregates()).containsKey(YearMonth.of(2026, 7));
    assertThat(s.compacted().get(YearMonth.of(2026, 8)).days()).hasSize(30);
  }

  @Test
  void aMonthOfAnOlderFormat_orWithoutAggregate_isNotAnsweredByAnAggregate() {
    YearMonth may = YearMonth.of(2026, 5);
    List<DayMarker> days = days(may.atDay(1), may.atEndOfMonth());
    MonthMarker copiesOnly =
        new MonthMarker(MonthMarker.FORMAT_VERSION, "2026-05", days, List.of("p"), 31, 1);
    RollupSources s = choose(days, Map.of(may, copiesOnly));
    assertThat(s.aggregates()).isEmpty();
    assertThat(s.compactedDays()).isEqualTo(31);

    MonthMarker older =
        new MonthMarker(1, "2026-05", days, List.of("p"), 31, 1, List.of("a"), 3, 1);
    s = choose(days, Map.of(may, older));
    assertThat(s.aggregates()).isEmpty();
    assertThat(s.dailyDays()).hasSize(31);
  }

  @Test
  void withoutWindowStarts_noMonthAggregateIsUsed() {
    YearMonth may = YearMonth.of(2026, 5);
    List<DayMarker> days = days(may.atDay(1), may.atEndOfMonth());
    RollupSources s = RollupSources.choose(days, Map.of(may, month(may, days)));
    assertThat(s.aggregates()).isEmpty();
    assertThat(s.compactedDays()).isEqualTo(31);
  }
}
