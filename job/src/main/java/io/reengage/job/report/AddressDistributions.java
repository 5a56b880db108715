package io.reengage.job.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Computes {@link Distributions} inside the segment's own Spark work, never by reading events
 * again.
 *
 * <p>Two parts, chosen for cost. The funnel and the histograms are observed aggregates on the
 * per-address rows ({@link #observe}): a few counters per row, taken while the segment's one job
 * runs. The domains need a grouping, which an observation cannot do, so the segment's one job ends
 * in it: {@link #topDomains} groups the per-address rows by domain (a partial count per domain in
 * each partition, one shuffle of those partials), and each partition of the grouped rows sends the
 * driver only its top domains and its counts ({@link TopDomains}), from which the driver also takes
 * the number of unengaged addresses. The job caches the per-address rows, so that the writer reads
 * the unengaged ones from that cache: what the domains cost is that the cache holds every address
 * rather than only the unengaged ones, and one small shuffle.
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
   * The action of the segment's one job: over {@code flagged} (the per-address rows with {@link
   * #UNENGAGED}), the domains with the most addresses, one more than {@link
   * Distributions#TOP_DOMAINS} (so that {@link #collect} knows whether any is left out), the number
   * of domains and the number of unengaged addresses.
   */
  public static TopDomains topDomains(Dataset<Row> flagged) {
    int size = Distributions.TOP_DOMAINS + 1;
    List<TopDomains> partitions =
        flagged
            .select(domainOf(col(UnengagedRules.ADDRESS)).as(DOMAIN), col(UNENGAGED))
            .groupBy(col(DOMAIN))
            .agg(
                count(lit(1)).as("addresses"),
                sum(when(col(UNENGAGED), 1L).otherwise(0L)).as("unengaged"))
            .mapPartitions(
                (MapPartitionsFunction<Row, TopDomains>)
                    rows -> List.of(TopDomains.of(new DomainRows(rows), size)).iterator(),
                Encoders.javaSerialization(TopDomains.class))
            .collectAsList();
    TopDomains all = TopDomains.of(Collections.emptyIterator(), size);
    for (TopDomains p : partitions) {
      all = all.merge(p);
    }
    return all;
  }

  /** The grouped rows as {@link TopDomains.Domain}s. */
  private record DomainRows(Iterator<Row> rows) implements Iterator<TopDomains.Domain> {
    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public TopDomains.Domain next() {
      Row r = rows.next();
      return new TopDomains.Domain(r.getString(0), r.getLong(1), r.getLong(2));
    }
  }

  /** After {@link #topDomains} ran: the observed counts and the domains it found. */
  public Distributions collect(ObservedMetrics observed, TopDomains domains, long addresses) {
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
    List<DomainCounts> top =
        domains.top().stream()
            .limit(Distributions.TOP_DOMAINS)
            .map(d -> new DomainCounts(d.name(), 1, d.addresses(), d.unengaged()))
            .toList();
    long topAddresses = top.stream().mapToLong(DomainCounts::addresses).sum();
    long topUnengaged = top.stream().mapToLong(DomainCounts::unengaged).sum();
    DomainCounts other =
        new DomainCounts(
            DomainCounts.OTHER,
            domains.domains() - top.size(),
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
