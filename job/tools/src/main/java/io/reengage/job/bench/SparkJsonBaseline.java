package io.reengage.job.bench;

import static org.apache.spark.sql.functions.col;

import io.reengage.job.read.EventColumns;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The baseline a Spark user would write: Spark's own JSON source with an explicit schema (no
 * inference) over the whole events folder, the same rules, Spark's CSV writer. Newline-delimited
 * files only: Spark cannot read Firehose's concatenated records at all.
 *
 * <p>Usage: {@code SparkJsonBaseline <events folder> <as-of> <out>}; prints one JSON line.
 */
public final class SparkJsonBaseline {

  private SparkJsonBaseline() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSession.builder()
            .appName("spark-json-baseline")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    long start = System.nanoTime();
    LocalDate asOf = LocalDate.parse(args[1]);
    long until = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    StructType schema =
        new StructType()
            .add("event_type", DataTypes.StringType)
            .add("arrival_timestamp", DataTypes.LongType)
            .add(
                "facets",
                new StructType()
                    .add(
                        "email_channel",
                        new StructType()
                            .add(
                                "mail_event",
                                new StructType()
                                    .add(
                                        "mail",
                                        new StructType()
                                            .add(
                                                "destination",
                                                DataTypes.createArrayType(
                                                    DataTypes.StringType))))));
    Dataset<Row> events =
        spark
            .read()
            .schema(schema)
            .option("recursiveFileLookup", "true")
            .json(args[0])
            .select(
                col("event_type").as(EventColumns.EVENT_TYPE),
                col("arrival_timestamp").as(EventColumns.ARRIVAL_TIMESTAMP),
                col("facets.email_channel.mail_event.mail.destination")
                    .as(EventColumns.DESTINATION))
            .where(col("event_type").isNotNull().and(col("arrival_timestamp").isNotNull()));
    Dataset<Row> result =
        UnengagedRules.unengaged(events, RuleParameters.defaults(asOf, until)).cache();
    long rows = result.count();
    result
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .option("escape", "\"")
        .csv(args[2]);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("{\"unengaged\":%d,\"jobMs\":%d}%n", rows, ms);
    spark.stop();
  }
}
