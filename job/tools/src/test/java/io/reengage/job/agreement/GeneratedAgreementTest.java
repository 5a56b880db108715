package io.reengage.job.agreement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.crosscheck.SqlPortCrossCheck;
import io.reengage.job.generate.EdgeCases;
import io.reengage.job.generate.EventGenerator;
import io.reengage.job.generate.GeneratorSettings;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFileLister;
import io.reengage.job.read.FolderLayout;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rollup.DayMarker;
import io.reengage.job.rollup.RollupPlan;
import io.reengage.job.rollup.RollupRules;
import io.reengage.job.rules.MachineOpenMode;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On many generated data sets and as-of dates, three independent routes to the unengaged rows agree
 * row for row: the Dataset rules, the Spark SQL port of the Athena query, and the rollup path
 * (daily aggregates for most days, raw events for randomly missing ones). Where the generator
 * planted its SPEC.md edge cases for the as-of date, their hand-written expectations must hold too.
 */
class GeneratedAgreementTest {

  static final int DATA_SETS = Integer.getInteger("reengage.agreement.sets", 50);

  /**
   * As-of dates where month arithmetic bites: month ends, 29 February, 31sts with no 31st back
   * then.
   */
  static final String[] SPECIAL = {
    "2026-08-31", "2026-12-31", "2024-02-29", "2024-08-31", "2024-12-31", "2025-10-31",
        "2026-03-31",
    "2026-05-31", "2027-01-31", "2028-02-29", "2025-04-30", "2026-07-31", "2025-12-31", "2027-03-01"
  };

  @TempDir static Path tmp;

  static Stream<Arguments> dataSets() {
    Random random = new Random(20261128L);
    List<Arguments> sets = new ArrayList<>();
    for (int i = 0; i < DATA_SETS; i++) {
      LocalDate asOf =
          i < SPECIAL.length
              ? LocalDate.parse(SPECIAL[i])
              : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(6 * 365));
      sets.add(Arguments.of(i, asOf));
    }
    return sets.stream();
  }

  @ParameterizedTest(name = "data set {0}, as-of {1}")
  @MethodSource("dataSets")
  void rulesSqlPortAndRollupsAgree(int seed, LocalDate asOf) throws Exception {
    SparkSession spark = SparkTestSession.get();
    // Tiny data sets: fewer shuffle tasks make each query cheaper.
    spark.conf().set("spark.sql.shuffle.partitions", "2");
    boolean edgeCases = seed % 2 == 0;
    Path dir = tmp.resolve("set-" + seed);
    new EventGenerator(
            GeneratorSettings.builder(asOf)
                .addresses(50)
                .days(330)
                .daysAfter(2)
                .eventsPerDay(24)
                .seed(seed)
                .edgeCases(edgeCases)
                .duplicateRate(0.03)
                .lateRate(0.05)
                // Day-long Firehose buffers: a few objects a day instead of hundreds keeps the test
                // about the rules, not file overhead. The sets are read whole (flat), so the folder
                // an object lands in does not matter here.
                .bufferSeconds(86400)
                .build())
        .threads(2)
        .generate(dir);

    // Odd data sets end their run at a time of day rather than at midnight.
    Instant until = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (seed % 2 == 1) {
      until = asOf.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600L * (seed % 24) + 61);
    }
    RuleParameters p = RuleParameters.defaults(asOf, until.toEpochMilli());
    Dataset<Row> events = readAll(spark, dir, p).cache();

    List<String> rules =
        sorted(SqlPortCrossCheck.asImportRows(UnengagedRules.unengaged(events, p)));
    List<String> port = sorted(SqlPortCrossCheck.runPort(spark, events, p));
    assertThat(rules).as("some addresses qualify").isNotEmpty();
    assertThat(port).as("SQL port").containsExactlyElementsOf(rules);
    // The rollup route on the month-end dates and on every set whose until falls inside a day.
    if (seed < SPECIAL.length || seed % 2 == 1) {
      List<String> rollups =
          sorted(SqlPortCrossCheck.asImportRows(viaRollups(events, p, new Random(seed))));
      assertThat(rollups).as("rollup path").containsExactlyElementsOf(rules);
    }
    if (edgeCases && seed % 2 == 0) {
      assertEdgeCases(rules);
    }
    events.unpersist();
    spark.conf().set("spark.sql.shuffle.partitions", "4");
  }

  private static Dataset<Row> readAll(SparkSession spark, Path dir, RuleParameters p)
      throws Exception {
    EventFileLister lister = new EventFileLister(FileSystem.getLocal(new Configuration()));
    var listing =
        lister.list(
            new org.apache.hadoop.fs.Path(dir.toUri()),
            FolderLayout.FLAT,
            new EventFileLister.HourRange(Instant.EPOCH, Instant.EPOCH));
    return SparkEventReader.read(spark, listing.files(), ReadFilter.allTimes(p.countedTypes()))
        .events();
  }

  /** The rollup route, with roughly one day in ten missing from the rollups. */
  private static Dataset<Row> viaRollups(Dataset<Row> events, RuleParameters p, Random random) {
    Dataset<Row> daily = RollupRules.dailyAggregates(RollupRules.countedEvents(events, p.types()));
    Map<LocalDate, DayMarker> available = new TreeMap<>();
    LocalDate first = p.deliveredStartDate().minusDays(3);
    for (LocalDate d = first; !d.isAfter(p.asOf().plusDays(2)); d = d.plusDays(1)) {
      if (random.nextInt(10) != 0) {
        available.put(
            d,
            new DayMarker(
                DayMarker.FORMAT_VERSION,
                d.toString(),
                List.of("_email.click", "_email.open"),
                24,
                0,
                0,
                0,
                0,
                0,
                "user-agent",
                0,
                0,
                0,
                List.of()));
      }
    }
    RollupPlan plan = RollupPlan.of(p, available, "user-agent");
    Dataset<Row> raw =
        events.where(
            expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP))
                .isin(plan.rawEpochDays().toArray()));
    List<java.sql.Date> days = plan.rollupDays().stream().map(java.sql.Date::valueOf).toList();
    Dataset<Row> rolled = daily.where(col(RollupRules.DAY).isin(days.toArray()));
    Dataset<Row> perAddress =
        RollupRules.usablePerAddress(
            RollupRules.perAddressWithRollups(
                UnengagedRules.inWindows(raw, p), rolled, p, MachineOpenMode.COUNT));
    return UnengagedRules.selectUnengaged(perAddress, p);
  }

  /**
   * The generator's hand-written expectations for its edge-case addresses at its own as-of date.
   */
  private static void assertEdgeCases(List<String> rows) {
    Map<String, Integer> actual = new HashMap<>();
    for (String row : rows) {
      String[] f = row.split("\u0001");
      if (f[1].toLowerCase(java.util.Locale.ROOT).contains("@edge.example.com")) {
        actual.put(f[1], Integer.parseInt(f[6]));
      }
    }
    // Only the sets whose until is the default midnight carry the generator's assumptions.
    assertThat(actual).isEqualTo(EdgeCases.expectedUnengaged());
  }

  private static List<String> sorted(Dataset<Row> importRows) {
    List<String> out = new ArrayList<>();
    for (Row r : importRows.collectAsList()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        sb.append(i == 0 ? "" : "\u0001").append(r.get(i) == null ? "" : r.get(i).toString());
      }
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }
}
