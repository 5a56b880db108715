package io.reengage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.common.ObservedMetrics;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.testing.SparkTestSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The domain counts the segment's one job ends in, with more domains than the report shows: which
 * are on top, and what "(other)" stands for, against counts worked out here from how the rows were
 * made (not from the code under test).
 */
class AddressDistributionsTest {

  private static final LocalDate AS_OF = LocalDate.parse("2026-08-31");
  private static final RuleParameters RULES =
      RuleParameters.defaults(
          AS_OF, AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000);

  /** Long before the engagement window: with 6 deliveries and no engagement, unengaged. */
  private static final long EARLY =
      LocalDate.parse("2025-12-01").atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000;

  private static final StructType PER_ADDRESS =
      new StructType()
          .add(UnengagedRules.ADDRESS, DataTypes.StringType)
          .add(UnengagedRules.MAX_DELIVERED, DataTypes.LongType)
          .add(UnengagedRules.MIN_DELIVERED, DataTypes.LongType)
          .add(UnengagedRules.LAST_ENGAGEMENT, DataTypes.LongType)
          .add(UnengagedRules.NUM_DELIVERED, DataTypes.LongType);

  @Test
  void topDomainsAndTheRestTogether() {
    // Domain d01 has 21 addresses, d02 20, ..., d20 2: each domain dNN has 22 - NN addresses, of
    // which the first (22 - NN) / 2 (rounded down) are unengaged, the rest engaged. Plus two
    // addresses without a domain (one unengaged) and, with ties broken by name, "tie-a.example"
    // and "tie-b.example" with 7 addresses each, all engaged.
    List<Row> rows = new ArrayList<>();
    long totalUnengaged = 0;
    for (int n = 1; n <= 20; n++) {
      int size = 22 - n;
      for (int i = 0; i < size; i++) {
        boolean unengaged = i < size / 2;
        rows.add(row(String.format("u%d@D%02d.example", i, n), unengaged));
        totalUnengaged += unengaged ? 1 : 0;
      }
    }
    rows.add(row("no-at-sign", true));
    rows.add(row("trailing@", false));
    totalUnengaged += 1;
    for (int i = 0; i < 7; i++) {
      rows.add(row("t" + i + "@tie-b.example", false));
      rows.add(row("t" + i + "@tie-a.example", false));
    }

    SparkSession spark = SparkTestSession.get();
    AddressDistributions distributions = new AddressDistributions(RULES);
    Distributions d;
    long unengaged;
    try (ObservedMetrics observed = new ObservedMetrics(spark)) {
      Dataset<Row> perAddress = spark.createDataFrame(rows, PER_ADDRESS).repartition(3);
      Dataset<Row> flagged =
          AddressDistributions.withUnengagedFlag(
              distributions.observe(observed, perAddress), RULES);
      TopDomains top = AddressDistributions.topDomains(flagged);
      unengaged = top.unengaged();
      d = distributions.collect(observed, top, rows.size());
    }

    assertThat(unengaged).isEqualTo(totalUnengaged);
    assertThat(d.funnel().unengaged()).isEqualTo(totalUnengaged);
    // 15 on top: d01..d14 (21 down to 8 addresses), then the 7s in name order: d15, tie-a, tie-b
    // compete for one place and d15.example sorts first.
    List<String> names = d.topDomains().stream().map(DomainCounts::domain).toList();
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 15; n++) {
      expected.add(String.format("d%02d.example", n));
    }
    assertThat(names).containsExactlyElementsOf(expected);
    assertThat(d.topDomains().get(0)).isEqualTo(new DomainCounts("d01.example", 1, 21, 10));
    assertThat(d.topDomains().get(14)).isEqualTo(new DomainCounts("d15.example", 1, 7, 3));
    // The rest: d16..d20 (6+5+4+3+2 = 20 addresses, 3+2+2+1+1 = 9 unengaged), the two tie
    // domains (14 addresses, none unengaged) and "(no domain)" (2 addresses, 1 unengaged).
    assertThat(d.otherDomains()).isEqualTo(new DomainCounts(DomainCounts.OTHER, 8, 36, 10));
  }

  @Test
  void fewerDomainsThanTheTopLeaveNoOther() {
    SparkSession spark = SparkTestSession.get();
    AddressDistributions distributions = new AddressDistributions(RULES);
    List<Row> rows =
        List.of(row("a@x.example", true), row("b@x.example", false), row("c@y.example", true));
    Distributions d;
    try (ObservedMetrics observed = new ObservedMetrics(spark)) {
      Dataset<Row> flagged =
          AddressDistributions.withUnengagedFlag(
              distributions.observe(observed, spark.createDataFrame(rows, PER_ADDRESS)), RULES);
      TopDomains top = AddressDistributions.topDomains(flagged);
      d = distributions.collect(observed, top, rows.size());
      assertThat(top.unengaged()).isEqualTo(2);
      assertThat(top.domains()).isEqualTo(2);
    }
    assertThat(d.topDomains())
        .containsExactly(
            new DomainCounts("x.example", 1, 2, 1), new DomainCounts("y.example", 1, 1, 1));
    assertThat(d.otherDomains()).isEqualTo(new DomainCounts(DomainCounts.OTHER, 0, 0, 0));
  }

  /** An address with 6 early deliveries, never engaged (unengaged) or engaged yesterday. */
  private static Row row(String address, boolean unengaged) {
    long yesterday = AS_OF.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000;
    return RowFactory.create(address, EARLY + 1000, EARLY, unengaged ? null : yesterday, 6L);
  }
}
