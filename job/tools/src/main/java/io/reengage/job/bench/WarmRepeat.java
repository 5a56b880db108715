package io.reengage.job.bench;

import io.reengage.job.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the full-scan and the daily {@code segment} several times in one JVM and Spark session, and
 * prints each run's summary timings as a JSON line. The first round pays the JVM's and Spark's
 * warm-up (class loading, JIT compilation, code generation) as every fresh process does; later
 * rounds show what the runs cost once that is paid, which is the part that grows with the data.
 *
 * <p>Usage: {@code WarmRepeat <events> <rollups> <as-of> <work folder> <rounds>}.
 */
public final class WarmRepeat {

  private WarmRepeat() {}

  public static void main(String[] args) throws IOException {
    String events = args[0];
    String rollups = args[1];
    String asOf = args[2];
    Path work = Path.of(args[3]);
    int rounds = Integer.parseInt(args[4]);
    // One session for all runs: the CLI reuses the default session when there is one.
    SparkSession.builder()
        .appName("reengage warm repeat")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    for (int round = 1; round <= rounds; round++) {
      for (String mode : new String[] {"full", "daily"}) {
        Path out = work.resolve("warm-" + mode + "-" + round);
        String[] common = {"segment", "--events", events, "--as-of", asOf, "--out", out.toString()};
        String[] run = mode.equals("full") ? common : append(common, "--rollups", rollups);
        int code = Main.execute(run);
        if (code != 0) {
          throw new IllegalStateException(
              mode + " run " + round + " failed with exit code " + code);
        }
        String summary = Files.readString(out.resolve("summary.json")).replaceAll("\\s", "");
        String timings =
            summary.substring(summary.indexOf("\"timings\":") + "\"timings\":".length());
        System.out.printf(
            "{\"round\":%d,\"mode\":\"%s\",\"timings\":%s%n",
            round, mode, timings.substring(0, timings.indexOf('}') + 1) + "}");
      }
    }
  }

  private static String[] append(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
