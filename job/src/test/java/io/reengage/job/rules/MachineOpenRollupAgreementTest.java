package io.reengage.job.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.read.EventColumns;
import io.reengage.job.rollup.RollupRules;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A day rolled up once serves both machine-open modes: the rollup route (rolled-up days plus one
 * raw day) gives the hand-derived segment of each mode, the same as the full scan, and the same
 * count for the ignore segment whatever the mode.
 */
class MachineOpenRollupAgreementTest {

  static final RuleParameters P = UnengagedRulesTest.DEFAULTS;
  static final long DAY_MS = UnengagedRulesTest.DAY_MS;
  static final long EARLY = UnengagedRulesTest.EARLY;

  /** 2026-02-28T00:00:00Z, the engagement window's start (its first second does not count). */
  static final long START_MS = UnengagedRulesTest.ENGAGEMENT_START_S * 1000;

  /** 2026-03-06T00:00Z: the one day read raw in the rollup route. */
  static final LocalDate RAW_DAY = LocalDate.of(2026, 3, 6);

  static final long RAW_DAY_MS = RAW_DAY.toEpochDay() * DAY_MS;

  private static EventRows events() {
    EventRows rows = new EventRows();
    for (String a :
        new String[] {
          "apple@example.com", "edge@example.com", "mixed@example.com", "quiet@x.com"
        }) {
      for (int i = 0; i < 6; i++) {
        rows.delivered(EARLY + i * DAY_MS, a);
      }
    }
    // apple: a machine open on 2026-03-05 (rolled up).
    rows.machineOpen(START_MS + 5 * DAY_MS, "apple@example.com");
    // edge: a real open in the window's first second (not counted), a machine open later.
    rows.open(START_MS + 500, "edge@example.com");
    rows.machineOpen(START_MS + 5 * DAY_MS + 7, "edge@example.com");
    // mixed: a machine open and a click, same array and millisecond, on the raw day.
    rows.machineOpen(RAW_DAY_MS + 1234, "mixed@example.com");
    rows.click(RAW_DAY_MS + 1234, "mixed@example.com");
    return rows;
  }

  private static List<String> viaRollups(Dataset<Row> events, MachineOpenMode mode) {
    Column epochDay = expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP));
    Dataset<Row> raw = events.where(epochDay.equalTo(RAW_DAY.toEpochDay()));
    Dataset<Row> daily =
        RollupRules.dailyAggregates(
            RollupRules.countedEvents(
                events.where(epochDay.notEqual(RAW_DAY.toEpochDay())), P.types()));
    Dataset<Row> perAddress =
        RollupRules.perAddressWithRollups(
            UnengagedRules.forMode(UnengagedRules.inWindows(raw, P), mode), daily, P, mode);
    assertThat(perAddress.where(UnengagedRules.unengagedIgnoringMachineOpens(P)).count())
        .as("unengagedIgnoringMachineOpens under " + mode)
        .isEqualTo(3);
    return addresses(UnengagedRules.selectUnengaged(perAddress, P));
  }

  private static List<String> addresses(Dataset<Row> unengaged) {
    return unengaged
        .select(col(UnengagedRules.ADDRESS))
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList()
        .stream()
        .sorted()
        .toList();
  }

  @Test
  void countMode_rollupsAndFullScan_giveTheHandDerivedSegment() {
    Dataset<Row> events = events().dataset();
    assertThat(viaRollups(events, MachineOpenMode.COUNT)).containsExactly("quiet@x.com");
    assertThat(addresses(UnengagedRules.unengaged(events, P, MachineOpenMode.COUNT)))
        .containsExactly("quiet@x.com");
  }

  @Test
  void ignoreMode_rollupsAndFullScan_giveTheHandDerivedSegment() {
    Dataset<Row> events = events().dataset();
    List<String> expected = List.of("apple@example.com", "edge@example.com", "quiet@x.com");
    assertThat(viaRollups(events, MachineOpenMode.IGNORE)).isEqualTo(expected);
    assertThat(addresses(UnengagedRules.unengaged(events, P, MachineOpenMode.IGNORE)))
        .isEqualTo(expected);
  }
}
