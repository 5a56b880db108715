package io.reengage.job.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.reengage.contract.ImportRowComparison;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares two sets of import rows as multisets, in Spark, as {@link ImportRowComparison} defines
 * it (row order never matters; a duplicated row must be duplicated on both sides).
 *
 * <p>Rows only in {@code expected} are missing, rows only in {@code actual} are extra. A missing
 * and an extra row with the same {@code Id} are one <em>differing</em> row (the address is there,
 * its attributes are not the same) and are counted only as differing.
 */
public final class ImportComparison {

  /**
   * The rows of {@link #compare}: the differences, with a {@code side} column (missing or extra).
   */
  public record Outcome(ImportRowComparison.Result result, Dataset<Row> differences) {}

  private ImportComparison() {}

  public static Outcome compare(Dataset<Row> expected, Dataset<Row> actual) {
    Dataset<Row> missing = expected.exceptAll(actual).withColumn("side", lit("missing")).cache();
    Dataset<Row> extra = actual.exceptAll(expected).withColumn("side", lit("extra")).cache();
    long missingRows = missing.count();
    long extraRows = extra.count();
    long differing = 0;
    if (missingRows > 0 && extraRows > 0) {
      // An Id on both sides pairs one missing with one extra row; duplicates pair up to the smaller
      // count.
      Dataset<Row> m = missing.groupBy(col("id")).count().withColumnRenamed("count", "m");
      Dataset<Row> e = extra.groupBy(col("id")).count().withColumnRenamed("count", "e");
      Row sum = m.join(e, "id").selectExpr("sum(least(m, e))").first();
      differing = sum.isNullAt(0) ? 0 : sum.getLong(0);
    }
    ImportRowComparison.Result result =
        ImportRowComparison.Result.of(
            expected.count(), actual.count(), missingRows, extraRows, differing);
    return new Outcome(result, missing.unionByName(extra));
  }
}
