package io.reengage.orchestrator.ops.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.orchestrator.ops.FakePacer;
import io.reengage.orchestrator.ops.OpsRun;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reengage aws backfill} against a local server speaking EMR Serverless and S3. */
class BackfillCommandTest {

  private FakeEmrServerless emr;
  private final FakePacer pacer = new FakePacer();

  @BeforeEach
  void start() throws Exception {
    emr = new FakeEmrServerless();
  }

  @AfterEach
  void stop() {
    emr.close();
  }

  private OpsRun backfill(String from, String to, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "backfill",
                "--from",
                from,
                "--to",
                to,
                "--application-id",
                FakeEmrServerless.APP,
                "--job-role-arn",
                "arn:aws:iam::123456789012:role/reengage-emr-job",
                "--job-jar",
                "s3://artifacts/reengage-job.jar",
                "--spark-conf",
                "--conf spark.executor.cores=4",
                "--log-uri",
                "s3://reengage-output/emr-logs/",
                "--events",
                "s3://events/",
                "--rollups",
                "s3://reengage-output/rollups/",
                "--runs",
                "s3://reengage-output/runs"));
    args.addAll(List.of(extra));
    return OpsRun.run(emr.endpoint(), pacer, args.toArray(new String[0]));
  }

  @Test
  void completeMonthsAreSkipped_andTheRestRunOnePerMonth() {
    emr.markComplete(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"));

    OpsRun run = backfill("2026-01-01", "2026-03-15");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(emr.startedArguments())
        .containsExactly(
            List.of(
                "rollup",
                "--events",
                "s3://events/",
                "--rollups",
                "s3://reengage-output/rollups/",
                "--from",
                "2026-02-01",
                "--to",
                "2026-02-28"),
            List.of(
                "rollup",
                "--events",
                "s3://events/",
                "--rollups",
                "s3://reengage-output/rollups/",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-15"));
    assertThat(emr.startRequests.get(0).at("/jobDriver/sparkSubmit/sparkSubmitParameters").asText())
        .isEqualTo("--class io.reengage.job.cli.Main --conf spark.executor.cores=4");
    assertThat(emr.startRequests.get(0).at("/jobDriver/sparkSubmit/entryPoint").asText())
        .isEqualTo("s3://artifacts/reengage-job.jar");
    assertThat(run.out())
        .contains("3 chunk(s), 1 already rolled up, 2 to run")
        .contains("[3/3 chunks] running 0, failed 0 | events 74000, bytes 18.5 MB")
        .contains("Backfill: 3 of 3 chunk(s) complete (1 skipped, 2 run now), 0 failed");
  }

  @Test
  void failedChunk_isReportedWithItsLogs_andARerunRetriesOnlyIt() {
    emr.outcome("2026-02-01", "FAILED");

    OpsRun first = backfill("2026-01-01", "2026-03-31");

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.out())
        .contains(
            "failed 2026-02-01..2026-02-28: job run 00job2 FAILED: Job failed, please check"
                + " complete logs in configured logging destination. ExitCode: 1.; driver logs:"
                + " s3://reengage-output/emr-logs/applications/"
                + FakeEmrServerless.APP
                + "/jobs/00job2/SPARK_DRIVER/")
        .contains("Rerun the same command");

    emr.outcome("2026-02-01", "SUCCESS");
    int before = emr.startRequests.size();
    OpsRun second = backfill("2026-01-01", "2026-03-31");

    assertThat(second.exitCode()).isZero();
    assertThat(emr.startedArguments().subList(before, emr.startRequests.size()))
        .extracting(args -> args.get(args.indexOf("--from") + 1))
        .containsExactly("2026-02-01");
    assertThat(second.out()).contains("3 chunk(s), 2 already rolled up, 1 to run");
  }

  @Test
  void concurrencyCap_isNeverExceeded() {
    OpsRun run = backfill("2026-01-01", "2026-06-30", "--max-concurrent", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(emr.startRequests).hasSize(6);
    assertThat(emr.maxInFlight).isEqualTo(2);
  }

  @Test
  void quarterChunks_andAllAtOnce() {
    OpsRun run =
        backfill("2025-11-15", "2026-06-30", "--chunk", "quarter", "--max-concurrent", "10");

    assertThat(run.exitCode()).isZero();
    assertThat(emr.startedArguments())
        .extracting(a -> a.get(a.indexOf("--from") + 1) + ".." + a.get(a.indexOf("--to") + 1))
        .containsExactly(
            "2025-11-15..2025-12-31", "2026-01-01..2026-03-31", "2026-04-01..2026-06-30");
    assertThat(emr.maxInFlight).isEqualTo(3);
  }

  @Test
  void cancelledJob_failsItsChunk() {
    emr.outcome("2026-01-01", "CANCELLED");

    OpsRun run = backfill("2026-01-01", "2026-01-31");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("job run 00job1 CANCELLED: Job run cancelled by user.");
  }

  @Test
  void successWithoutMarkers_countsAsFailed() {
    emr.outcome("2026-01-01", "SUCCESS_WITHOUT_MARKERS");

    OpsRun run = backfill("2026-01-01", "2026-01-31");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "job run 00job1 succeeded but 31 day(s) lack the rollup marker, first 2026-01-01");
  }

  @Test
  void throttledStart_isRetriedByTheClient() {
    emr.throttleNextStarts.set(2);

    OpsRun run = backfill("2026-01-01", "2026-01-31");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(emr.startAttempts).isEqualTo(3);
    assertThat(emr.startRequests).hasSize(1);
  }

  @Test
  void missingApplication_isOneClearLine() {
    OpsRun run =
        OpsRun.run(
            emr.endpoint(),
            pacer,
            "backfill",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--application-id",
            "00nosuchapp",
            "--job-role-arn",
            "arn:aws:iam::123456789012:role/r",
            "--job-jar",
            "s3://a/j.jar",
            "--events",
            "s3://events/",
            "--rollups",
            "s3://reengage-output/rollups/");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "reengage aws: Cannot find EMR Serverless application 00nosuchapp:"
                + " Application 00nosuchapp does not exist (check --application-id, --region and the stack outputs)");
  }

  @Test
  void segmentAfterTheBackfill_readsTheRollups() {
    OpsRun run = backfill("2026-01-01", "2026-01-31", "--segment-as-of", "2026-02-01");

    assertThat(run.exitCode()).as(run.out()).isZero();
    List<String> segment = emr.startedArguments().get(1);
    assertThat(segment)
        .containsExactly(
            "segment",
            "--events",
            "s3://events/",
            "--out",
            "s3://reengage-output/runs/2026-02-01/backfill-20260902-080100",
            "--as-of",
            "2026-02-01",
            "--rollups",
            "s3://reengage-output/rollups/");
    assertThat(run.out())
        .contains(
            "Segment done: s3://reengage-output/runs/2026-02-01/backfill-20260902-080100/summary.json");
  }
}
