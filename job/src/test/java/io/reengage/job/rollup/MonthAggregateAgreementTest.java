package io.reengage.job.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.cli.MainAccess;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Month aggregates through the real CLI on the test data, whose events sit on both window start
 * days and the days before them: a month answered by its aggregate where it cannot answer exactly
 * (the month holding a window's start day, a month with a day read raw) changes the rows or the
 * hand-derived counts below, and each aggregated month adds at most one row per address.
 */
class MonthAggregateAgreementTest {

  static final Path EVENTS = RollupAgreementTest.EVENTS;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path rollups;

  @BeforeAll
  static void rollUpTheTestdata() throws Exception {
    SparkTestSession.get();
    rollups = tmp.resolve("rollups");
    assertThat(
            MainAccess.run(
                "rollup",
                "--events",
                EVENTS.toString(),
                "--rollups",
                rollups.toString(),
                "--from",
                "2025-10-01",
                "--to",
                "2026-09-02",
                "--chunk-days",
                "366"))
        .isZero();
  }

  static List<String> segment(String name, String... extra) throws Exception {
    Path out = tmp.resolve(name);
    String[] base = {"segment", "--events", EVENTS.toString(), "--out", out.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    assertThat(MainAccess.run(args)).isZero();
    return ImportFolder.sortedRows(out.resolve("import"));
  }

  static JsonNode rollupSummary(String name) throws Exception {
    return JSON.readTree(tmp.resolve(name).resolve("summary.json").toFile()).get("rollups");
  }

  @Test
  void wholeMonthsFromAggregates_windowStartMonthsFromDays_sameRowsAsTheFullScan()
      throws Exception {
    for (String mode : new String[] {"count", "ignore"}) {
      List<String> full = segment("full-" + mode, "--as-of", "2026-08-31", "--machine-opens", mode);
      List<String> rolled =
          segment(
              "rolled-" + mode,
              "--as-of",
              "2026-08-31",
              "--machine-opens",
              mode,
              "--rollups",
              rollups.toString());
      assertThat(rolled).as(mode).isNotEmpty().containsExactlyElementsOf(full);
    }
    JsonNode r = rollupSummary("rolled-count");
    // Windows from 2025-10-31 (deliveries) and 2026-02-28 (engagement): October and February hold
    // a start day and come from their days; November to January and March to August come from
    // their aggregates: 30 + 31 + 31 + 31 + 30 + 31 + 30 + 31 + 31 = 276 days of 305.
    assertThat(r.get("rollupDays").asInt()).isEqualTo(305);
    assertThat(r.get("monthAggregates").asInt()).isEqualTo(9);
    assertThat(r.get("daysFromMonthAggregates").asInt()).isEqualTo(276);
    assertThat(r.get("daysFromCompactedMonths").asInt()).isEqualTo(305);
  }

  @Test
  void anUntilInsideTheLastMonth_andAnotherAsOf_stillTheSameRows() throws Exception {
    String until = "2026-08-31T13:37:00Z";
    List<String> full = segment("full-until", "--as-of", "2026-08-31", "--until", until);
    List<String> rolled =
        segment(
            "rolled-until",
            "--as-of",
            "2026-08-31",
            "--until",
            until,
            "--rollups",
            rollups.toString());
    assertThat(rolled).isNotEmpty().containsExactlyElementsOf(full);
    // August holds the raw day of until: it comes from its days, 245 days from 8 aggregates.
    assertThat(rollupSummary("rolled-until").get("monthAggregates").asInt()).isEqualTo(8);
    assertThat(rollupSummary("rolled-until").get("daysFromMonthAggregates").asInt()).isEqualTo(245);

    // As-of 2026-06-30: deliveries from 2025-08-30 (August and September 2025 are not rolled up),
    // engagement from 2025-12-30: December holds that start day; October, November and January
    // to June come from their aggregates.
    List<String> fullJune = segment("full-june", "--as-of", "2026-06-30");
    List<String> rolledJune =
        segment("rolled-june", "--as-of", "2026-06-30", "--rollups", rollups.toString());
    assertThat(rolledJune).isNotEmpty().containsExactlyElementsOf(fullJune);
    assertThat(rollupSummary("rolled-june").get("monthAggregates").asInt()).isEqualTo(8);
  }

  @Test
  void eachAggregatedMonth_addsAtMostOneRowPerAddress() throws Exception {
    segment("rolled-rows", "--as-of", "2026-08-31", "--rollups", rollups.toString());
    JsonNode r = rollupSummary("rolled-rows");
    SparkSession spark = SparkTestSession.get();
    long expected = 0;
    long dayRowsOfThoseMonths = 0;
    for (String month :
        new String[] {
          "2025-11", "2025-12", "2026-01", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07",
          "2026-08"
        }) {
      YearMonth m = YearMonth.parse(month);
      // Counted from the days' own files, independently of the aggregate.
      List<String> dayFolders = new java.util.ArrayList<>();
      for (int d = 1; d <= m.lengthOfMonth(); d++) {
        dayFolders.add(rollups.resolve("day=" + m.atDay(d)).toString());
      }
      var days =
          spark
              .read()
              .schema(RollupRules.DAILY_SCHEMA)
              .option("basePath", rollups.toString())
              .parquet(dayFolders.toArray(new String[0]));
      long addresses = days.select(UnengagedRules.ADDRESS).distinct().count();
      long aggregateRows =
          spark
              .read()
              .parquet(rollups.resolve("month=" + month).resolve("aggregate").toString())
              .count();
      assertThat(aggregateRows).as(month).isEqualTo(addresses);
      expected += addresses;
      dayRowsOfThoseMonths += days.count();
    }
    assertThat(r.get("rowsFromMonthAggregates").asLong()).isEqualTo(expected);
    assertThat(expected).isLessThan(dayRowsOfThoseMonths);
  }
}
