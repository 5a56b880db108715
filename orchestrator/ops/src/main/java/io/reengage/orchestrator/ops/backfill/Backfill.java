package io.reengage.orchestrator.ops.backfill;

import io.reengage.orchestrator.ops.config.Pacer;
import io.reengage.orchestrator.ops.emr.JobRunStatus;
import io.reengage.orchestrator.ops.emr.JobRuns;
import io.reengage.orchestrator.ops.emr.JobSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@code reengage rollup} over a range, one EMR Serverless job run per chunk, at most {@code
 * maxConcurrent} at a time. A chunk whose days all carry the rollup marker is skipped, so a rerun
 * after a failure or an interruption only does what is missing (rollups overwrite per day, so a
 * chunk that is run again is harmless). A job run that succeeds without leaving every day's marker
 * counts as failed.
 */
public final class Backfill {

  /**
   * @param maxConcurrent the most job runs in flight at once (the application's capacity caps them
   *     too)
   * @param pollInterval time between GetJobRun polls
   */
  public record Settings(
      String eventsUri, String rollupsUri, int maxConcurrent, Duration pollInterval) {
    public Settings {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException(
            "Invalid --max-concurrent: " + maxConcurrent + " (must be >= 1)");
      }
    }
  }

  /** A chunk that did not complete, with the reason and where to look. */
  public record Failure(Chunk chunk, String reason) {}

  /** What happened, for the closing lines and the exit code. */
  public record Report(
      int total,
      int skipped,
      int completed,
      List<Failure> failures,
      double vcpuHours,
      double memoryGbHours,
      double storageGbHours) {
    public boolean complete() {
      return failures.isEmpty();
    }
  }

  private record Running(Chunk chunk, Instant started) {}

  private final JobRuns jobs;
  private final RollupMarkers markers;
  private final Pacer pacer;
  private final PrintWriter out;
  private final Settings settings;

  private long records;
  private long bytes;
  private boolean countsPartial;

  public Backfill(
      JobRuns jobs, RollupMarkers markers, Pacer pacer, PrintWriter out, Settings settings) {
    this.jobs = jobs;
    this.markers = markers;
    this.pacer = pacer;
    this.out = out;
    this.settings = settings;
  }

  public Report run(List<Chunk> chunks) {
    Instant start = pacer.now();
    Deque<Chunk> pending = new ArrayDeque<>();
    int skipped = 0;
    for (Chunk chunk : chunks) {
      if (complete(chunk)) {
        skipped++;
      } else {
        pending.add(chunk);
      }
    }
    out.printf(
        "Backfill %s..%s: %d chunk(s), %d already rolled up, %d to run, at most %d at a time%n",
        chunks.get(0).from(),
        chunks.get(chunks.size() - 1).to(),
        chunks.size(),
        skipped,
        pending.size(),
        settings.maxConcurrent());
    out.flush();

    String nonce = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Running> running = new LinkedHashMap<>();
    List<Failure> failures = new ArrayList<>();
    List<Duration> durations = new ArrayList<>();
    int completed = 0;
    double vcpu = 0;
    double memory = 0;
    double storage = 0;
    while (!pending.isEmpty() || !running.isEmpty()) {
      while (running.size() < settings.maxConcurrent() && !pending.isEmpty()) {
        Chunk chunk = pending.poll();
        String jobRunId =
            jobs.start(
                "reengage-rollup-" + chunk.from() + "-" + chunk.to(),
                "rollup-" + chunk.from() + "-" + chunk.to() + "-" + nonce,
                JobSpec.rollupArguments(
                    settings.eventsUri(),
                    settings.rollupsUri(),
                    chunk.from().toString(),
                    chunk.to().toString()));
        running.put(jobRunId, new Running(chunk, pacer.now()));
        out.printf("  started %s as job run %s%n", chunk, jobRunId);
      }
      out.flush();
      pacer.sleep(settings.pollInterval());
      for (String jobRunId : new ArrayList<>(running.keySet())) {
        JobRunStatus status = jobs.status(jobRunId);
        if (!status.finished()) {
          continue;
        }
        Running run = running.remove(jobRunId);
        vcpu += status.vcpuHours();
        memory += status.memoryGbHours();
        storage += status.storageGbHours();
        if (status.succeeded()) {
          List<String> missing =
              run.chunk().days().stream()
                  .filter(d -> !markers.day(d).complete())
                  .map(Object::toString)
                  .toList();
          if (missing.isEmpty()) {
            completed++;
            durations.add(Duration.between(run.started(), pacer.now()));
            complete(run.chunk()); // adds the chunk's counts
            out.printf("  done    %s (job run %s)%n", run.chunk(), jobRunId);
          } else {
            failures.add(
                new Failure(
                    run.chunk(),
                    "job run "
                        + jobRunId
                        + " succeeded but "
                        + missing.size()
                        + " day(s) lack the rollup marker, first "
                        + missing.get(0)
                        + " ("
                        + markers.markerKey(run.chunk().from())
                        + " is what a complete day has)"));
            out.printf(
                "  FAILED  %s: %s%n", run.chunk(), failures.get(failures.size() - 1).reason());
          }
        } else {
          Failure failure =
              new Failure(
                  run.chunk(),
                  "job run "
                      + jobRunId
                      + " "
                      + status.state()
                      + (status.stateDetails().isEmpty() ? "" : ": " + status.stateDetails())
                      + "; driver logs: "
                      + jobs.spec().driverLogs(jobRunId));
          failures.add(failure);
          out.printf("  FAILED  %s: %s%n", run.chunk(), failure.reason());
        }
        out.println(
            "  "
                + ProgressLine.format(
                    skipped + completed,
                    chunks.size(),
                    running.size(),
                    failures.size(),
                    countsPartial ? -1 : records,
                    countsPartial ? -1 : bytes,
                    Duration.between(start, pacer.now()),
                    ProgressLine.timeLeft(
                        durations, pending.size() + running.size(), settings.maxConcurrent())));
        out.flush();
      }
    }
    return new Report(chunks.size(), skipped, completed, failures, vcpu, memory, storage);
  }

  /** True when every day of the chunk is rolled up; adds the chunk's counts to the totals then. */
  private boolean complete(Chunk chunk) {
    long chunkRecords = 0;
    long chunkBytes = 0;
    boolean partial = false;
    for (var day : chunk.days()) {
      RollupMarkers.DayState state = markers.day(day);
      if (!state.complete()) {
        return false;
      }
      if (state.records() < 0) {
        partial = true;
      } else {
        chunkRecords += state.records();
        chunkBytes += state.bytes();
      }
    }
    records += chunkRecords;
    bytes += chunkBytes;
    countsPartial |= partial;
    return true;
  }
}
