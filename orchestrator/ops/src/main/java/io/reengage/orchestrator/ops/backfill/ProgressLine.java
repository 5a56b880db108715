package io.reengage.orchestrator.ops.backfill;

import java.time.Duration;
import java.util.List;

/** The one-line progress report of a backfill. */
public final class ProgressLine {

  private ProgressLine() {}

  /**
   * @param records events rolled up so far, or -1 when the markers do not carry counts
   * @param timeLeft null when there is no basis for an estimate yet
   */
  public static String format(
      int done,
      int total,
      int running,
      int failed,
      long records,
      long bytes,
      Duration elapsed,
      Duration timeLeft) {
    return "["
        + done
        + "/"
        + total
        + " chunks] running "
        + running
        + ", failed "
        + failed
        + " | events "
        + (records < 0 ? "n/a" : String.valueOf(records))
        + ", bytes "
        + (bytes < 0 ? "n/a" : humanBytes(bytes))
        + " | elapsed "
        + clock(elapsed)
        + ", "
        + (timeLeft == null ? "time left unknown" : "about " + clock(timeLeft) + " left");
  }

  /**
   * The mean duration of the chunks finished so far, times the rounds of {@code maxConcurrent} runs
   * the remaining chunks need. Null before any chunk finished.
   */
  public static Duration timeLeft(List<Duration> finished, int remaining, int maxConcurrent) {
    if (finished.isEmpty()) {
      return null;
    }
    long meanSeconds = finished.stream().mapToLong(Duration::getSeconds).sum() / finished.size();
    long rounds = (remaining + maxConcurrent - 1) / maxConcurrent;
    return Duration.ofSeconds(meanSeconds * rounds);
  }

  static String clock(Duration d) {
    long s = d.getSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
  }

  static String humanBytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
