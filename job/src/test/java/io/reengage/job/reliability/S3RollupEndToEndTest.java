package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rollup} and then {@code segment --rollups}, every location {@code s3a://} on an
 * S3-compatible server: the rollups (Parquet, day folders, markers) are written and read through
 * the S3 protocol, and the rows equal the hand-checked expected rows of testdata/.
 */
class S3RollupEndToEndTest {

  static final String BUCKET = "reengage-rollups";
  static S3Server s3;
  static Cli.Result rollup;
  static Cli.Result segment;

  @BeforeAll
  static void rollUpThenSegmentOverS3() throws Exception {
    s3 = S3Server.start();
    s3.configure(SparkTestSession.get().sparkContext().hadoopConfiguration(), BUCKET);
    s3.createBucket(BUCKET);
    s3.upload(BUCKET, "events/", Corpora.EVENTS);
    String events = "s3a://" + BUCKET + "/events";
    String rollups = "s3a://" + BUCKET + "/rollups";
    // Days up to the day before as-of: the as-of day itself is read raw, so both paths are
    // exercised.
    rollup =
        Cli.run(
            "rollup",
            "--events",
            events,
            "--rollups",
            rollups,
            "--from",
            "2025-10-25",
            "--to",
            "2026-08-30",
            "--chunk-days",
            "200");
    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                events,
                "--rollups",
                rollups,
                "--out",
                "s3a://" + BUCKET + "/out"));
    args.addAll(List.of(Corpora.AS_OF));
    segment = Cli.run(args.toArray(String[]::new));
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    s3.close();
  }

  @Test
  void bothSucceed() {
    assertThat(rollup.exitCode()).as(rollup.err()).isEqualTo(ExitCodes.OK);
    assertThat(segment.exitCode()).as(segment.err()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theRowsAreTheHandDerivedOnes() throws Exception {
    assertThat(S3EndToEndTest.rows(s3.objects(BUCKET, "out/import/")))
        .isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
  }

  @Test
  void rollupDaysAreMarkedAndUsed_andTheAsOfDayIsReadRaw() throws Exception {
    assertThat(s3.objects(BUCKET, "rollups/day=2026-03-01/").keySet())
        .contains("rollups/day=2026-03-01/_ROLLUP.json");
    assertThat(s3.objects(BUCKET, "rollups").keySet()).noneMatch(k -> k.contains("_staging-"));
    JsonNode s = Summary.parse(s3.objects(BUCKET, "out/summary.json").get("out/summary.json"));
    assertThat(s.get("source").asText()).isEqualTo("rollups+raw");
    assertThat(s.get("rollups").get("rollupDays").asLong()).isEqualTo(304);
    assertThat(s.get("rollups").get("rawDayRanges").get(0).asText()).isEqualTo("2026-08-31");
    assertThat(s.get("unengaged").asLong()).isEqualTo(32);
  }
}
