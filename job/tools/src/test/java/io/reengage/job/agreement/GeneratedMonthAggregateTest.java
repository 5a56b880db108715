package io.reengage.job.agreement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.crosscheck.SqlPortCrossCheck;
import io.reengage.job.generate.EventGenerator;
import io.reengage.job.generate.GeneratorSettings;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFileLister;
import io.reengage.job.read.FolderLayout;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rollup.DayMarker;
import io.reengage.job.rollup.MonthMarker;
import io.reengage.job.rollup.RollupPlan;
import io.reengage.job.rollup.RollupRules;
import io.reengage.job.rollup.RollupSources;
import io.reengage.job.rules.MachineOpenMode;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * On generated data sets (with the generator's window-edge cases), the rollup route with month
 * aggregates gives the full scan's rows in both machine-open modes, and combines at most one row
 * per address for each month answered by its aggregate. Month aggregates are built from the days'
 * rows as {@code rollup} builds them, and chosen by {@link RollupSources} as {@code segment} does.
 */
class GeneratedMonthAggregateTest {

  /**
   * A 29 February (whole days), and window starts on the 1st with an {@code until} inside the as-of
   * day. Two sets keep CI short; month ends and mid-month as-of dates are covered on testdata by
   * {@code MonthAggregateAgreementTest}.
   */
  static final String[] AS_OF = {"2024-02-29", "2026-09-01"};

  @TempDir static Path tmp;

  static Stream<Arguments> dataSets() {
    List<Arguments> sets = new ArrayList<>();
    for (int i = 0; i < AS_OF.length; i++) {
      sets.add(Arguments.of(i, LocalDate.parse(AS_OF[i])));
    }
    return sets.stream();
  }

  @ParameterizedTest(name = "data set {0}, as-of {1}")
  @MethodSource("dataSets")
  void monthAggregatesGiveTheFullScansRows(int seed, LocalDate asOf) throws Exception {
    SparkSession spark = SparkTestSession.get();
    spark.conf().set("spark.sql.shuffle.partitions", "2");
    Path dir = tmp.resolve("set-" + seed);
    new EventGenerator(
            GeneratorSettings.builder(asOf)
                .addresses(40)
                .days(330)
                .daysAfter(2)
                .eventsPerDay(30)
                .seed(100 + seed)
                .edgeCases(true)
                .duplicateRate(0.03)
                .bufferSeconds(86400)
                .build())
        .threads(2)
        .generate(dir);
    // Odd sets end at a time of day, so the last month holds a raw day.
    Instant until = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (seed % 2 == 1) {
      until = asOf.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600L * 7 + 13);
    }
    RuleParameters p = RuleParameters.defaults(asOf, until.toEpochMilli());
    Dataset<Row> events = readAll(spark, dir, p).cache();
    Dataset<Row> daily =
        RollupRules.dailyAggregates(RollupRules.countedEvents(events, p.types())).cache();

    // Every day rolled up but one in the middle of the delivered-only months, read raw instead.
    Map<LocalDate, DayMarker> available = new TreeMap<>();
    LocalDate missing = p.deliveredStartDate().plusMonths(2).withDayOfMonth(10);
    for (LocalDate d = p.deliveredStartDate().minusDays(40);
        !d.isAfter(p.asOf().plusDays(2));
        d = d.plusDays(1)) {
      if (!d.equals(missing)) {
        available.put(d, marker(d));
      }
    }
    RollupPlan plan = RollupPlan.of(p, available, "user-agent");
    Map<YearMonth, MonthMarker> months = new TreeMap<>();
    for (DayMarker d : available.values()) {
      YearMonth m = YearMonth.from(d.date());
      List<DayMarker> days = new ArrayList<>();
      for (LocalDate x = m.atDay(1); !x.isAfter(m.atEndOfMonth()); x = x.plusDays(1)) {
        if (available.containsKey(x)) {
          days.add(available.get(x));
        }
      }
      boolean whole = days.size() == m.lengthOfMonth();
      months.put(
          m,
          new MonthMarker(
              MonthMarker.FORMAT_VERSION,
              m.toString(),
              days,
              List.of("copies"),
              0,
              0,
              whole ? List.of("aggregate") : List.of(),
              0,
              0));
    }
    RollupSources sources =
        RollupSources.choose(
            plan.rollupMarkers(), months, p.deliveredStartDate(), p.engagementStartDate());
    assertThat(sources.aggregates()).as("some months answer from their aggregate").isNotEmpty();
    assertThat(sources.aggregates())
        .as("the month with a raw day")
        .doesNotContainKey(YearMonth.from(missing));

    Dataset<Row> raw =
        events.where(
            expr(RollupRules.epochDayExpression(EventColumns.ARRIVAL_TIMESTAMP))
                .isin(plan.rawEpochDays().toArray()));
    List<java.sql.Date> dayRowDays = new ArrayList<>();
    sources.dailyDays().forEach(d -> dayRowDays.add(java.sql.Date.valueOf(d.date())));
    sources
        .compacted()
        .values()
        .forEach(part -> part.days().forEach(d -> dayRowDays.add(java.sql.Date.valueOf(d))));
    Dataset<Row> dayRows = daily.where(col(RollupRules.DAY).isin(dayRowDays.toArray()));

    long aggregateRows = 0;
    for (MachineOpenMode mode : MachineOpenMode.values()) {
      Dataset<Row> monthPartials = null;
      aggregateRows = 0;
      for (RollupSources.AggregatePart part : sources.aggregates().values()) {
        YearMonth m = part.month().yearMonth();
        Dataset<Row> ofMonth =
            daily.where(
                col(RollupRules.DAY)
                    .between(
                        java.sql.Date.valueOf(m.atDay(1)),
                        java.sql.Date.valueOf(m.atEndOfMonth())));
        Dataset<Row> aggregate = RollupRules.monthAggregates(ofMonth);
        long rows = aggregate.count();
        assertThat(rows)
            .as("one row per address of " + m)
            .isEqualTo(ofMonth.select(UnengagedRules.ADDRESS).distinct().count());
        aggregateRows += rows;
        Dataset<Row> partials =
            RollupRules.monthPartials(aggregate, part.deliveredIn(), part.engagementIn(), mode);
        monthPartials = monthPartials == null ? partials : monthPartials.unionByName(partials);
      }
      Dataset<Row> perAddress =
          RollupRules.usablePerAddress(
              RollupRules.perAddressWithRollups(
                  UnengagedRules.forMode(UnengagedRules.inWindows(raw, p), mode),
                  dayRows,
                  monthPartials,
                  p,
                  mode));
      List<String> viaMonths =
          sorted(SqlPortCrossCheck.asImportRows(UnengagedRules.selectUnengaged(perAddress, p)));
      List<String> full =
          sorted(SqlPortCrossCheck.asImportRows(UnengagedRules.unengaged(events, p, mode)));
      assertThat(full).as("some addresses qualify").isNotEmpty();
      assertThat(viaMonths).as(mode.toString()).containsExactlyElementsOf(full);
    }
    // The aggregated months would otherwise have combined one row per address and day part.
    long dayRowsOfAggregatedMonths = 0;
    for (YearMonth m : sources.aggregates().keySet()) {
      dayRowsOfAggregatedMonths +=
          daily
              .where(
                  col(RollupRules.DAY)
                      .between(
                          java.sql.Date.valueOf(m.atDay(1)),
                          java.sql.Date.valueOf(m.atEndOfMonth())))
              .count();
    }
    assertThat(aggregateRows).isLessThanOrEqualTo(40L * 2 * sources.aggregates().size());
    assertThat(aggregateRows).isLessThan(dayRowsOfAggregatedMonths);
    daily.unpersist();
    events.unpersist();
    spark.conf().set("spark.sql.shuffle.partitions", "4");
  }

  static DayMarker marker(LocalDate d) {
    return new DayMarker(
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
        List.of());
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

  private static List<String> sorted(Dataset<Row> importRows) {
    List<String> out = new ArrayList<>();
    for (Row r : importRows.collectAsList()) {
      out.add(r.mkString("\u0001"));
    }
    out.sort(null);
    return out;
  }
}
