package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid options end with exit code 2 and a line that names the option and the valid range; a
 * failure with --verbose adds the stack trace, and only then.
 */
class ClearFailuresTest {

  @TempDir Path tmp;

  Cli.Result segment(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                Corpora.EVENTS.toString(),
                "--out",
                tmp.resolve("out").toString()));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--as-of|2026-02-30|'2026-02-30' is not a date (use YYYY-MM-DD",
        "--as-of|31.08.2026|'31.08.2026' is not a date (use YYYY-MM-DD",
        "--until|tomorrow|'tomorrow' is not an instant (use ISO-8601",
        "--until|99999999999999999999999|is not an instant",
        "--max-bad-fraction|1.5|Invalid max-bad-fraction: 1.5 (must be between 0 and 1)",
        "--max-bad-fraction|-0.1|Invalid max-bad-fraction: -0.1 (must be between 0 and 1)",
        "--max-bad-fraction|lots|--max-bad-fraction",
        "--min-delivered|0|Invalid min-delivered: 0 (must be at least 1)",
        "--delivered-window-months|-1|Invalid delivered-window-months: -1",
        "--engagement-window-months|5000|Invalid engagement-window-months: 5000",
        "--layout|sideways|Invalid layout: sideways (use auto, firehose, hive or flat)",
        "--late-arrival-hours|-3|Invalid late-arrival-hours: -3",
      })
  void invalidOption_isAUsageError_thatNamesTheValue(String option, String value, String message) {
    Cli.Result r = segment(option, value);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines().get(0)).startsWith("reengage: ").contains(message);
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void anUnknownOption_isAUsageError() {
    Cli.Result r = segment("--as-off", "2026-08-31");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines().get(0)).contains("Unknown option", "'--as-off'");
  }

  @Test
  void verbose_addsTheStackTraceToTheOneLine() {
    Path missing = tmp.resolve("missing");
    List<String> quiet =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                missing.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--as-of",
                "2026-08-31"));
    Cli.Result plain = Cli.run(quiet.toArray(String[]::new));
    quiet.add("--verbose");
    Cli.Result verbose = Cli.run(quiet.toArray(String[]::new));

    assertThat(plain.errLines()).hasSize(1);
    assertThat(verbose.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(verbose.errLines().get(0)).isEqualTo(plain.errLines().get(0));
    assertThat(verbose.err()).contains("\tat io.reengage.job.segment.SegmentJob");
    assertThat(verbose.err()).contains("FileNotFoundException");
  }
}
