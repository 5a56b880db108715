package io.reengage.job.common;

import io.reengage.job.spark.internal.SparkInternals;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * Counts taken along the way of a query ({@link Dataset#observe}) and read after its action.
 *
 * <p>Counting a Dataset in a job of its own means caching it or computing it twice; an observation
 * aggregates while the one job runs. Spark's own {@code Observation} waits without a time limit for
 * metrics that never come when the optimizer removed the observed node (SPARK-54620), so this class
 * works around that bug: it collects the metrics itself and fails with a message instead of
 * hanging. Once the fix is in the Spark that EMR ships, {@code Observation} replaces this class.
 * Names are made unique per instance, so two jobs in one session cannot read each other's counts.
 * Query listeners are called from Spark's listener bus after the action returns; {@link
 * SparkInternals#awaitListenerBus} (Spark-internal API) lets {@link #get} wait for them.
 */
public final class ObservedMetrics implements QueryExecutionListener, AutoCloseable {

  private static final long LISTENER_WAIT_MS = 60_000;

  private final SparkSession spark;
  private final String prefix = "reengage-" + UUID.randomUUID() + "-";
  private final Map<String, Row> metrics = new ConcurrentHashMap<>();

  public ObservedMetrics(SparkSession spark) {
    this.spark = spark;
    keepObservationsOfEmptyStages(spark);
    spark.listenerManager().register(this);
  }

  /**
   * Adaptive execution replaces a subtree whose shuffle stage came out empty with an empty
   * relation, observations included, and then their metrics are never reported (a run whose windows
   * hold no events would fail). Excluding that one rule keeps the observations; an empty stage
   * costs little.
   */
  private static void keepObservationsOfEmptyStages(SparkSession spark) {
    String key = "spark.sql.adaptive.optimizer.excludedRules";
    String rule = "org.apache.spark.sql.execution.adaptive.AQEPropagateEmptyRelation";
    String current = spark.conf().get(key, "");
    if (!java.util.Arrays.asList(current.split(",")).contains(rule)) {
      spark.conf().set(key, current.isBlank() ? rule : current + "," + rule);
    }
  }

  /** {@code dataset} with the given aggregates observed under {@code name}. */
  public Dataset<Row> observe(Dataset<Row> dataset, String name, Column metric, Column... more) {
    return dataset.observe(prefix + name, metric, more);
  }

  /** The observed aggregates, in the order given to {@link #observe}, after an action ran them. */
  public Row get(String name) {
    try {
      SparkInternals.awaitListenerBus(spark.sparkContext(), LISTENER_WAIT_MS);
    } catch (TimeoutException e) {
      // fall through: the metrics may still have arrived
    }
    Row row = metrics.get(prefix + name);
    if (row == null) {
      throw new IllegalStateException(
          "Spark reported no '" + name + "' metrics for the finished query (an internal error)");
    }
    return row;
  }

  /** Long value {@code i} of the observation {@code name}; an aggregate over no rows counts 0. */
  public long getLong(String name, int i) {
    Row row = get(name);
    return row.isNullAt(i) ? 0 : row.getLong(i);
  }

  @Override
  public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
    scala.collection.Iterator<scala.Tuple2<String, Row>> it = qe.observedMetrics().iterator();
    while (it.hasNext()) {
      scala.Tuple2<String, Row> entry = it.next();
      if (entry._1().startsWith(prefix)) {
        metrics.put(entry._1(), entry._2());
      }
    }
  }

  @Override
  public void onFailure(String funcName, QueryExecution qe, Exception exception) {
    // the action's own exception reaches the caller
  }

  @Override
  public void close() {
    spark.listenerManager().unregister(this);
  }
}
