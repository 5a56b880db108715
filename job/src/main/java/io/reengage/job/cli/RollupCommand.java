package io.reengage.job.cli;

import io.reengage.job.read.FolderLayout;
import io.reengage.job.rollup.RollupJob;
import io.reengage.job.rollup.RollupSettings;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.segment.SegmentSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reengage rollup}: condense settled days of raw events into daily per-address aggregates. */
@Command(
    name = "rollup",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Condenses each UTC day from --from to --to into per-address aggregates (Parquet, one folder per"
          + " day), so that 'segment --rollups' reads a day of raw events instead of the whole windows.",
      "",
      "Each day is replaced whole and marked complete last, so reruns are idempotent and an interrupted"
          + " run is simply rerun. One run over years is a backfill: it works a chunk of days at a time"
          + " and prints progress. A day is rolled up only once its late events can no longer arrive"
          + " (--late-arrival-hours after it ends).",
      ""
    })
final class RollupCommand implements Callable<Integer> {

  @Option(names = "--events", required = true, paramLabel = "URI", description = "Root of the Firehose event objects (as for segment).")
  String events;

  @Option(names = "--rollups", required = true, paramLabel = "URI", description = "Root of the rollups (local, s3a:// or s3://).")
  String rollups;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "First day to roll up (UTC).")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.Day.class, description = "Last day to roll up (UTC), inclusive.")
  LocalDate to;

  @Option(
      names = "--engagement-types",
      paramLabel = "TYPE",
      split = ",",
      defaultValue = "_email.open,_email.click",
      description = "Event types that count as engagement; segment runs with other types ignore these rollups. Default: ${DEFAULT-VALUE}.")
  List<String> engagementTypes;

  @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto", description = "firehose, hive, flat or auto. Default: ${DEFAULT-VALUE}.")
  String layout;

  @Option(
      names = "--late-arrival-hours",
      paramLabel = "H",
      defaultValue = "" + SegmentSettings.DEFAULT_LATE_ARRIVAL_HOURS,
      description = "How late a day's events may land in later Firehose folders. Default: ${DEFAULT-VALUE}.")
  int lateArrivalHours;

  @Option(
      names = "--max-bad-fraction",
      paramLabel = "F",
      defaultValue = "" + SegmentSettings.DEFAULT_MAX_BAD_FRACTION,
      description = "Fail a chunk (publishing none of its days) when more than this share of its records is bad. Default: ${DEFAULT-VALUE}.")
  double maxBadFraction;

  @Option(
      names = "--chunk-days",
      paramLabel = "N",
      defaultValue = "" + RollupSettings.DEFAULT_CHUNK_DAYS,
      description = "Days per Spark pass: bounds memory and sets the progress steps. Default: ${DEFAULT-VALUE}.")
  int chunkDays;

  @Option(names = "--allow-unsettled", description = "Roll up days whose late events may still arrive (only when the feed is known complete).")
  boolean allowUnsettled;

  @Option(
      names = "--skip-complete",
      description = "Leave days that are already rolled up (for the same engagement types) alone; the daily run uses this to roll up only new days.")
  boolean skipComplete;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RuleParameters.checkEngagementTypes(new LinkedHashSet<>(engagementTypes.stream().map(String::trim).toList()));
    RollupSettings settings =
        new RollupSettings(
            events, rollups, from, to,
            new LinkedHashSet<>(engagementTypes.stream().map(String::trim).toList()),
            FolderLayout.parse(layout), lateArrivalHours, maxBadFraction, chunkDays, allowUnsettled, skipComplete);
    try (SparkSessions.Handle session = SparkSessions.start("reengage rollup")) {
      RollupJob.Result r = new RollupJob(session.spark(), settings, Clock.systemUTC()).run();
      spec.commandLine()
          .getErr()
          .printf(
              "reengage: rolled up %d days (%s..%s) in %d chunks: %d records read (%d bad), %d rollup rows, %.1f s%n",
              r.days(), from, to, r.chunks(), r.read().records, r.read().badRecords, r.rows(), r.millis() / 1000.0);
      return ExitCodes.OK;
    }
  }
}
