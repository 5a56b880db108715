package io.reengage.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupSourcesTest {

  static DayMarker day(String date, String file) {
    return new DayMarker(
        DayMarker.FORMAT_VERSION,
        date,
        List.of("_email.click", "_email.open"),
        24,
        10,
        0,
        5,
        0,
        5,
        "user-agent",
        0,
        0,
        100,
        List.of(file));
  }

  static MonthMarker month(String month, DayMarker... days) {
    return new MonthMarker(
        MonthMarker.FORMAT_VERSION, month, List.of(days), List.of("part-0.parquet"), 10, 1000);
  }

  @Test
  void daysHeldByTheirCompactedMonth_comeFromIt_othersFromTheirOwnFiles() {
    DayMarker may1 = day("2026-05-01", "a.parquet");
    DayMarker may2 = day("2026-05-02", "b.parquet");
    DayMarker june1 = day("2026-06-01", "c.parquet");
    RollupSources s =
        RollupSources.choose(
            List.of(may1, may2, june1),
            Map.of(YearMonth.of(2026, 5), month("2026-05", may1, may2)));

    assertThat(s.dailyDays()).containsExactly(june1);
    assertThat(s.compacted()).containsOnlyKeys(YearMonth.of(2026, 5));
    assertThat(s.compacted().get(YearMonth.of(2026, 5)).days())
        .containsExactly(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-02"));
    assertThat(s.compactedDays()).isEqualTo(2);
  }

  @Test
  void aDayRolledUpAgainSinceCompaction_isReadFromItsOwnFiles() {
    DayMarker compactedCopy = day("2026-05-01", "old.parquet");
    DayMarker current = day("2026-05-01", "new.parquet");
    DayMarker may2 = day("2026-05-02", "b.parquet");
    RollupSources s =
        RollupSources.choose(
            List.of(current, may2),
            Map.of(YearMonth.of(2026, 5), month("2026-05", compactedCopy, may2)));

    assertThat(s.dailyDays()).containsExactly(current);
    assertThat(s.compacted().get(YearMonth.of(2026, 5)).days())
        .containsExactly(LocalDate.parse("2026-05-02"));
  }

  @Test
  void compactedDaysOutsideThePlan_areNotChosen() {
    DayMarker may1 = day("2026-05-01", "a.parquet");
    DayMarker may2 = day("2026-05-02", "b.parquet");
    RollupSources s =
        RollupSources.choose(
            List.of(may2), Map.of(YearMonth.of(2026, 5), month("2026-05", may1, may2)));

    assertThat(s.compacted().get(YearMonth.of(2026, 5)).days())
        .containsExactly(LocalDate.parse("2026-05-02"));
    assertThat(s.dailyDays()).isEmpty();
  }

  @Test
  void anotherFormatVersionOrNoMonthMarker_meansDailyFiles() {
    DayMarker may1 = day("2026-05-01", "a.parquet");
    DayMarker june1 = day("2026-06-01", "c.parquet");
    MonthMarker future =
        new MonthMarker(
            MonthMarker.FORMAT_VERSION + 1, "2026-05", List.of(may1), List.of("p"), 1, 1);
    RollupSources s =
        RollupSources.choose(List.of(may1, june1), Map.of(YearMonth.of(2026, 5), future));

    assertThat(s.dailyDays()).containsExactly(may1, june1);
    assertThat(s.compacted()).isEmpty();
  }

  @Test
  void markersSurviveTheirJsonRoundTrip_soEqualityCanBeTrusted() throws Exception {
    MonthMarker m = month("2026-05", day("2026-05-01", "a.parquet"));
    assertThat(MonthMarker.fromJson(m.toJson())).isEqualTo(m);
    assertThat(MonthMarker.fromJson(m.toJson()).holds(day("2026-05-01", "a.parquet"))).isTrue();
    assertThat(MonthMarker.fromJson(m.toJson()).holds(day("2026-05-01", "b.parquet"))).isFalse();
  }
}
