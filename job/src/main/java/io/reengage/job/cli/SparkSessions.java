package io.reengage.job.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session the same way for every subcommand. */
final class SparkSessions {

  private SparkSessions() {}

  static SparkSession start(String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            // SPEC.md: every date and midnight is UTC, whatever the machine's zone.
            .config("spark.sql.session.timeZone", "UTC");
    // spark-submit and EMR set the master; a plain `java -jar` run gets local mode on all cores.
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }
}
