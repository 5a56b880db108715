package io.reengage.job.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.reengage.job.common.ObservedMetrics;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes {@link Distributions} inside the segment's own Spark work, never by reading events
 * again.
 *
 * <p>Two parts, chosen for cost. The funnel and the histograms are observed aggregates on the
 * per-address rows ({@link #observe}): a few counters per row, taken while the segment's one job
 * runs, with no job of their own. The domains need a grouping, which an observation cannot do, so
 * {@link #collect} runs one small aggregate over the per-address rows the job has cached: a partial
 * count per domain in each cached partition, one shuffle of those partials and the top rows to the
 * driver. What it costs is that the cache holds every address rather than only the unengaged ones.
 */
public final class AddressDistributions {

  /** The boolean column marking an unengaged row, added by {@link #withUnengagedFlag}. */
  public static final String UNENGAGED = "_unengaged";

  private static final String OBSERVATION = "distributions";
  private static final String DOMAIN = "_domain";
  private static final long MS_PER_DAY = 86_400_000L;

  private final RuleParameters rules;
  private final Buckets deliveries;
  private final Buckets daysSinceDelivery;
  private final Buckets daysSinceEngagement;

  public AddressDistributions(RuleParameters rules) {
    this.rules = rules;
    this.deliveries = Buckets.deliveriesFrom(rules.minDelivered());
    this.daysSinceDelivery =
        Buckets.daysWithin(ChronoUnit.DAYS.between(rules.deliveredStartDate(), rules.asOf()));
    this.daysSinceEngagement =
        Buckets.daysWithin(ChronoUnit.DAYS.between(rules.engagementStartDate(), rules.asOf()));
  }

  /** The per-address rows with the rule-6 result as a column, for one cache serving both uses. */
  public static Dataset<Row> withUnengagedFlag(Dataset<Row> perAddress, RuleParameters rules) {
    return perAddress.withColumn(UNENGAGED, UnengagedRules.unengagedCondition(rules));
  }

  /** Only the unengaged rows, with the import's columns (rule 5's attributes). */
  public static Dataset<Row> unengagedOnly(Dataset<Row> flagged) {
    return UnengagedRules.importColumns(flagged.where(col(UNENGAGED)));
  }

  /** {@code perAddress} with the funnel and the histograms observed on the way. */
  public Dataset<Row> observe(ObservedMetrics observed, Dataset<Row> perAddress) {
    List<Column> metrics = new ArrayList<>();
    Column enough = col(UnengagedRules.NUM_DELIVERED).geq(lit((long) rules.minDelivered()));
    Column early =
        expr(UnengagedRules.MIN_DELIVERED + " div 1000").lt(lit(rules.engagementStartSeconds()));
    Column notEngaged = col(UnengagedRules.LAST_ENGAGEMENT).isNull();
    Column engaged = col(UnengagedRules.LAST_ENGAGEMENT).isNotNull();
    Column unengaged = enough.and(early).and(notEngaged);
    metrics.add(count(when(enough, 1)));
    metrics.add(count(when(enough.and(early), 1)));
    metrics.add(count(when(unengaged, 1)));
    metrics.add(count(when(engaged, 1)));
    addBuckets(metrics, deliveries, col(UnengagedRules.NUM_DELIVERED), unengaged);
    addBuckets(metrics, daysSinceDelivery, daysBefore(UnengagedRules.MAX_DELIVERED), unengaged);
    addBuckets(metrics, daysSinceEngagement, daysBefore(UnengagedRules.LAST_ENGAGEMENT), engaged);
    return observed.observe(
        perAddress,
        OBSERVATION,
        metrics.get(0),
        metrics.subList(1, metrics.size()).toArray(new Column[0]));
  }

  /**
   * After the job ran: the observed counts, and the domain aggregate over {@code flagged} (the
   * cached per-address rows with {@link #UNENGAGED}).
   */
  public Distributions collect(ObservedMetrics observed, Dataset<Row> flagged, long addresses) {
    int i = 0;
    long enough = observed.getLong(OBSERVATION, i++);
    long early = observed.getLong(OBSERVATION, i++);
    long unengaged = observed.getLong(OBSERVATION, i++);
    long engaged = observed.getLong(OBSERVATION, i++);
    List<Long> c1 = new ArrayList<>();
    for (int b = 0; b < deliveries.size(); b++) {
      c1.add(observed.getLong(OBSERVATION, i++));
    }
    List<Long> c2 = new ArrayList<>();
    for (int b = 0; b < daysSinceDelivery.size(); b++) {
      c2.add(observed.getLong(OBSERVATION, i++));
    }
    List<Long> c3 = new ArrayList<>();
    for (int b = 0; b < daysSinceEngagement.size(); b++) {
      c3.add(observed.getLong(OBSERVATION, i++));
    }
    TopDomains domains = topDomains(flagged);
    List<DomainCounts> top = domains.top();
    long topAddresses = top.stream().mapToLong(DomainCounts::addresses).sum();
    long topUnengaged = top.stream().mapToLong(DomainCounts::unengaged).sum();
    DomainCounts other =
        new DomainCounts(
            DomainCounts.OTHER,
            domains.otherDomains(),
            addresses - topAddresses,
            unengaged - topUnengaged);
    return new Distributions(
        new Distributions.Funnel(addresses, enough, early, unengaged, engaged),
        new Histogram(deliveries, c1),
        new Histogram(daysSinceDelivery, c2),
        new Histogram(daysSinceEngagement, c3),
        top,
        other);
  }

  private record TopDomains(List<DomainCounts> top, long otherDomains) {}

  /**
   * The domains with the most addresses, ties by name, and how many domains are left out (counted
   * by a second small job only when there are more than {@link Distributions#TOP_DOMAINS}).
   */
  private static TopDomains topDomains(Dataset<Row> flagged) {
    Dataset<Row> byDomain =
        flagged
            .select(domainOf(col(UnengagedRules.ADDRESS)).as(DOMAIN), col(UNENGAGED))
            .groupBy(col(DOMAIN))
            .agg(
                count(lit(1)).as("addresses"),
                sum(when(col(UNENGAGED), 1L).otherwise(0L)).as("unengaged"));
    List<Row> rows =
        byDomain
            .orderBy(desc("addresses"), col(DOMAIN))
            .limit(Distributions.TOP_DOMAINS + 1)
            .collectAsList();
    List<DomainCounts> top = new ArrayList<>();
    for (int r = 0; r < Math.min(rows.size(), Distributions.TOP_DOMAINS); r++) {
      Row row = rows.get(r);
      top.add(new DomainCounts(row.getString(0), 1, row.getLong(1), row.getLong(2)));
    }
    long others =
        rows.size() > Distributions.TOP_DOMAINS ? byDomain.count() - Distributions.TOP_DOMAINS : 0;
    return new TopDomains(top, others);
  }

  /**
   * The lower-cased domain after the last {@code @}, or {@link DomainCounts#NO_DOMAIN}: never the
   * whole string, which for an address without {@code @} would be the local part.
   */
  public static Column domainOf(Column address) {
    Column domain = lower(trim(substring_index(address, "@", -1)));
    return when(address.contains("@").and(length(domain).gt(0)), domain)
        .otherwise(lit(DomainCounts.NO_DOMAIN));
  }

  /** Whole UTC days from the timestamp's day to the as-of date; a later timestamp counts 0. */
  private Column daysBefore(String millisColumn) {
    long asOfDay = rules.asOf().toEpochDay();
    return greatest(
        lit(0L), lit(asOfDay).minus(expr("floor(" + millisColumn + " / " + MS_PER_DAY + ")")));
  }

  private static void addBuckets(List<Column> metrics, Buckets b, Column value, Column where) {
    for (int i = 0; i < b.size(); i++) {
      Column in = value.geq(lit(b.lower(i)));
      if (b.upper(i) != null) {
        in = in.and(value.leq(lit(b.upper(i))));
      }
      if (i == 0) {
        in = value.leq(lit(b.upper(i) == null ? Long.MAX_VALUE : b.upper(i)));
      }
      metrics.add(count(when(where.and(in), 1)));
    }
  }
}
