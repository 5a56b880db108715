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

  /** SPEC.md: every date and midnight is UTC, whatever the machine's zone. */
  private static final String UTC_KEY = "spark.sql.session.timeZone";

  private SparkSessions() {}

  /**
   * A session for one command. When a session exists already (a notebook, a test), the command runs
   * in a new session of the same Spark context: its SQL settings (the UTC time zone, the
   * observation and partition-discovery settings the job makes) and its temporary views stay out of
   * the caller's session, which is left as it was found.
   */
  static Handle start(String appName) {
    scala.Option<SparkSession> existing = SparkSession.getDefaultSession();
    if (existing.isDefined()) {
      SparkSession own = existing.get().newSession();
      own.conf().set(UTC_KEY, "UTC");
      return new Handle(own, false);
    }
    SparkSession.Builder builder = SparkSession.builder().appName(appName).config(UTC_KEY, "UTC");
    // spark-submit and EMR set the master; a plain `java -jar` run gets local mode on all cores.
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    return new Handle(builder.getOrCreate(), true);
  }
}
