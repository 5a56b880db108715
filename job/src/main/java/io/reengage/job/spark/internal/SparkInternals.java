package io.reengage.job.spark.internal;

import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Every call the job makes into Spark-internal API, in one place. These are not part of Spark's
 * public contract: they are stable across 3.x and the Spark version is pinned (the parent pom), and
 * the reader and summary tests exercise each of them. Upgrading Spark means reviewing this class.
 *
 * <p>What replaces each in Spark 4 (where {@code SparkSession} splits into the Connect-compatible
 * API and {@code org.apache.spark.sql.classic}):
 *
 * <ul>
 *   <li>{@link #dataFrameOf}: {@code internalCreateDataFrame} moves to the classic session and
 *       stays internal; the public way to hand Spark internal rows is a DataSource V2 source
 *       ({@code TableProvider}, {@code Scan}, {@code PartitionReader<InternalRow>}), which also
 *       works in 3.5 and is the replacement to write.
 *   <li>{@link #row}, {@link #string}, {@link #stringArray}: the catalyst row and value classes are
 *       what a DataSource V2 {@code PartitionReader} returns too, so they stay, behind the same
 *       caveat.
 *   <li>{@link #awaitListenerBus}: no public equivalent; Spark's {@code Observation} (public since
 *       3.3) replaces the listener that needs it once SPARK-54620 is fixed (see {@code
 *       ObservedMetrics}), and the scan-stage timer can read the stage times from the status store
 *       after the job instead.
 * </ul>
 */
public final class SparkInternals {

  private SparkInternals() {}

  /** A DataFrame over rows already in Spark's internal form, without converting them again. */
  public static Dataset<Row> dataFrameOf(
      SparkSession spark, RDD<InternalRow> rows, StructType schema) {
    return spark.internalCreateDataFrame(rows, schema, false);
  }

  /** An internal row of the given values (internal value types: UTF8String, ArrayData, long...). */
  public static InternalRow row(Object... values) {
    return new GenericInternalRow(values);
  }

  /** A string in Spark's internal form. */
  public static UTF8String string(String value) {
    return UTF8String.fromString(value);
  }

  /** An array of internal values, here {@link #string}s or nulls; the array is not copied. */
  public static ArrayData stringArray(Object[] elements) {
    return new GenericArrayData(elements);
  }

  /**
   * Waits until Spark's listener bus has delivered every event posted so far: query and stage
   * listeners run on the bus's thread, after the action that caused them has returned.
   */
  public static void awaitListenerBus(SparkContext context, long timeoutMillis)
      throws TimeoutException {
    context.listenerBus().waitUntilEmpty(timeoutMillis);
  }
}
