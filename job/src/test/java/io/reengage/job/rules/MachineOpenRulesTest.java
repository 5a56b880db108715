package io.reengage.job.rules;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.rules.EventRows.Attributes;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * SPEC.md "Machine opens" on hand-written rows: with {@code ignore}, machine opens are dropped
 * before rule 3; whatever the mode, the per-address attributes also say what {@code ignore} would
 * decide. Dates as in {@link UnengagedRulesTest}: engagementStart is 1772236800 s
 * (2026-02-28T00:00Z), EARLY deliveries are before it.
 */
class MachineOpenRulesTest {

  static final long EARLY = UnengagedRulesTest.EARLY;
  static final long DAY_MS = UnengagedRulesTest.DAY_MS;

  /** 2026-03-05T00:00Z, inside the engagement window. */
  static final long IN_WINDOW = UnengagedRulesTest.ENGAGEMENT_START_S * 1000 + 5 * DAY_MS;

  static final RuleParameters P = UnengagedRulesTest.DEFAULTS;

  private static EventRows sixDeliveries(EventRows rows, String... to) {
    for (int i = 0; i < 6; i++) {
      rows.delivered(EARLY + i * DAY_MS, to);
    }
    return rows;
  }

  private static Map<String, Attributes> run(EventRows rows, MachineOpenMode mode) {
    return EventRows.collect(UnengagedRules.unengaged(rows.dataset(), P, mode));
  }

  /** Per address: {last_engagement, last_engagement_excluding_machine_opens}. */
  private static Map<String, Long[]> lastEngagements(EventRows rows) {
    Dataset<Row> perAddress =
        UnengagedRules.perAddress(
            UnengagedRules.flatten(
                UnengagedRules.distinctRows(UnengagedRules.inWindows(rows.dataset(), P))));
    Map<String, Long[]> m = new HashMap<>();
    for (Row r :
        perAddress
            .select(
                col(UnengagedRules.ADDRESS),
                col(UnengagedRules.LAST_ENGAGEMENT),
                col(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS))
            .collectAsList()) {
      m.put(
          r.getString(0),
          new Long[] {r.isNullAt(1) ? null : r.getLong(1), r.isNullAt(2) ? null : r.getLong(2)});
    }
    return m;
  }

  private static long countIgnoring(EventRows rows) {
    Dataset<Row> perAddress =
        UnengagedRules.perAddress(
            UnengagedRules.usableAddresses(
                UnengagedRules.flatten(
                    UnengagedRules.distinctRows(UnengagedRules.inWindows(rows.dataset(), P)))));
    return perAddress.where(UnengagedRules.unengagedIgnoringMachineOpens(P)).count();
  }

  @Test
  void onlyMachineOpens_engagedUnderCount_unengagedUnderIgnore() {
    EventRows rows =
        sixDeliveries(new EventRows(), "apple@example.com")
            .machineOpen(IN_WINDOW, "apple@example.com")
            .machineOpen(IN_WINDOW + DAY_MS, "apple@example.com");
    assertThat(run(rows, MachineOpenMode.COUNT)).isEmpty();
    assertThat(run(rows, MachineOpenMode.IGNORE))
        .containsExactly(
            Map.entry("apple@example.com", new Attributes(EARLY + 5 * DAY_MS, EARLY, null, 6)));
    assertThat(countIgnoring(rows)).isEqualTo(1);
  }

  @Test
  void machineOpenAndARealClick_engagedInBothModes() {
    EventRows rows =
        sixDeliveries(new EventRows(), "clicker@example.com")
            .machineOpen(IN_WINDOW, "clicker@example.com")
            .click(IN_WINDOW + DAY_MS, "clicker@example.com");
    assertThat(run(rows, MachineOpenMode.COUNT)).isEmpty();
    assertThat(run(rows, MachineOpenMode.IGNORE)).isEmpty();
    assertThat(countIgnoring(rows)).isZero();
  }

  @Test
  void lastEngagement_andTheLastOneThatIsNotAMachineOpen() {
    // A click on day 5, a machine open on day 6: the latest engagement is the machine open, the
    // latest one ignoring machine opens is the click.
    EventRows rows =
        new EventRows()
            .click(IN_WINDOW, "a@example.com")
            .machineOpen(IN_WINDOW + DAY_MS, "a@example.com")
            .machineOpen(IN_WINDOW, "b@example.com");
    Map<String, Long[]> m = lastEngagements(rows);
    assertThat(m.get("a@example.com")).containsExactly(IN_WINDOW + DAY_MS, IN_WINDOW);
    assertThat(m.get("b@example.com")).containsExactly(IN_WINDOW, null);
  }

  @Test
  void machineOpenAndClickOfOneDistinctRow_keepTheRowUnderIgnore() {
    // Same array, same millisecond: one row under rule 3. Dropping the machine open first still
    // leaves the click, so the row exists under ignore too.
    EventRows rows =
        sixDeliveries(new EventRows(), "x@example.com", "y@example.com")
            .machineOpen(IN_WINDOW, "x@example.com", "y@example.com")
            .click(IN_WINDOW, "x@example.com", "y@example.com");
    assertThat(run(rows, MachineOpenMode.IGNORE)).isEmpty();
    assertThat(lastEngagements(rows).get("y@example.com")).containsExactly(IN_WINDOW, IN_WINDOW);
    var joined = UnengagedRules.distinctRows(UnengagedRules.inWindows(rows.dataset(), P));
    assertThat(joined.where(col(UnengagedRules.ENGAGEMENT_TIMESTAMP).isNotNull()).count())
        .isEqualTo(1);
  }

  @Test
  void machineOpenCreditsEveryRecipient_andIgnoringItUnengagesThemAll() {
    EventRows rows =
        sixDeliveries(new EventRows(), "to@example.com", "cc@example.com")
            .machineOpen(IN_WINDOW, "to@example.com", "cc@example.com");
    assertThat(run(rows, MachineOpenMode.COUNT)).isEmpty();
    assertThat(run(rows, MachineOpenMode.IGNORE))
        .containsOnlyKeys("to@example.com", "cc@example.com");
    assertThat(countIgnoring(rows)).isEqualTo(2);
  }

  @Test
  void machineOpenBeforeTheEngagementWindow_changesNothing() {
    EventRows rows =
        sixDeliveries(new EventRows(), "old@example.com").machineOpen(EARLY, "old@example.com");
    Attributes expected = new Attributes(EARLY + 5 * DAY_MS, EARLY, null, 6);
    assertThat(run(rows, MachineOpenMode.COUNT))
        .containsExactly(Map.entry("old@example.com", expected));
    assertThat(run(rows, MachineOpenMode.IGNORE))
        .containsExactly(Map.entry("old@example.com", expected));
  }

  @Test
  void countMode_mixedAddresses_ignoringCountIsTheIgnoreSegmentSize() {
    // apple: only machine opens (unengaged only under ignore); human: opened (engaged in both);
    // quiet: nothing (unengaged in both); mixed: machine open + click (engaged in both).
    EventRows rows = new EventRows();
    sixDeliveries(rows, "apple@example.com").machineOpen(IN_WINDOW, "apple@example.com");
    sixDeliveries(rows, "human@example.com").open(IN_WINDOW, "human@example.com");
    sixDeliveries(rows, "quiet@example.com");
    sixDeliveries(rows, "mixed@example.com")
        .machineOpen(IN_WINDOW, "mixed@example.com")
        .click(IN_WINDOW + 1, "mixed@example.com");
    assertThat(run(rows, MachineOpenMode.COUNT)).containsOnlyKeys("quiet@example.com");
    assertThat(run(rows, MachineOpenMode.IGNORE))
        .containsOnlyKeys("quiet@example.com", "apple@example.com");
    assertThat(countIgnoring(rows)).isEqualTo(2);
  }

  @Test
  void modeOption_parsesItsTwoValues_andSaysWhatElseIsWrong() {
    assertThat(MachineOpenMode.parse("count")).isEqualTo(MachineOpenMode.COUNT);
    assertThat(MachineOpenMode.parse("IGNORE")).isEqualTo(MachineOpenMode.IGNORE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MachineOpenMode.parse("skip"))
        .hasMessage("Invalid --machine-opens 'skip': use count (the query's behaviour) or ignore");
  }
}
