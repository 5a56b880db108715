package io.reengage.orchestrator.ops.backfill;

import io.reengage.orchestrator.ops.OpsMain;
import io.reengage.orchestrator.ops.config.OpsException;
import io.reengage.orchestrator.ops.emr.JobRunStatus;
import io.reengage.orchestrator.ops.emr.JobRuns;
import io.reengage.orchestrator.ops.emr.JobSpec;
import io.reengage.orchestrator.ops.emr.JobWaiter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./reengage aws backfill}: chunked, resumable rollup runs over a range of days. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Rolls up the events of --from..--to (UTC days, both included) on EMR Serverless, one job run per chunk,"
          + " at most --max-concurrent at a time, and waits for them.",
      "Resumable: chunks whose days all carry the rollup marker are skipped, so rerunning the same command"
          + " retries what failed and does nothing else.",
      "Exit 0 when every chunk is complete, 1 when some failed, 2 on an error."
    })
public final class BackfillCommand implements Callable<Integer> {

  @ParentCommand OpsMain parent;

  @Option(names = "--from", required = true, description = "First day (YYYY-MM-DD).")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      description = "Last day (YYYY-MM-DD), included; use a settled day (yesterday or earlier).")
  LocalDate to;

  @Option(
      names = "--chunk",
      defaultValue = "month",
      description = "Days per job run: month, quarter, year or <n>d (default: ${DEFAULT-VALUE}).")
  String chunk;

  @Option(
      names = "--max-concurrent",
      defaultValue = "4",
      description = "Job runs in flight at once (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(
      names = "--poll-seconds",
      defaultValue = "30",
      description = "Seconds between status polls (default: ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Option(
      names = "--marker",
      defaultValue = RollupMarkers.DEFAULT_MARKER,
      description =
          "Object in each day=YYYY-MM-DD/ partition that marks the day complete (default: ${DEFAULT-VALUE}).")
  String marker;

  @Option(
      names = "--segment-as-of",
      description =
          "After a complete backfill, run `segment --rollups` for this as-of day and wait.")
  LocalDate segmentAsOf;

  @Option(
      names = "--application-id",
      description = "EMR Serverless application ID (stack output EmrApplicationId).")
  String applicationId;

  @Option(
      names = "--job-role-arn",
      description = "Job execution role (stack output EmrJobRoleArn).")
  String jobRoleArn;

  @Option(names = "--job-jar", description = "S3 URI of reengage-job.jar (stack output JobJarUri).")
  String jobJar;

  @Option(
      names = "--spark-conf",
      description = "Extra spark-submit options (stack output SparkConf; default none).")
  String sparkConf;

  @Option(names = "--log-uri", description = "S3 folder for job run logs (stack output EmrLogUri).")
  String logUri;

  @Option(names = "--events", description = "Events root (stack output EventsUri).")
  String events;

  @Option(names = "--rollups", description = "Rollups root (stack output RollupsUri).")
  String rollups;

  @Option(names = "--runs", description = "Output root for --segment-as-of (stack output RunsUri).")
  String runs;

  @Override
  public Integer call() {
    ChunkSize size;
    try {
      size = ChunkSize.parse(chunk);
    } catch (IllegalArgumentException e) {
      throw new OpsException(e.getMessage());
    }
    if (to.isBefore(from)) {
      throw new OpsException("Invalid range: --from " + from + " is after --to " + to);
    }
    if (pollSeconds < 1) {
      throw new OpsException("Invalid --poll-seconds: " + pollSeconds + " (must be >= 1)");
    }
    String rollupsUri = parent.setting(rollups, "RollupsUri", "--rollups");
    if (rollupsUri.isEmpty()) {
      throw new OpsException(
          "Missing setting RollupsUri: the stack has no rollups location; pass --rollups s3://...");
    }
    String eventsUri = parent.setting(events, "EventsUri", "--events");
    JobRuns jobs =
        new JobRuns(
            parent.apis().emr(),
            new JobSpec(
                parent.setting(applicationId, "EmrApplicationId", "--application-id"),
                parent.setting(jobRoleArn, "EmrJobRoleArn", "--job-role-arn"),
                parent.setting(jobJar, "JobJarUri", "--job-jar"),
                parent.optionalSetting(sparkConf, "SparkConf"),
                parent.optionalSetting(logUri, "EmrLogUri")));
    PrintWriter out = parent.out();
    List<Chunk> chunks = size.split(from, to);
    Backfill.Report report =
        new Backfill(
                jobs,
                new RollupMarkers(parent.apis().s3(), rollupsUri, marker),
                parent.pacer(),
                out,
                new Backfill.Settings(
                    eventsUri, rollupsUri, maxConcurrent, Duration.ofSeconds(pollSeconds)))
            .run(chunks);

    out.printf(
        Locale.ROOT,
        "Backfill: %d of %d chunk(s) complete (%d skipped, %d run now), %d failed;"
            + " EMR Serverless usage of this run: %.2f vCPU-hours, %.2f GB-hours memory, %.2f GB-hours storage%n",
        report.skipped() + report.completed(),
        report.total(),
        report.skipped(),
        report.completed(),
        report.failures().size(),
        report.vcpuHours(),
        report.memoryGbHours(),
        report.storageGbHours());
    if (!report.complete()) {
      for (Backfill.Failure failure : report.failures()) {
        out.printf("  failed %s: %s%n", failure.chunk(), failure.reason());
      }
      out.println(
          "Rerun the same command to retry the failed chunks; complete chunks are skipped.");
      out.flush();
      return 1;
    }
    if (segmentAsOf != null) {
      return segment(jobs, eventsUri, rollupsUri, out);
    }
    out.flush();
    return 0;
  }

  private int segment(JobRuns jobs, String eventsUri, String rollupsUri, PrintWriter out) {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(parent.pacer().now());
    String root = parent.setting(runs, "RunsUri", "--runs");
    String outUri = (root.endsWith("/") ? root : root + "/") + segmentAsOf + "/backfill-" + stamp;
    String jobRunId =
        jobs.start(
            "reengage-segment-" + segmentAsOf,
            "segment-" + segmentAsOf + "-" + stamp,
            List.of(
                "segment",
                "--events",
                eventsUri,
                "--out",
                outUri,
                "--as-of",
                segmentAsOf.toString(),
                "--rollups",
                rollupsUri));
    out.printf(
        "Segment for %s from the rollups: job run %s, output %s%n", segmentAsOf, jobRunId, outUri);
    JobRunStatus status =
        JobWaiter.await(jobs, jobRunId, parent.pacer(), Duration.ofSeconds(pollSeconds), out);
    if (!status.succeeded()) {
      out.printf(
          "Segment job run %s %s: %s; driver logs: %s%n",
          jobRunId, status.state(), status.stateDetails(), jobs.spec().driverLogs(jobRunId));
      out.flush();
      return 1;
    }
    out.printf("Segment done: %s/summary.json and %s/import/%n", outUri, outUri);
    out.flush();
    return 0;
  }
}
