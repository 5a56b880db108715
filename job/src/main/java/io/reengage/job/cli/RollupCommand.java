package io.reengage.job.cli;

import io.reengage.job.rollup.RollupJob;
import io.reengage.job.rollup.RollupSettings;
import io.reengage.job.rules.EngagementTypes;
import io.reengage.job.rules.RuleParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reengage rollup}: condense settled days of raw events into daily per-address aggregates.
 */
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

  @picocli.CommandLine.Mixin EventSourceOptions source;

  @Option(
      names = "--rollups",
      required = true,
      paramLabel = "URI",
      description = "Root of the rollups (local, s3a:// or s3://).")
  String rollups;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      converter = Converters.Day.class,
      description = "First day to roll up (UTC).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      converter = Converters.Day.class,
      description = "Last day to roll up (UTC), inclusive.")
  LocalDate to;

  @Option(
      names = "--for-as-of",
      paramLabel = "YYYY-MM-DD",
      converter = Converters.Day.class,
      description =
          "Instead of --from/--to: roll up the settled days inside the windows of a segment run for this"
              + " as-of date that are not rolled up yet (implies --skip-complete). The daily workflow runs this"
              + " before 'segment --rollups'.")
  LocalDate forAsOf;

  @Option(
      names = "--delivered-window-months",
      paramLabel = "N",
      defaultValue = "" + RuleParameters.DEFAULT_DELIVERED_WINDOW_MONTHS,
      description =
          "With --for-as-of: the segment run's delivered window. Default: ${DEFAULT-VALUE}.")
  int deliveredWindowMonths;

  @Option(
      names = "--engagement-window-months",
      paramLabel = "N",
      defaultValue = "" + RuleParameters.DEFAULT_ENGAGEMENT_WINDOW_MONTHS,
      description =
          "With --for-as-of: the segment run's engagement window. Default: ${DEFAULT-VALUE}.")
  int engagementWindowMonths;

  @Option(
      names = "--chunk-days",
      paramLabel = "N",
      defaultValue = "" + RollupSettings.DEFAULT_CHUNK_DAYS,
      description =
          "Days per Spark pass: bounds memory and sets the progress steps. Default: ${DEFAULT-VALUE}.")
  int chunkDays;

  @Option(
      names = "--allow-unsettled",
      description =
          "Roll up days whose late events may still arrive (only when the feed is known complete).")
  boolean allowUnsettled;

  @Option(
      names = "--skip-complete",
      description =
          "Leave days that are already rolled up (for the same engagement types) alone; the daily run uses this to roll up only new days.")
  boolean skipComplete;

  @Spec CommandSpec spec;

  private final Clock clock;

  RollupCommand() {
    this(Clock.systemUTC());
  }

  RollupCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    new EngagementTypes(source.engagementTypes()); // fails early on invalid types
    LocalDate first = from;
    LocalDate last = to;
    boolean skip = skipComplete;
    if (forAsOf != null) {
      if (from != null || to != null) {
        throw new IllegalArgumentException(
            "Invalid options: give either --for-as-of or --from and --to, not both");
      }
      RuleParameters windows =
          new RuleParameters(
              forAsOf,
              deliveredWindowMonths,
              engagementWindowMonths,
              1,
              RuleParameters.DEFAULT_ENGAGEMENT_TYPES,
              0);
      first =
          windows.deliveredStartDate().isBefore(windows.engagementStartDate())
              ? windows.deliveredStartDate()
              : windows.engagementStartDate();
      last = RollupSettings.lastSettledDay(clock.instant(), source.lateArrivalHours);
      if (last.isAfter(forAsOf)) {
        last = forAsOf;
      }
      skip = true;
      if (last.isBefore(first)) {
        spec.commandLine()
            .getErr()
            .println("reengage: no settled day to roll up for as-of " + forAsOf);
        return ExitCodes.OK;
      }
    } else if (from == null || to == null) {
      throw new IllegalArgumentException("Invalid options: give --from and --to (or --for-as-of)");
    }
    RollupSettings settings =
        new RollupSettings(
            source.events,
            rollups,
            first,
            last,
            source.engagementTypes(),
            source.layout(),
            source.lateArrivalHours,
            source.maxBadFraction,
            chunkDays,
            allowUnsettled,
            skip,
            source.machineOpens());
    try (SparkSessions.Handle session = SparkSessions.start("reengage rollup")) {
      RollupJob.Result r = new RollupJob(session.spark(), settings, clock).run();
      spec.commandLine()
          .getErr()
          .printf(
              "reengage: rolled up %d days (%s..%s) in %d chunks: %d records read (%d bad), %d rollup rows,"
                  + " %d months compacted, %.1f s%n",
              r.days(),
              first,
              last,
              r.chunks(),
              r.read().records,
              r.read().badRecords,
              r.rows(),
              r.compactedMonths(),
              r.millis() / 1000.0);
      return ExitCodes.OK;
    }
  }
}
