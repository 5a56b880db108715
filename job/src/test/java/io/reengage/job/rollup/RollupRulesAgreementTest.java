package io.reengage.job.rollup;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.read.EventColumns;
import io.reengage.job.rules.MachineOpenMode;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.testing.DatasetAssert;
import io.reengage.job.testing.SparkTestSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Rules == rollups on the Dataset level: the rules over raw events and the rollup path (daily
 * aggregates, windowed, combined) give the same unengaged rows, compared as whole DataFrames with
 * spark-testing-base. The events sit on the boundaries that rollups must keep exact: the first
 * second of each window's start day, the day before a window, duplicates, repeated and unusable
 * addresses. Epochs by hand: as-of 2026-08-31, delivered window from 2025-10-31T00:00Z = 1761868800
 * s, engagement window from 2026-02-28T00:00Z = 1772236800 s, until 2026-09-01T00:00Z.
 */
class RollupRulesAgreementTest {

  static final long DAY_MS = 86_400_000L;
  static final long DELIVERED_START_MS = 1_761_868_800_000L;
  static final long ENGAGEMENT_START_MS = 1_772_236_800_000L;
  static final long UNTIL_MS = 1_788_220_800_000L;

  /** 2026-08-01T00:00Z: the mixed run reads the days from here raw. */
  static final long RAW_FROM_MS = 1_785_542_400_000L;

  static final RuleParameters P = RuleParameters.defaults(LocalDate.of(2026, 8, 31), UNTIL_MS);

  private final List<Row> rows = new ArrayList<>();

  private void add(String type, long ms, String... to) {
    rows.add(RowFactory.create(type, ms, to, false));
  }

  private void deliveries(int n, long firstMs, String... to) {
    for (int i = 0; i < n; i++) {
      add(RuleParameters.DELIVERED, firstMs + i * 7 * DAY_MS, to);
    }
  }

  /** The stories; a, c and e are unengaged (worked out by hand beside each). */
  private Dataset<Row> events() {
    long nov = DELIVERED_START_MS + 3 * DAY_MS;
    // a: six deliveries in Nov-Dec 2025, no engagement -> unengaged.
    deliveries(6, nov, "a@example.com");
    // b: five counted deliveries; one in the first second of the delivered window's start day and
    // one the day before do not count -> 5, not unengaged.
    deliveries(5, nov, "b@example.com");
    add(RuleParameters.DELIVERED, DELIVERED_START_MS + 400, "b@example.com");
    add(RuleParameters.DELIVERED, DELIVERED_START_MS - DAY_MS + 5_000, "b@example.com");
    // c: an open in the first second of the engagement window's start day does not count ->
    // unengaged; d: the same open one second later counts -> engaged.
    deliveries(6, nov, "c@example.com");
    add("_email.open", ENGAGEMENT_START_MS + 999, "c@example.com");
    deliveries(6, nov, "d@example.com");
    add("_email.open", ENGAGEMENT_START_MS + 1_000, "d@example.com");
    // e: listed twice in three messages (each sent twice at the same ms: one row) plus one in
    // August, read raw by the mixed run -> 8 deliveries, unengaged; the blank element is unusable.
    for (int i = 0; i < 3; i++) {
      add(RuleParameters.DELIVERED, nov + i * DAY_MS, "e@example.com", " ", "e@example.com");
      add(RuleParameters.DELIVERED, nov + i * DAY_MS, "e@example.com", " ", "e@example.com");
    }
    add(RuleParameters.DELIVERED, RAW_FROM_MS + 10 * DAY_MS, "e@example.com", "e@example.com");
    // f: the first of six deliveries is in the engagement window's first second, so not before it.
    deliveries(6, ENGAGEMENT_START_MS + 500, "f@example.com");
    // g: opened in August (raw in the mixed run) -> engaged.
    deliveries(6, nov, "g@example.com");
    add("_email.click", RAW_FROM_MS + 3 * DAY_MS, "g@example.com");
    return SparkTestSession.get().createDataFrame(rows, EventColumns.SCHEMA);
  }

  /** The segment run's shape: raw days through the rules, the other days from daily rollups. */
  private static Dataset<Row> viaRollups(Dataset<Row> rawDays, Dataset<Row> rolledUpDays) {
    Dataset<Row> daily =
        rolledUpDays == null
            ? null
            : RollupRules.dailyAggregates(RollupRules.countedEvents(rolledUpDays, P.types()));
    Dataset<Row> combined =
        RollupRules.perAddressWithRollups(
            UnengagedRules.inWindows(rawDays, P), daily, P, MachineOpenMode.COUNT);
    return UnengagedRules.selectUnengaged(RollupRules.usablePerAddress(combined), P);
  }

  @Test
  void everyDayFromRollups_andTheLastMonthRaw_equalTheRules() {
    Dataset<Row> events = events();
    Dataset<Row> rules = UnengagedRules.unengaged(events, P);
    assertThat(
            rules
                .select(UnengagedRules.ADDRESS)
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("a@example.com", "c@example.com", "e@example.com");

    Dataset<Row> allRolledUp = viaRollups(events.limit(0), events);
    Column before = col(EventColumns.ARRIVAL_TIMESTAMP).lt(RAW_FROM_MS);
    Dataset<Row> mixed = viaRollups(events.where(before.unary_$bang()), events.where(before));
    for (Dataset<Row> rollups : List.of(allRolledUp, mixed)) {
      assertThat(rollups.columns()).containsExactly(rules.columns());
      // The rollup path sums partial counts (a nullable column), the rules count rows.
      DatasetAssert.assertSameRows(rules, rollups);
    }
  }

  @Test
  void theComparisonFails_whenTheRollupPathLosesARow() {
    Dataset<Row> events = events();
    Dataset<Row> rules = UnengagedRules.unengaged(events, P);
    Dataset<Row> lost =
        viaRollups(events.limit(0), events)
            .where(col(UnengagedRules.ADDRESS).notEqual("c@example.com"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DatasetAssert.assertSameRows(rules, lost))
        .isInstanceOf(AssertionError.class);
  }
}
