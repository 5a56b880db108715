package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3 server fails for good while the job writes its CSV parts (every request from the first
 * part upload on answers 503), then comes back: the failed run publishes nothing, and the next run
 * writes the expected rows and leaves nothing of the failed one behind.
 */
class S3WriteFailureTest {

  static final String BUCKET = "reengage-dies-writing";
  static S3Server s3;
  static Cli.Result failed;
  static List<String> keysAfterFailure;
  static Cli.Result rerun;

  @BeforeAll
  static void failThenRerun() throws Exception {
    s3 = S3Server.start();
    s3.configure(SparkTestSession.get().sparkContext().hadoopConfiguration(), BUCKET);
    s3.createBucket(BUCKET);
    s3.upload(BUCKET, "events/", Corpora.EVENTS);

    AtomicBoolean down = new AtomicBoolean();
    s3.fault(
        (method, args) -> {
          String name = S3Server.objectName(method, args);
          if (method.equals("putBlob") && name != null && name.contains("/import/part-")) {
            down.set(true);
          }
          return down.get() ? S3Server.serviceUnavailable() : null;
        });
    failed = segment();
    s3.fault(S3Server.NONE);
    keysAfterFailure = List.copyOf(s3.objects(BUCKET, "out").keySet());
    rerun = segment();
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    s3.close();
  }

  static Cli.Result segment() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                "s3a://" + BUCKET + "/events",
                "--out",
                "s3a://" + BUCKET + "/out"));
    args.addAll(List.of(Corpora.AS_OF));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theFailedRunPublishedNothing() {
    assertThat(s3.injected()).as("the server failed requests").isPositive();
    assertThat(failed.exitCode()).as(failed.err()).isNotEqualTo(ExitCodes.OK);
    assertThat(keysAfterFailure)
        .noneMatch(k -> k.equals("out/summary.json") || k.startsWith("out/import/"));
  }

  @Test
  void theFailureIsOneLineThatSaysWhereAndWhatToDo() {
    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(failed.errLines())
        .singleElement()
        .asString()
        .startsWith("reengage: Cannot write")
        .contains("s3a://" + BUCKET + "/out");
  }

  @Test
  void theRerunWritesTheExpectedRows() throws Exception {
    assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
    assertThat(S3EndToEndTest.rows(s3.objects(BUCKET, "out/import/")))
        .isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
  }

  @Test
  void theRerunLeavesNothingOfTheFailedRunBehind() throws Exception {
    assertThat(s3.objects(BUCKET, "out").keySet())
        .allMatch(
            k ->
                k.startsWith("out/import/part-")
                    || k.equals("out/summary.json")
                    || k.equals("out/report.html"),
            "only the import, the report and the summary");
  }
}
