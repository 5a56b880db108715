package io.reengage.job.reliability;

import io.reengage.job.cli.Main;
import io.reengage.job.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the real CLI in this JVM (sharing the test Spark session) and captures what the command
 * itself prints. Spark's and Hadoop's log lines are not captured here (log4j holds the original
 * stderr); the forked-JVM tests check those.
 */
final class Cli {

  record Result(int exitCode, String err, String out) {
    /** The lines the command printed to stderr, without blank ones. */
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private Cli() {}

  static synchronized Result run(String... args) {
    SparkTestSession.get(); // starts Spark (and log4j) before stderr is swapped
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Result(
          code, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }
}
