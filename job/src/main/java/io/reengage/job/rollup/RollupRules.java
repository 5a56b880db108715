package io.reengage.job.rollup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.reengage.job.rules.EngagementTypes;
import io.reengage.job.rules.MachineOpenMode;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rules of SPEC.md split into a per-day part (computed once per day by {@code rollup}) and a
 * part that combines days (computed by every {@code segment --rollups}). Pure Dataset transforms.
 *
 * <p>Why this is exact: the query's DISTINCT is over (destination array, timestamp), and equal
 * timestamps fall on the same day, so de-duplicating per day is the same as de-duplicating overall.
 * The window tests compare whole seconds with a midnight, so within a day only one thing matters:
 * is the event in the day's first second (its second equals midnight and fails the strict test when
 * that day starts a window) or not. Each day's aggregates are therefore kept in two parts, first
 * second and rest, and a window that starts on a day takes only that day's rest. Counts add up and
 * minima and maxima combine, so every attribute of rule 5 is rebuilt exactly from the parts.
 *
 * <p>Machine opens: each part also keeps the engagement rows and latest engagement as if machine
 * opens had been dropped before rule 3 (see {@link UnengagedRules#distinctRows}), so one rollup
 * serves {@code --machine-opens count} and {@code ignore}.
 *
 * <p>Days are UTC days of non-negative epoch milliseconds (1970 onwards), where truncating and
 * flooring division agree.
 */
public final class RollupRules {

  public static final String DAY = "day";
  public static final String FIRST_SECOND = "first_second";
  public static final String DELIVERED_COUNT = "delivered_count";
  public static final String ENGAGEMENT_COUNT = "engagement_count";

  /** Engagement rows that would exist had machine opens been dropped before rule 3. */
  public static final String NON_MACHINE_ENGAGEMENT_COUNT = "non_machine_engagement_count";

  static final long DAY_MS = 86_400_000L;

  /** The rollup files' schema, {@code day} being the partition column of the folder names. */
  public static final org.apache.spark.sql.types.StructType DAILY_SCHEMA =
      new org.apache.spark.sql.types.StructType()
          .add(FIRST_SECOND, org.apache.spark.sql.types.DataTypes.BooleanType)
          .add(UnengagedRules.ADDRESS, org.apache.spark.sql.types.DataTypes.StringType)
          .add(DELIVERED_COUNT, org.apache.spark.sql.types.DataTypes.LongType)
          .add(UnengagedRules.MIN_DELIVERED, org.apache.spark.sql.types.DataTypes.LongType)
          .add(UnengagedRules.MAX_DELIVERED, org.apache.spark.sql.types.DataTypes.LongType)
          .add(ENGAGEMENT_COUNT, org.apache.spark.sql.types.DataTypes.LongType)
          .add(UnengagedRules.LAST_ENGAGEMENT, org.apache.spark.sql.types.DataTypes.LongType)
          .add(NON_MACHINE_ENGAGEMENT_COUNT, org.apache.spark.sql.types.DataTypes.LongType)
          .add(
              UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS,
              org.apache.spark.sql.types.DataTypes.LongType)
          .add(DAY, org.apache.spark.sql.types.DataTypes.DateType);

  /** The epoch day (UTC) of an epoch-millisecond column, as a SQL expression. */
  public static String epochDayExpression(String millisColumn) {
    return "(("
        + millisColumn
        + " - pmod("
        + millisColumn
        + ", "
        + DAY_MS
        + ")) div "
        + DAY_MS
        + ")";
  }

  private static final String TS = "_ts";

  private RollupRules() {}

  /**
   * Per UTC day, first-second flag and address: delivered rows (after the query's DISTINCT), their
   * earliest and latest timestamps, engagement rows and the latest engagement. Unusable addresses
   * are kept so that a later run can count them. {@code events} must already be limited to the
   * counted types (see {@link #countedEvents}) and to whole days.
   */
  public static Dataset<Row> dailyAggregates(Dataset<Row> events) {
    Dataset<Row> flat = UnengagedRules.flatten(UnengagedRules.distinctRows(events));
    return partials(
        flat.withColumn(
                TS,
                coalesce(
                    col(UnengagedRules.DELIVERED_TIMESTAMP),
                    col(UnengagedRules.ENGAGEMENT_TIMESTAMP)))
            .withColumn(
                DAY, expr("date_from_unix_date(cast(" + epochDayExpression(TS) + " as int))"))
            .withColumn(FIRST_SECOND, expr("pmod(" + TS + ", " + DAY_MS + ") < 1000"))
            .groupBy(col(DAY), col(FIRST_SECOND), col(UnengagedRules.ADDRESS)));
  }

  /**
   * The partial attributes of flattened rows per group: the same for a day's rollup and for raw
   * days, so that {@link #combine} can merge either.
   */
  private static Dataset<Row> partials(org.apache.spark.sql.RelationalGroupedDataset groups) {
    return groups.agg(
        count(col(UnengagedRules.DELIVERED_TIMESTAMP)).as(DELIVERED_COUNT),
        min(col(UnengagedRules.DELIVERED_TIMESTAMP)).as(UnengagedRules.MIN_DELIVERED),
        max(col(UnengagedRules.DELIVERED_TIMESTAMP)).as(UnengagedRules.MAX_DELIVERED),
        count(col(UnengagedRules.ENGAGEMENT_TIMESTAMP)).as(ENGAGEMENT_COUNT),
        max(col(UnengagedRules.ENGAGEMENT_TIMESTAMP)).as(UnengagedRules.LAST_ENGAGEMENT),
        count(col(UnengagedRules.NON_MACHINE_ENGAGEMENT_TIMESTAMP))
            .as(NON_MACHINE_ENGAGEMENT_COUNT),
        max(col(UnengagedRules.NON_MACHINE_ENGAGEMENT_TIMESTAMP))
            .as(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS));
  }

  /** Delivered events and the given engagement types, whatever their time. */
  public static Dataset<Row> countedEvents(Dataset<Row> events, EngagementTypes types) {
    return events.where(
        col(io.reengage.job.read.EventColumns.EVENT_TYPE).isin(types.counted().toArray()));
  }

  /**
   * Daily aggregates limited to the windows of {@code p}, one partial row per (day part, address):
   * a part before a window's start day contributes nothing of that kind, the start day's first
   * second contributes nothing of that kind, and later parts contribute everything. The {@code
   * until} bound is the caller's: it only passes days that end at or before it. Under {@code
   * ignore}, the engagement columns are those without machine opens, as if they had been dropped
   * before rule 3.
   */
  public static Dataset<Row> windowedPartials(
      Dataset<Row> daily, RuleParameters p, MachineOpenMode mode) {
    Column deliveredIn = partInWindow(p.deliveredStartDate().toString());
    Column engagementIn = partInWindow(p.engagementStartDate().toString());
    return partialColumns(daily, deliveredIn, engagementIn, mode);
  }

  private static Dataset<Row> partialColumns(
      Dataset<Row> rows, Column deliveredIn, Column engagementIn, MachineOpenMode mode) {
    boolean ignore = mode == MachineOpenMode.IGNORE;
    Column engagements = col(ignore ? NON_MACHINE_ENGAGEMENT_COUNT : ENGAGEMENT_COUNT);
    Column last =
        col(
            ignore
                ? UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS
                : UnengagedRules.LAST_ENGAGEMENT);
    return rows.select(
        col(UnengagedRules.ADDRESS),
        when(deliveredIn, col(DELIVERED_COUNT)).otherwise(lit(0L)).as(DELIVERED_COUNT),
        when(deliveredIn, col(UnengagedRules.MIN_DELIVERED)).as(UnengagedRules.MIN_DELIVERED),
        when(deliveredIn, col(UnengagedRules.MAX_DELIVERED)).as(UnengagedRules.MAX_DELIVERED),
        when(engagementIn, engagements).otherwise(lit(0L)).as(ENGAGEMENT_COUNT),
        when(engagementIn, last).as(UnengagedRules.LAST_ENGAGEMENT),
        when(engagementIn, col(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS))
            .as(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS));
  }

  private static Column partInWindow(String startDay) {
    Column start = expr("DATE'" + startDay + "'");
    return col(DAY)
        .gt(start)
        .or(col(DAY).equalTo(start).and(col(FIRST_SECOND).equalTo(lit(false))));
  }

  /**
   * Partial rows for raw events that already passed {@link UnengagedRules#inWindows} (and {@link
   * UnengagedRules#forMode}): the same columns as {@link #windowedPartials}, one row per address.
   */
  public static Dataset<Row> rawPartials(Dataset<Row> windowed, RuleParameters p) {
    Dataset<Row> flat = UnengagedRules.flatten(UnengagedRules.distinctRows(windowed));
    return partials(flat.groupBy(col(UnengagedRules.ADDRESS)))
        .select(
            col(UnengagedRules.ADDRESS),
            col(DELIVERED_COUNT),
            col(UnengagedRules.MIN_DELIVERED),
            col(UnengagedRules.MAX_DELIVERED),
            col(ENGAGEMENT_COUNT),
            col(UnengagedRules.LAST_ENGAGEMENT),
            col(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS));
  }

  /**
   * Rule 5's attributes (plus engagement rows) for a run that takes some days from rollups: the raw
   * events of the other days, already through {@link UnengagedRules#inWindows}, and the daily rows
   * of the rolled-up days ({@code null} when there are none).
   */
  public static Dataset<Row> perAddressWithRollups(
      Dataset<Row> rawWindowed, Dataset<Row> rolledUpDays, RuleParameters p, MachineOpenMode mode) {
    return perAddressWithRollups(rawWindowed, rolledUpDays, null, p, mode);
  }

  /**
   * As above, plus the partial rows of month aggregates ({@link #monthPartials}; {@code null} when
   * there are none).
   */
  public static Dataset<Row> perAddressWithRollups(
      Dataset<Row> rawWindowed,
      Dataset<Row> rolledUpDays,
      Dataset<Row> monthPartials,
      RuleParameters p,
      MachineOpenMode mode) {
    Dataset<Row> partials = rawPartials(rawWindowed, p);
    if (rolledUpDays != null) {
      partials = partials.unionByName(windowedPartials(rolledUpDays, p, mode));
    }
    if (monthPartials != null) {
      partials = partials.unionByName(monthPartials);
    }
    return combine(partials);
  }

  /**
   * The usable addresses of {@link #perAddressWithRollups}'s rows with rule 5's columns only, as
   * {@link UnengagedRules#perAddress} gives them for the full scan: what rule 6 and the report
   * take.
   */
  public static Dataset<Row> usablePerAddress(Dataset<Row> combined) {
    return UnengagedRules.usableAddresses(combined)
        .select(
            col(UnengagedRules.ADDRESS),
            col(UnengagedRules.MAX_DELIVERED),
            col(UnengagedRules.MIN_DELIVERED),
            col(UnengagedRules.LAST_ENGAGEMENT),
            col(UnengagedRules.NUM_DELIVERED),
            col(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS));
  }

  /**
   * How partial rows of one address merge, whatever they cover (a day part, a month, raw days):
   * counts add up, earliest and latest combine. The one list both the month aggregates and {@link
   * #combine} use, so the two cannot drift apart.
   */
  private static final List<Merge> MERGES =
      List.of(
          new Merge(DELIVERED_COUNT, Merge.SUM),
          new Merge(UnengagedRules.MIN_DELIVERED, Merge.MIN),
          new Merge(UnengagedRules.MAX_DELIVERED, Merge.MAX),
          new Merge(ENGAGEMENT_COUNT, Merge.SUM),
          new Merge(UnengagedRules.LAST_ENGAGEMENT, Merge.MAX),
          new Merge(NON_MACHINE_ENGAGEMENT_COUNT, Merge.SUM),
          new Merge(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS, Merge.MAX));

  private record Merge(String column, int how) {
    static final int SUM = 0;
    static final int MIN = 1;
    static final int MAX = 2;

    Column aggregate() {
      Column c = col(column);
      return (how == SUM ? sum(c) : how == MIN ? min(c) : max(c)).as(column);
    }
  }

  /** Merges the rows of each address over the columns of {@link #MERGES} that {@code rows} has. */
  private static Dataset<Row> merge(Dataset<Row> rows) {
    List<String> present = List.of(rows.columns());
    Column[] aggregates =
        MERGES.stream()
            .filter(m -> present.contains(m.column()))
            .map(Merge::aggregate)
            .toArray(Column[]::new);
    return rows.groupBy(col(UnengagedRules.ADDRESS))
        .agg(aggregates[0], java.util.Arrays.copyOfRange(aggregates, 1, aggregates.length));
  }

  /** The columns of a month aggregate, in file order. */
  public static final org.apache.spark.sql.types.StructType MONTH_SCHEMA =
      new org.apache.spark.sql.types.StructType(
          java.util.Arrays.stream(DAILY_SCHEMA.fields())
              .filter(f -> !f.name().equals(DAY) && !f.name().equals(FIRST_SECOND))
              .toArray(org.apache.spark.sql.types.StructField[]::new));

  /**
   * One row per address combining all daily rows of a month (both parts of every day): what a
   * compacted month keeps so that a daily run reads one row per address for it. Only valid for a
   * month that lies wholly inside or wholly outside each window (see {@link RollupSources}).
   */
  public static Dataset<Row> monthAggregates(Dataset<Row> daily) {
    return merge(daily).select(MONTH_SCHEMA.names()[0], tail(MONTH_SCHEMA.names()));
  }

  private static String[] tail(String[] names) {
    return java.util.Arrays.copyOfRange(names, 1, names.length);
  }

  /**
   * The partial rows of a month aggregate, with the same columns as {@link #windowedPartials}: each
   * kind counts wholly or not at all, as the month lies wholly inside or outside its window.
   */
  public static Dataset<Row> monthPartials(
      Dataset<Row> month, boolean deliveredIn, boolean engagementIn, MachineOpenMode mode) {
    return partialColumns(month, lit(deliveredIn), lit(engagementIn), mode);
  }

  /**
   * Combines partial rows into rule 5's per-address attributes (the columns of {@link
   * UnengagedRules#perAddress}) plus the number of engagement rows. Addresses whose parts hold
   * neither a counted delivery nor a counted engagement are dropped, as the full scan never sees
   * them.
   */
  public static Dataset<Row> combine(Dataset<Row> partials) {
    return merge(partials)
        .select(
            col(UnengagedRules.ADDRESS),
            col(UnengagedRules.MAX_DELIVERED),
            col(UnengagedRules.MIN_DELIVERED),
            col(UnengagedRules.LAST_ENGAGEMENT),
            col(DELIVERED_COUNT).as(UnengagedRules.NUM_DELIVERED),
            col(UnengagedRules.LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS),
            col(ENGAGEMENT_COUNT))
        .where(col(UnengagedRules.NUM_DELIVERED).plus(col(ENGAGEMENT_COUNT)).gt(lit(0L)));
  }
}
