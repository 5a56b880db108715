package io.reengage.job.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.reengage.contract.UnusableAddress;
import io.reengage.job.read.EventColumns;
import java.util.ArrayList;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rules of SPEC.md as pure Dataset transforms, one per step of the Athena query, in its order.
 *
 * <p>No I/O happens here; every function takes a Dataset and the {@link RuleParameters} and returns
 * a new Dataset. {@link #unengaged} chains them all. Column names follow the query's CTEs so the
 * two can be read side by side.
 */
public final class UnengagedRules {

  public static final String DELIVERED_TIMESTAMP = "delivered_timestamp";
  public static final String ENGAGEMENT_TIMESTAMP = "engagement_timestamp";
  public static final String ADDRESS = "emailaddress";
  public static final String MAX_DELIVERED = "max_delivered_timestamp";
  public static final String MIN_DELIVERED = "min_delivered_timestamp";
  public static final String LAST_ENGAGEMENT = "last_engagement";
  public static final String NUM_DELIVERED = "num_delivered";

  /**
   * Per DISTINCT engagement row: its timestamp when at least one of the events it stands for is not
   * a machine open, else NULL. It is what the row would be had machine opens been dropped before
   * rule 3.
   */
  public static final String NON_MACHINE_ENGAGEMENT_TIMESTAMP = "non_machine_engagement_timestamp";

  /** Per address: {@link #LAST_ENGAGEMENT} as if machine opens had been dropped before rule 3. */
  public static final String LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS =
      "last_engagement_excluding_machine_opens";

  private UnengagedRules() {}

  /**
   * Looks at the Datasets between the steps, to count what passes (with {@link Dataset#observe})
   * without changing the rows. Each hook returns its argument, or the argument observed.
   */
  public interface Observer {

    /** Does not look. */
    Observer NONE = new Observer() {};

    /** The events of rules 1 and 2 (in the windows, before {@code until}). */
    default Dataset<Row> windowed(Dataset<Row> windowed) {
      return windowed;
    }

    /** Rule 4's rows, one per destination element, before unusable addresses are dropped. */
    default Dataset<Row> flattened(Dataset<Row> flat) {
      return flat;
    }

    /** Rule 5's rows, one per usable address. */
    default Dataset<Row> perAddress(Dataset<Row> perAddress) {
      return perAddress;
    }
  }

  /** Every step from parsed events to the unengaged addresses, machine opens counted. */
  public static Dataset<Row> unengaged(Dataset<Row> events, RuleParameters p) {
    return unengaged(events, p, MachineOpenMode.COUNT, Observer.NONE);
  }

  /** Every step from parsed events to the unengaged addresses, in the given machine-open mode. */
  public static Dataset<Row> unengaged(
      Dataset<Row> events, RuleParameters p, MachineOpenMode mode) {
    return unengaged(events, p, mode, Observer.NONE);
  }

  /** {@link #unengaged(Dataset, RuleParameters)}, with the steps shown to {@code observer}. */
  public static Dataset<Row> unengaged(Dataset<Row> events, RuleParameters p, Observer observer) {
    return unengaged(events, p, MachineOpenMode.COUNT, observer);
  }

  /**
   * Every step, in the given machine-open mode, with the steps shown to {@code observer}. The
   * observer sees the windowed events before machine opens are dropped, so it can count them.
   */
  public static Dataset<Row> unengaged(
      Dataset<Row> events, RuleParameters p, MachineOpenMode mode, Observer observer) {
    return selectUnengaged(perAddress(events, p, mode, observer), p);
  }

  /** Rules 1 to 5: every usable address with its attributes, before rule 6 selects. */
  public static Dataset<Row> perAddress(
      Dataset<Row> events, RuleParameters p, MachineOpenMode mode, Observer observer) {
    Dataset<Row> joined = distinctRows(forMode(observer.windowed(inWindows(events, p)), mode));
    Dataset<Row> flat = observer.flattened(flatten(joined));
    return observer.perAddress(perAddress(usableAddresses(flat)));
  }

  /**
   * Machine opens option (SPEC.md "Machine opens"): with {@code ignore}, events whose {@code
   * machine_open} column is true are dropped here, before rule 3; with {@code count}, all are kept.
   * The reader sets that column for opens only, so clicks always count.
   */
  public static Dataset<Row> forMode(Dataset<Row> events, MachineOpenMode mode) {
    return mode == MachineOpenMode.IGNORE ? events.where(not(isMachineOpen())) : events;
  }

  /** True for an event the reader classified as a machine open. */
  public static Column isMachineOpen() {
    return col(EventColumns.MACHINE_OPEN);
  }

  /**
   * Rules 1 and 2 (and the {@code until} bound): keep deliveries whose arrival second is strictly
   * after the delivered window's start, and engagements strictly after the engagement window's
   * start. The second is {@code arrival_timestamp div 1000}, integer division truncating toward
   * zero, as in the query's {@code from_unixtime(arrival_timestamp/1000)}.
   */
  public static Dataset<Row> inWindows(Dataset<Row> events, RuleParameters p) {
    Column type = col(EventColumns.EVENT_TYPE);
    Column second = expr(EventColumns.ARRIVAL_TIMESTAMP + " div 1000");
    Column delivered =
        type.equalTo(lit(RuleParameters.DELIVERED)).and(second.gt(lit(p.deliveredStartSeconds())));
    Column engaged =
        type.isin(new ArrayList<Object>(p.engagementTypes()).toArray())
            .and(second.gt(lit(p.engagementStartSeconds())));
    Column beforeUntil = col(EventColumns.ARRIVAL_TIMESTAMP).lt(lit(p.untilMillis()));
    return events.where(delivered.or(engaged).and(beforeUntil));
  }

  /**
   * Rule 3: the query's {@code UNION} of delivered rows {@code (destination, ts, NULL)} and
   * engagement rows {@code (destination, NULL, ts)}, which is DISTINCT. Equal arrays (same
   * elements, same order) with the same millisecond collapse to one row; an open and a click with
   * the same array and millisecond are one engagement row.
   *
   * <p>The DISTINCT is a grouping that also keeps {@link #NON_MACHINE_ENGAGEMENT_TIMESTAMP}: the
   * row's timestamp if any of its events is not a machine open. The rows are exactly the query's;
   * the extra column answers, in the same pass, what the row would be under {@code ignore} (it
   * exists there only where that column is not NULL).
   */
  public static Dataset<Row> distinctRows(Dataset<Row> windowed) {
    Column ts = col(EventColumns.ARRIVAL_TIMESTAMP);
    Column isDelivered = col(EventColumns.EVENT_TYPE).equalTo(lit(RuleParameters.DELIVERED));
    return windowed
        .select(
            col(EventColumns.DESTINATION),
            when(isDelivered, ts).as(DELIVERED_TIMESTAMP),
            when(not(isDelivered), ts).as(ENGAGEMENT_TIMESTAMP),
            when(not(isDelivered).and(not(isMachineOpen())), ts).as("_non_machine"))
        .groupBy(col(EventColumns.DESTINATION), col(DELIVERED_TIMESTAMP), col(ENGAGEMENT_TIMESTAMP))
        .agg(max(col("_non_machine")).as(NON_MACHINE_ENGAGEMENT_TIMESTAMP));
  }

  /**
   * Rule 4: one row per element of the destination array, in order; a repeated address yields a row
   * per occurrence, and a NULL or empty array yields none (as {@code CROSS JOIN UNNEST}).
   */
  public static Dataset<Row> flatten(Dataset<Row> joined) {
    return joined.select(
        explode(col(EventColumns.DESTINATION)).as(ADDRESS),
        col(DELIVERED_TIMESTAMP),
        col(ENGAGEMENT_TIMESTAMP),
        col(NON_MACHINE_ENGAGEMENT_TIMESTAMP));
  }

  /**
   * Rows whose address Pinpoint could never import: NULL, empty or whitespace only (a deviation).
   */
  public static Column unusableAddress() {
    return isUnusable(col(ADDRESS));
  }

  /** True for a NULL, empty or whitespace-only address, as {@link UnusableAddress#test}. */
  public static Column isUnusable(Column address) {
    // The regex, not a UDF calling the Java test: Spark evaluates it without leaving its own
    // expressions, and a test in the contract module proves the two agree on every character.
    return address.isNull().or(address.rlike(UnusableAddress.REGEX));
  }

  /** Drops the unusable addresses (SPEC deviation "Unusable addresses"); the shell counts them. */
  public static Dataset<Row> usableAddresses(Dataset<Row> flat) {
    return flat.where(not(unusableAddress()));
  }

  /**
   * Rule 5: per address (exact, case-sensitive string), the latest and earliest delivery, the
   * latest engagement, and the number of delivery rows; and the latest engagement that is not
   * (only) machine opens, for the summary's {@code unengagedIgnoringMachineOpens}.
   */
  public static Dataset<Row> perAddress(Dataset<Row> flat) {
    return flat.groupBy(col(ADDRESS))
        .agg(
            max(col(DELIVERED_TIMESTAMP)).as(MAX_DELIVERED),
            min(col(DELIVERED_TIMESTAMP)).as(MIN_DELIVERED),
            max(col(ENGAGEMENT_TIMESTAMP)).as(LAST_ENGAGEMENT),
            count(col(DELIVERED_TIMESTAMP)).as(NUM_DELIVERED),
            max(col(NON_MACHINE_ENGAGEMENT_TIMESTAMP)).as(LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS));
  }

  /**
   * Rule 6: no engagement in the window, first delivery (by its second) strictly before the start
   * of the engagement window, and at least {@code minDelivered} deliveries. Returns the five
   * columns of the import (address and rule 5's attributes).
   */
  public static Dataset<Row> selectUnengaged(Dataset<Row> perAddress, RuleParameters p) {
    return importColumns(perAddress.where(unengagedCondition(p)));
  }

  /** The five columns of the import (address and rule 5's attributes), in the CSV's order. */
  public static Dataset<Row> importColumns(Dataset<Row> perAddress) {
    return perAddress.select(
        col(ADDRESS),
        col(MAX_DELIVERED),
        col(MIN_DELIVERED),
        col(LAST_ENGAGEMENT),
        col(NUM_DELIVERED));
  }

  /** Rule 6 as a condition on the per-address columns of rule 5. */
  public static Column unengagedCondition(RuleParameters p) {
    return isUnengaged(col(LAST_ENGAGEMENT), p);
  }

  /**
   * Rule 6 on a row of {@link #perAddress} as if machine opens had been ignored: true for the
   * addresses the segment would hold under {@code --machine-opens ignore}. Under {@code ignore}
   * itself it is rule 6.
   */
  public static Column unengagedIgnoringMachineOpens(RuleParameters p) {
    return isUnengaged(col(LAST_ENGAGEMENT_EXCLUDING_MACHINE_OPENS), p);
  }

  private static Column isUnengaged(Column lastEngagement, RuleParameters p) {
    return lastEngagement
        .isNull()
        .and(expr(MIN_DELIVERED + " div 1000").lt(lit(p.engagementStartSeconds())))
        .and(col(NUM_DELIVERED).geq(lit((long) p.minDelivered())));
  }
}
