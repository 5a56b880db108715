package io.reengage.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.testing.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A run inside an existing session (a notebook, these tests) leaves that session as it was. */
class SessionIsolationTest {

  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();
  static final String EXCLUDED_RULES = "spark.sql.adaptive.optimizer.excludedRules";

  @TempDir Path tmp;

  @Test
  void aCrossCheckedRun_leavesNeitherSettingsNorItsTempViewInTheCallersSession() {
    SparkSession caller = SparkTestSession.get();
    caller.conf().set("spark.sql.session.timeZone", "America/New_York");
    caller.conf().unset(EXCLUDED_RULES);
    caller.conf().unset("spark.sql.sources.parallelPartitionDiscovery.threshold");
    try {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int exit =
          cl.execute(
              "segment",
              "--events",
              TESTDATA.resolve("events").toString(),
              "--as-of",
              "2026-08-31",
              "--out",
              tmp.resolve("out").toString(),
              "--cross-check");

      assertThat(exit).as(err.toString()).isZero();
      assertThat(caller.conf().get("spark.sql.session.timeZone")).isEqualTo("America/New_York");
      assertThat(caller.conf().getOption(EXCLUDED_RULES).isDefined()).isFalse();
      assertThat(caller.catalog().tableExists("events")).as("the cross-check's view").isFalse();
      assertThat(SparkSession.getDefaultSession().get()).isSameAs(caller);
    } finally {
      caller.conf().set("spark.sql.session.timeZone", "UTC");
    }
  }
}
