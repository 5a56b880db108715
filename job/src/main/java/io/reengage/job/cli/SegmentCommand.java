package io.reengage.job.cli;

import io.reengage.contract.summary.RunSummary;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.segment.SegmentJob;
import io.reengage.job.segment.SegmentSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reengage segment}: the daily run. Parses, validates, runs {@link SegmentJob}, reports. */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads Pinpoint and SES email events and writes the unengaged addresses as a Pinpoint import CSV.",
      "",
      "An address is unengaged when, as of the as-of date (UTC), it has at least --min-delivered"
          + " deliveries in the last --delivered-window-months months, no open or click in the last"
          + " --engagement-window-months months, and its first counted delivery is older than the"
          + " engagement window. Defaults reproduce the original Athena query.",
      "",
      "Writes OUT/import/part-*.csv (only CSV files: point Pinpoint's import at OUT/import/) and"
          + " OUT/summary.json, which is written last: its presence means the output is complete.",
      ""
    })
final class SegmentCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin EventSourceOptions source;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "URI",
      description = "Output folder for this run; an earlier output in it is replaced.")
  String out;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      converter = Converters.Day.class,
      description = "The date playing the query's current_date (UTC). Default: today (UTC).")
  LocalDate asOf;

  @Option(
      names = "--until",
      paramLabel = "INSTANT",
      converter = Converters.InstantOrMillis.class,
      description =
          "Ignore events that arrived at or after this instant (ISO-8601 or epoch ms). Default: the"
              + " start of the day after --as-of, or now if earlier. A rerun with the same --as-of"
              + " and --until writes the same rows.")
  Instant until;

  @Option(
      names = "--delivered-window-months",
      paramLabel = "N",
      defaultValue = "" + RuleParameters.DEFAULT_DELIVERED_WINDOW_MONTHS,
      description =
          "Deliveries count within this many calendar months before --as-of. Default: ${DEFAULT-VALUE}.")
  int deliveredWindowMonths;

  @Option(
      names = "--engagement-window-months",
      paramLabel = "N",
      defaultValue = "" + RuleParameters.DEFAULT_ENGAGEMENT_WINDOW_MONTHS,
      description =
          "Opens and clicks count within this many calendar months before --as-of. Default: ${DEFAULT-VALUE}.")
  int engagementWindowMonths;

  @Option(
      names = "--min-delivered",
      paramLabel = "N",
      defaultValue = "" + RuleParameters.DEFAULT_MIN_DELIVERED,
      description =
          "Minimum deliveries for an address to qualify (6 is the query's num_delivered > 5). Default: ${DEFAULT-VALUE}.")
  int minDelivered;

  @Option(
      names = "--rollups",
      paramLabel = "URI",
      description =
          "Daily rollups written by 'reengage rollup': whole days inside the windows are read from"
              + " them, and only the other days (recent, missing) from --events. Same rows as a full scan.")
  String rollups;

  @Option(
      names = "--cross-check",
      description =
          "Also run the Spark SQL port of the original Athena query on the same events and fail"
              + " (exit 1) on any difference; differing rows go to OUT/cross-check-report.csv.")
  boolean crossCheck;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Clock clock;

  SegmentCommand() {
    this(Clock.systemUTC());
  }

  SegmentCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    SegmentSettings settings = settings();
    try (SparkSessions.Handle session = SparkSessions.start("reengage segment")) {
      RunSummary summary = new SegmentJob(session.spark(), settings).run();
      spec.commandLine()
          .getErr()
          .printf(
              "reengage: %d unengaged of %d addresses; import folder %s; summary %ssummary.json%n",
              summary.unengaged(),
              summary.addresses(),
              summary.unengaged() == 0 ? "(empty: nothing to import)" : summary.importUri(),
              summary.importUri().substring(0, summary.importUri().length() - "import/".length()));
      return ExitCodes.OK;
    }
  }

  SegmentSettings settings() {
    Instant now = clock.instant();
    LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(now, ZoneOffset.UTC);
    long untilMillis = until != null ? until.toEpochMilli() : RuleParameters.defaultUntil(day, now);
    RuleParameters rules =
        new RuleParameters(
            day,
            deliveredWindowMonths,
            engagementWindowMonths,
            minDelivered,
            source.engagementTypes(),
            untilMillis);
    if (untilMillis <= rules.earliestRelevantMillis() + 1000) {
      throw new IllegalArgumentException(
          "Invalid --until "
              + Instant.ofEpochMilli(untilMillis)
              + (until == null
                  ? " (the default: now, as --as-of " + day + " is in the future)"
                  : "")
              + ": it is not after the windows' start "
              + Instant.ofEpochSecond((rules.earliestRelevantMillis() + 1000) / 1000)
              + ", so no event could count (check --as-of, or pass a later --until)");
    }
    return new SegmentSettings(
        source.events,
        out,
        rules,
        source.layout(),
        source.lateArrivalHours,
        source.maxBadFraction,
        rollups,
        crossCheck,
        source.machineOpens());
  }
}
