package io.reengage.job.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session the same way for every subcommand. */
final class SparkSessions {

  /**
   * A session, stopped on close only if this command started it (tests and notebooks share one).
   */
  record Handle(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  private SparkSessions() {}

  static Handle start(String appName) {
    boolean existed = SparkSession.getDefaultSession().isDefined();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            // SPEC.md: every date and midnight is UTC, whatever the machine's zone.
            .config("spark.sql.session.timeZone", "UTC");
    // spark-submit and EMR set the master; a plain `java -jar` run gets local mode on all cores.
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    return new Handle(builder.getOrCreate(), !existed);
  }
}
