package io.reengage.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.machineopen.MachineOpenSettings;
import io.reengage.job.rules.RuleParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RollupPlanTest {

  static final String USER_AGENT = MachineOpenSettings.classification(null);

  static DayMarker marker(LocalDate d, long dFirst, long dRest, long eFirst, long eRest) {
    return new DayMarker(
        DayMarker.FORMAT_VERSION,
        d.toString(),
        List.of("_email.click", "_email.open"),
        24,
        1,
        dFirst,
        dRest,
        eFirst,
        eRest,
        USER_AGENT,
        0,
        0,
        100,
        List.of());
  }

  static Map<LocalDate, DayMarker> days(LocalDate from, LocalDate to) {
    Map<LocalDate, DayMarker> m = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      m.put(d, marker(d, 1, 10, 100, 1000));
    }
    return m;
  }

  // as-of 2026-08-31: delivered window from 2025-10-31, engagement window from 2026-02-28.
  static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);
  static final long MIDNIGHT_AFTER = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();

  @Test
  void everyDayRolledUp_andUntilAtMidnight_readsNothingRaw() {
    RollupPlan plan =
        RollupPlan.of(
            RuleParameters.defaults(AS_OF, MIDNIGHT_AFTER),
            days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
            USER_AGENT);
    assertThat(plan.rawRanges()).isEmpty();
    assertThat(plan.rollupDays()).first().isEqualTo(LocalDate.of(2025, 10, 31));
    assertThat(plan.rollupDays()).last().isEqualTo(AS_OF);
    assertThat(plan.rollupDays()).hasSize(305);
  }

  @Test
  void eventCounts_takeOnlyTheRestOfEachWindowsFirstDay() {
    RollupPlan plan =
        RollupPlan.of(
            RuleParameters.defaults(AS_OF, MIDNIGHT_AFTER),
            days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
            USER_AGENT);
    // Delivered: 2025-10-31 gives 10 (rest), the 304 later days 11 each.
    assertThat(plan.rollupDeliveredEvents()).isEqualTo(10 + 304 * 11);
    // Engagement: 2026-02-28 gives 1000, the 184 days from 03-01 to 08-31 1100 each.
    assertThat(plan.rollupEngagementEvents()).isEqualTo(1000 + 184 * 1100);
  }

  @Test
  void missingAndRecentDays_areReadRaw_asRanges() {
    Map<LocalDate, DayMarker> available =
        days(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 8, 20));
    available.remove(LocalDate.of(2026, 1, 10));
    available.remove(LocalDate.of(2026, 1, 11));
    RollupPlan plan =
        RollupPlan.of(RuleParameters.defaults(AS_OF, MIDNIGHT_AFTER), available, USER_AGENT);
    assertThat(plan.rawRanges())
        .extracting(Object::toString)
        .containsExactly("2026-01-10..2026-01-11", "2026-08-21..2026-08-31");
  }

  @Test
  void theDayHoldingAnUntilAfterMidnight_isReadRawEvenWhenRolledUp() {
    long noon = Instant.parse("2026-08-31T12:00:00Z").toEpochMilli();
    RollupPlan plan =
        RollupPlan.of(
            RuleParameters.defaults(AS_OF, noon),
            days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
            USER_AGENT);
    assertThat(plan.rawRanges()).extracting(Object::toString).containsExactly("2026-08-31");
    assertThat(plan.rollupDays()).last().isEqualTo(LocalDate.of(2026, 8, 30));
  }

  @Test
  void daysAtOrAfterUntil_areNeverUsed() {
    long early = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    RollupPlan plan =
        RollupPlan.of(
            RuleParameters.defaults(AS_OF, early),
            days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
            USER_AGENT);
    assertThat(plan.rollupDays()).last().isEqualTo(LocalDate.of(2026, 5, 31));
    assertThat(plan.rawRanges()).isEmpty();
  }

  @Test
  void rollupsForOtherEngagementTypes_areIgnored() {
    Map<LocalDate, DayMarker> available =
        days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
    LocalDate d = LocalDate.of(2026, 3, 3);
    available.put(
        d,
        new DayMarker(
            DayMarker.FORMAT_VERSION,
            d.toString(),
            List.of("_email.open"),
            24,
            1,
            0,
            0,
            0,
            0,
            USER_AGENT,
            0,
            0,
            0,
            List.of()));
    RollupPlan plan =
        RollupPlan.of(RuleParameters.defaults(AS_OF, MIDNIGHT_AFTER), available, USER_AGENT);
    assertThat(plan.rawRanges()).extracting(Object::toString).containsExactly("2026-03-03");
  }

  @Test
  void rollupsOfAnotherMachineOpenClassification_areReadRaw() {
    Map<LocalDate, DayMarker> available =
        days(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
    RollupPlan plan =
        RollupPlan.of(
            RuleParameters.defaults(AS_OF, MIDNIGHT_AFTER),
            available,
            MachineOpenSettings.classification("ab12"));
    assertThat(plan.rollupDays()).isEmpty();
    // deliveredStart 2025-10-31 .. until's day 2026-08-31
    assertThat(plan.rawRanges())
        .extracting(Object::toString)
        .containsExactly("2025-10-31..2026-08-31");
  }

  @Test
  void machineOpensOfRolledUpDays_countInsideTheEngagementWindowOnly() {
    Map<LocalDate, DayMarker> available = new TreeMap<>();
    for (LocalDate d = LocalDate.of(2026, 2, 27);
        !d.isAfter(LocalDate.of(2026, 3, 1));
        d = d.plusDays(1)) {
      DayMarker m = marker(d, 0, 0, 0, 0);
      available.put(
          d,
          new DayMarker(
              m.formatVersion(),
              m.day(),
              m.engagementTypes(),
              24,
              1,
              0,
              0,
              7,
              70,
              USER_AGENT,
              3,
              30,
              100,
              List.of()));
    }
    RollupPlan plan =
        RollupPlan.of(RuleParameters.defaults(AS_OF, MIDNIGHT_AFTER), available, USER_AGENT);
    // engagementStart 2026-02-28: 02-27 counts nothing, 02-28 its rest (30), 03-01 all (33).
    assertThat(plan.rollupMachineOpens()).isEqualTo(63);
  }
}
