package io.reengage.job.testing;

import com.holdenkarau.spark.testing.JavaDatasetSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DataFrame equality from spark-testing-base, through its Java API, on the one shared test session.
 *
 * <p>spark-testing-base's Java base classes are JUnit 4 classes that start their own SparkContext
 * in a {@code @Before} method; a second context cannot live next to {@link SparkTestSession}. So
 * this class hands the library the shared session (its {@code SparkSessionProvider}) and calls its
 * assertions directly, which works from JUnit 5. A failed assertion throws {@link AssertionError}.
 */
public final class DatasetAssert {

  private static JavaDatasetSuiteBase base;

  private DatasetAssert() {}

  private static synchronized JavaDatasetSuiteBase base() {
    if (base == null) {
      SparkSessionProvider._sparkSession_$eq(SparkTestSession.get());
      base = new JavaDatasetSuiteBase();
    }
    return base;
  }

  /** Equal schemas (names, types, nullability) and the same rows, each as often, in any order. */
  public static void assertSameSchemaAndRows(Dataset<Row> expected, Dataset<Row> actual) {
    base().assertDataFrameNoOrderEquals(expected, actual);
  }

  /** The same rows, each as often, in any order; column names and nullability may differ. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    base().assertDataFrameDataEquals(expected, actual);
  }
}
