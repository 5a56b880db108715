package io.reengage.job.crosscheck;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.reengage.job.common.ReengageException;
import io.reengage.job.compare.ImportComparison;
import io.reengage.job.compare.ImportRows;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the Spark SQL port of the original Athena query ({@code sql/spark/find_unengaged_users.sql},
 * packaged into the jar) on the same parsed events as the Dataset rules, and compares the two
 * results row for row. The port is an independent statement-by-statement translation of the query,
 * so an agreement is evidence that the Dataset rules mean what the query means.
 */
public final class SqlPortCrossCheck {

  static final String RESOURCE = "/sql/spark/find_unengaged_users.sql";

  /**
   * System property naming a file to run instead of the packaged port. Only tests set it, to prove
   * that a disagreement fails the run.
   */
  static final String OVERRIDE_PROPERTY = "reengage.crosscheck.sql-file";

  static final String EVENTS_VIEW = "events";

  private SqlPortCrossCheck() {}

  /** The port's text with its placeholders filled in from {@code p}. */
  public static String portSql(RuleParameters p) {
    if (!p.engagementTypes().equals(RuleParameters.DEFAULT_ENGAGEMENT_TYPES)) {
      throw new ReengageException(
          "Cannot cross-check with --engagement-types "
              + p.engagementTypes()
              + ": the query counts only _email.open and _email.click (drop --cross-check or the option)");
    }
    String sql = load();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("as_of", p.asOf().toString());
    values.put("until_epoch_millis", Long.toString(p.untilMillis()));
    values.put("delivered_window_months", Integer.toString(p.deliveredWindowMonths()));
    values.put("engagement_window_months", Integer.toString(p.engagementWindowMonths()));
    values.put("min_delivered_exclusive", Integer.toString(p.minDelivered() - 1));
    for (Map.Entry<String, String> v : values.entrySet()) {
      sql = sql.replace("${" + v.getKey() + "}", v.getValue());
    }
    if (sql.contains("${")) {
      throw new IllegalStateException("The Spark SQL port has a placeholder the job does not fill");
    }
    return sql;
  }

  /**
   * The port's rows, without the unusable addresses the job drops, as import rows of seven strings.
   */
  public static Dataset<Row> runPort(
      SparkSession spark, Dataset<Row> parsedEvents, RuleParameters p) {
    parsedEvents.createOrReplaceTempView(EVENTS_VIEW);
    Dataset<Row> port = spark.sql(portSql(p));
    return port.where(org.apache.spark.sql.functions.not(UnengagedRules.isUnusable(col("Id"))))
        .select(
            str(col("ChannelType")).as(ImportRows.COLUMNS.get(0)),
            str(col("Id")).as(ImportRows.COLUMNS.get(1)),
            str(col("Address")).as(ImportRows.COLUMNS.get(2)),
            str(col("`Attributes.max_delivered_timestamp`")).as(ImportRows.COLUMNS.get(3)),
            str(col("`Attributes.min_delivered_timestamp`")).as(ImportRows.COLUMNS.get(4)),
            str(col("`Attributes.last_engagement`")).as(ImportRows.COLUMNS.get(5)),
            str(col("`Attributes.num_delivered`")).as(ImportRows.COLUMNS.get(6)));
  }

  /** The Dataset rules' unengaged rows (columns of {@code selectUnengaged}) as import rows. */
  public static Dataset<Row> asImportRows(Dataset<Row> unengaged) {
    return unengaged.select(
        lit("EMAIL").as(ImportRows.COLUMNS.get(0)),
        col(UnengagedRules.ADDRESS).as(ImportRows.COLUMNS.get(1)),
        col(UnengagedRules.ADDRESS).as(ImportRows.COLUMNS.get(2)),
        str(col(UnengagedRules.MAX_DELIVERED)).as(ImportRows.COLUMNS.get(3)),
        str(col(UnengagedRules.MIN_DELIVERED)).as(ImportRows.COLUMNS.get(4)),
        str(col(UnengagedRules.LAST_ENGAGEMENT)).as(ImportRows.COLUMNS.get(5)),
        str(col(UnengagedRules.NUM_DELIVERED)).as(ImportRows.COLUMNS.get(6)));
  }

  public static ImportComparison.Outcome compare(
      SparkSession spark, Dataset<Row> parsedEvents, Dataset<Row> unengaged, RuleParameters p) {
    return ImportComparison.compare(asImportRows(unengaged), runPort(spark, parsedEvents, p));
  }

  private static Column str(Column c) {
    return coalesce(c.cast("string"), lit(""));
  }

  /** The port as packaged in the jar. */
  public static String packagedPort() {
    try (InputStream in = SqlPortCrossCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The job jar lacks " + RESOURCE + " (rebuild it with ./mvnw package)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String load() {
    String override = System.getProperty(OVERRIDE_PROPERTY);
    if (override == null) {
      return packagedPort();
    }
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(override));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
