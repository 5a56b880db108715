package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code segment} over S3 when the storage misbehaves: throttling it must ride out, a server that
 * is gone, and an object it is not allowed to read. Each test uses its own buckets (S3A caches one
 * client per bucket) and the in-process s3proxy of {@link S3Server}.
 */
class S3FaultsTest {

  static S3Server s3;
  static Configuration conf;

  @BeforeAll
  static void startTheServer() throws Exception {
    s3 = S3Server.start();
    conf = SparkTestSession.get().sparkContext().hadoopConfiguration();
  }

  @AfterEach
  void healTheServer() {
    s3.fault(S3Server.NONE);
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    s3.close();
  }

  /** A bucket on the live server holding testdata/events under events/. */
  static String bucketWithEvents(String bucket) throws Exception {
    s3.configure(conf, bucket);
    s3.createBucket(bucket);
    s3.upload(bucket, "events/", Corpora.EVENTS);
    return bucket;
  }

  static Cli.Result segment(String events, String out) {
    List<String> args = new ArrayList<>(List.of("segment", "--events", events, "--out", out));
    args.addAll(List.of(Corpora.AS_OF));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void intermittent503s_areRetried_andTheRunWritesTheExpectedRows() throws Exception {
    String bucket = bucketWithEvents("faults-throttled");
    int before = s3.injected();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger budget = new AtomicInteger(15);
    // Every third request answers 503 Slow Down, fifteen times, spread over listing, reading,
    // writing and publishing.
    s3.fault(
        (method, args) ->
            calls.incrementAndGet() % 3 == 0 && budget.getAndDecrement() > 0
                ? S3Server.serviceUnavailable()
                : null);

    Cli.Result r = segment("s3a://" + bucket + "/events", "s3a://" + bucket + "/out");

    assertThat(s3.injected() - before).as("503s served").isEqualTo(15);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(S3EndToEndTest.rows(s3.objects(bucket, "out/import/")))
        .isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
    JsonNode s = Summary.parse(s3.objects(bucket, "out/summary.json").get("out/summary.json"));
    assertThat(s.get("inputs").get(0).get("unreadableFiles").asLong())
        .as("no file given up on")
        .isZero();
    assertThat(s.get("records").asLong()).isEqualTo(702);
  }

  @Test
  void eventsOnAServerThatIsGone_failWithOneLine_andPublishNothing() throws Exception {
    String out = "faults-gone-events-out";
    s3.configure(conf, out);
    s3.createBucket(out);
    S3Server.configure(conf, "faults-gone-events", "http://127.0.0.1:" + S3Server.deadPort());

    Cli.Result r = segment("s3a://faults-gone-events/events", "s3a://" + out + "/out");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("reengage: Cannot ")
        .contains("--events s3a://faults-gone-events/events")
        .contains("check the location, credentials and network");
    // S3A may leave an empty directory marker for out/ when it removes the staging folder.
    assertThat(s3.objects(out, "").entrySet())
        .as("nothing published, staging removed")
        .allMatch(e -> e.getKey().equals("out/") && e.getValue().length == 0);
  }

  @Test
  void outputOnAServerThatIsGone_failsWithOneLine() throws Exception {
    String bucket = bucketWithEvents("faults-gone-out-events");
    S3Server.configure(conf, "faults-gone-out", "http://127.0.0.1:" + S3Server.deadPort());

    Cli.Result r = segment("s3a://" + bucket + "/events", "s3a://faults-gone-out/out");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("reengage: Cannot write to --out s3a://faults-gone-out/out");
  }

  /**
   * An object the job may list but not read (a KMS key or bucket policy that denies GetObject) is
   * not damaged data: skipping it would silently drop its events from the result (an address whose
   * opens are in it would be exported as unengaged). The run must fail, like the query would.
   */
  @Test
  void anObjectThatCannotBeRead_failsTheRun_insteadOfSkippingItsEvents() throws Exception {
    String bucket = bucketWithEvents("faults-denied");
    String denied = "events/2026/03/05/07/pinpoint-email-events-1-2026-03-05-07-30-00-2c008faf";
    assertThat(s3.objects(bucket, denied)).as("the denied object exists").hasSize(1);
    int before = s3.injected();
    s3.fault(
        (method, args) ->
            method.equals("getBlob") && denied.equals(S3Server.objectName(method, args))
                ? S3Server.accessDenied()
                : null);

    Cli.Result r = segment("s3a://" + bucket + "/events", "s3a://" + bucket + "/out");

    assertThat(s3.injected() - before).as("the read was denied").isPositive();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("reengage: Cannot read")
        .contains("s3a://" + bucket + "/events");
    assertThat(s3.objects(bucket, "out/summary.json")).isEmpty();
    assertThat(s3.objects(bucket, "out/import/")).isEmpty();
  }
}
