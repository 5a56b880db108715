package io.reengage.job.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.rules.EventRows.Attributes;
import io.reengage.job.testing.DatasetAssert;
import io.reengage.job.testing.SparkTestSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Each rule and boundary of SPEC.md on hand-written rows. Epoch values were worked out by hand:
 * as-of 2026-08-31 gives deliveredStart 2025-10-31T00:00Z = 1761868800 s and engagementStart
 * 2026-02-28T00:00Z = 1772236800 s (August 31 minus 6 months clamps to February 28); until defaults
 * to 2026-09-01T00:00Z = 1788220800000 ms.
 */
class UnengagedRulesTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);
  static final long DELIVERED_START_S = 1_761_868_800L;
  static final long ENGAGEMENT_START_S = 1_772_236_800L;
  static final long UNTIL_MS = 1_788_220_800_000L;
  static final long DAY_MS = 86_400_000L;

  /** 2025-12-06T05:46:40Z: inside the delivered window, before the engagement window. */
  static final long EARLY = 1_765_000_000_000L;

  static final RuleParameters DEFAULTS = RuleParameters.defaults(AS_OF, UNTIL_MS);

  private static Map<String, Attributes> run(EventRows events) {
    return EventRows.collect(UnengagedRules.unengaged(events.dataset(), DEFAULTS));
  }

  /** n deliveries, a day apart, starting at EARLY. */
  private static EventRows deliveries(EventRows rows, int n, String... to) {
    for (int i = 0; i < n; i++) {
      rows.delivered(EARLY + i * DAY_MS, to);
    }
    return rows;
  }

  @Test
  void sixDeliveriesAndNoEngagement_qualifiesWithItsAttributes() {
    Map<String, Attributes> result = run(deliveries(new EventRows(), 6, "six@example.com"));
    assertThat(result)
        .containsExactly(
            Map.entry("six@example.com", new Attributes(EARLY + 5 * DAY_MS, EARLY, null, 6)));
  }

  @Test
  void theResultIsExactlyTheOutputContract_schemaAndRows() {
    // The same story as above, compared as a whole DataFrame (spark-testing-base): the writer
    // relies on these names, types and order; only num_delivered, a count, is never null.
    StructType contract =
        new StructType()
            .add("emailaddress", DataTypes.StringType, true)
            .add("max_delivered_timestamp", DataTypes.LongType, true)
            .add("min_delivered_timestamp", DataTypes.LongType, true)
            .add("last_engagement", DataTypes.LongType, true)
            .add("num_delivered", DataTypes.LongType, false);
    EventRows rows = deliveries(new EventRows(), 6, "six@example.com");
    deliveries(rows, 5, "five@example.com");
    Dataset<Row> expected =
        SparkTestSession.get()
            .createDataFrame(
                List.of(RowFactory.create("six@example.com", EARLY + 5 * DAY_MS, EARLY, null, 6L)),
                contract);
    DatasetAssert.assertSameSchemaAndRows(
        expected, UnengagedRules.unengaged(rows.dataset(), DEFAULTS));
  }

  @Test
  void fiveDeliveries_isNotEnough() {
    assertThat(run(deliveries(new EventRows(), 5, "five@example.com"))).isEmpty();
  }

  @Test
  void minDeliveredOption_changesTheThreshold() {
    RuleParameters three =
        new RuleParameters(AS_OF, 10, 6, 3, RuleParameters.DEFAULT_ENGAGEMENT_TYPES, UNTIL_MS);
    EventRows rows = deliveries(new EventRows(), 3, "three@example.com");
    assertThat(EventRows.collect(UnengagedRules.unengaged(rows.dataset(), three)))
        .containsOnlyKeys("three@example.com");
  }

  @Test
  void deliveryInTheFirstSecondOfTheWindow_isTruncatedAndFailsStrictGreaterThan() {
    // 5 ordinary deliveries; the 6th arrives 400 ms after deliveredStart midnight: s == start, not
    // > start.
    EventRows rows = deliveries(new EventRows(), 5, "trunc@example.com");
    rows.delivered(DELIVERED_START_S * 1000 + 400, "trunc@example.com");
    rows.delivered(DELIVERED_START_S * 1000 + 999, "trunc@example.com");
    rows.delivered(DELIVERED_START_S * 1000, "trunc@example.com");
    assertThat(run(rows)).isEmpty();
  }

  @Test
  void deliveryOneSecondAfterWindowStart_counts() {
    EventRows rows = deliveries(new EventRows(), 5, "second@example.com");
    rows.delivered(DELIVERED_START_S * 1000 + 1000, "second@example.com");
    assertThat(run(rows))
        .containsEntry(
            "second@example.com",
            new Attributes(EARLY + 4 * DAY_MS, DELIVERED_START_S * 1000 + 1000, null, 6));
  }

  @Test
  void openInTheFirstSecondOfTheEngagementWindow_doesNotCountAsEngagement() {
    EventRows rows = deliveries(new EventRows(), 6, "late-open@example.com");
    rows.open(ENGAGEMENT_START_S * 1000 + 999, "late-open@example.com");
    rows.click(ENGAGEMENT_START_S * 1000, "late-open@example.com");
    assertThat(run(rows)).containsOnlyKeys("late-open@example.com");
  }

  @Test
  void openOneSecondIntoTheEngagementWindow_isEngagement() {
    EventRows rows = deliveries(new EventRows(), 6, "opened@example.com");
    rows.open(ENGAGEMENT_START_S * 1000 + 1000, "opened@example.com");
    assertThat(run(rows)).isEmpty();
  }

  @Test
  void clickAlsoCountsAsEngagement() {
    EventRows rows = deliveries(new EventRows(), 6, "clicked@example.com");
    rows.click(UNTIL_MS - DAY_MS, "clicked@example.com");
    assertThat(run(rows)).isEmpty();
  }

  @Test
  void firstDeliveryMustBeStrictlyBeforeTheEngagementWindowBySecond() {
    // All six deliveries on/after engagementStart: the first one's second equals the start -> not
    // "<".
    EventRows atStart = new EventRows();
    for (int i = 0; i < 6; i++) {
      atStart.delivered(ENGAGEMENT_START_S * 1000 + 500 + i * DAY_MS, "recent@example.com");
    }
    assertThat(run(atStart)).isEmpty();

    EventRows justBefore = new EventRows();
    justBefore.delivered(ENGAGEMENT_START_S * 1000 - 1, "older@example.com");
    for (int i = 1; i < 6; i++) {
      justBefore.delivered(ENGAGEMENT_START_S * 1000 + i * DAY_MS, "older@example.com");
    }
    assertThat(run(justBefore)).containsOnlyKeys("older@example.com");
  }

  @Test
  void identicalDeliveries_collapseToOne() {
    // Six events but two are the same destination array at the same millisecond: five rows remain.
    EventRows rows = deliveries(new EventRows(), 5, "dup@example.com");
    rows.delivered(EARLY, "dup@example.com");
    assertThat(run(rows)).isEmpty();
  }

  @Test
  void sameMillisecondWithDifferentArrayOrder_countsTwice() {
    EventRows rows = new EventRows();
    for (int i = 0; i < 3; i++) {
      rows.delivered(EARLY + i * DAY_MS, "x@example.com", "y@example.com");
      rows.delivered(EARLY + i * DAY_MS, "y@example.com", "x@example.com");
    }
    assertThat(run(rows)).containsOnlyKeys("x@example.com", "y@example.com");
    assertThat(run(rows).get("x@example.com").numDelivered()).isEqualTo(6);
  }

  @Test
  void openAndClickAtTheSameMillisecondWithTheSameArray_areOneRow() {
    long ts = ENGAGEMENT_START_S * 1000 + 5 * DAY_MS;
    EventRows rows =
        new EventRows()
            .open(ts, "a@example.com", "b@example.com")
            .click(ts, "a@example.com", "b@example.com");
    var joined = UnengagedRules.distinctRows(UnengagedRules.inWindows(rows.dataset(), DEFAULTS));
    assertThat(joined.count()).isEqualTo(1);
  }

  @Test
  void addressRepeatedInOneArray_countsEachOccurrence() {
    EventRows rows = new EventRows();
    for (int i = 0; i < 3; i++) {
      rows.delivered(EARLY + i * DAY_MS, "twice@example.com", "twice@example.com");
    }
    assertThat(run(rows))
        .containsExactly(
            Map.entry("twice@example.com", new Attributes(EARLY + 2 * DAY_MS, EARLY, null, 6)));
  }

  @Test
  void openByOneRecipient_engagesEveryRecipientOfThatMessage() {
    EventRows rows = new EventRows();
    for (int i = 0; i < 6; i++) {
      rows.delivered(EARLY + i * DAY_MS, "reader@example.com", "cc@example.com");
    }
    rows.delivered(EARLY + 10 * DAY_MS, "other@example.com");
    rows.open(UNTIL_MS - 1, "reader@example.com", "cc@example.com");
    deliveries(rows, 6, "alone@example.com");
    assertThat(run(rows)).containsOnlyKeys("alone@example.com");
  }

  @Test
  void engagementBeforeTheWindow_isIgnored() {
    EventRows rows = deliveries(new EventRows(), 6, "lapsed@example.com");
    rows.open(EARLY + DAY_MS, "lapsed@example.com");
    assertThat(run(rows)).containsOnlyKeys("lapsed@example.com");
  }

  @Test
  void eventsAtOrAfterUntil_areIgnored() {
    EventRows rows = deliveries(new EventRows(), 5, "until@example.com");
    rows.delivered(UNTIL_MS, "until@example.com");
    rows.delivered(UNTIL_MS + 1, "until@example.com");
    deliveries(rows, 6, "late-opener@example.com");
    rows.open(UNTIL_MS, "late-opener@example.com");
    Map<String, Attributes> result = run(rows);
    assertThat(result).containsOnlyKeys("late-opener@example.com");

    rows.delivered(UNTIL_MS - 1, "until@example.com");
    assertThat(run(rows)).containsKey("until@example.com");
    assertThat(run(rows).get("until@example.com").maxDelivered()).isEqualTo(UNTIL_MS - 1);
  }

  @Test
  void otherEventTypes_neverCount() {
    EventRows rows = new EventRows();
    String[] ignored = {
      "_email.send",
      "_email.hardbounce",
      "_email.softbounce",
      "_email.complaint",
      "_email.rejected",
      "_email.unsubscribe",
      "_email.rendering_failure",
      "_email.something_new"
    };
    for (int i = 0; i < 6; i++) {
      rows.add(ignored[i], EARLY + i * DAY_MS, new String[] {"ignored@example.com"});
    }
    deliveries(rows, 6, "engaged-by-unsubscribe@example.com");
    rows.add(
        "_email.unsubscribe",
        UNTIL_MS - DAY_MS,
        new String[] {"engaged-by-unsubscribe@example.com"});
    assertThat(run(rows)).containsOnlyKeys("engaged-by-unsubscribe@example.com");
  }

  @Test
  void nullOrEmptyArrays_yieldNothing_andUnusableElementsAreDropped() {
    EventRows rows = new EventRows();
    for (int i = 0; i < 6; i++) {
      rows.delivered(EARLY + i * DAY_MS, (String[]) null);
      rows.delivered(EARLY + i * DAY_MS + 1);
      rows.delivered(EARLY + i * DAY_MS + 2, null, "", "  ", "\t", "kept@example.com");
    }
    assertThat(run(rows)).containsOnlyKeys("kept@example.com");
  }

  @Test
  void addressesAreExactStrings_caseAndSpacesMatter() {
    EventRows rows = new EventRows();
    deliveries(rows, 3, "Mixed@Example.com");
    deliveries(rows, 3, "mixed@example.com");
    deliveries(rows, 6, " padded@example.com ");
    assertThat(run(rows)).containsOnlyKeys(" padded@example.com ");
  }

  @Test
  void secondsTruncateTowardZero_forNegativeTimestamps() {
    // as-of 1970-10-31 minus 10 months = 1969-12-31: deliveredStart = -86400 s.
    // -86399400 ms is -86399.4 s: truncation gives -86399 (> start, counts); floor would give
    // -86400.
    RuleParameters p =
        new RuleParameters(
            LocalDate.of(1970, 10, 31), 10, 6, 1, RuleParameters.DEFAULT_ENGAGEMENT_TYPES, 0L);
    EventRows rows = new EventRows().delivered(-86_399_400L, "epoch@example.com");
    rows.delivered(-86_400_400L, "before@example.com");
    assertThat(EventRows.collect(UnengagedRules.unengaged(rows.dataset(), p)))
        .containsOnlyKeys("epoch@example.com");
  }
}
