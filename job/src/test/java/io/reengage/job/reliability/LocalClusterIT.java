package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar on a real multi-process Spark cluster, submitted the way spark-submit and EMR
 * submit it: {@code org.apache.spark.deploy.SparkSubmit} with only Spark's own jars on the
 * classpath (a Spark home that module job/spark-home assembles; no Maven runtime classpath, no test
 * classes), on {@code local-cluster[2,1,1024]}: a master, two workers and two executor JVMs, so the
 * reader, its accumulator, the observed counts and every closure cross process boundaries and come
 * back through Spark's serialization.
 *
 * <p>Three submissions, each a fresh driver with its own cluster: {@code segment} on testdata/ in a
 * local folder, then {@code rollup} and {@code segment --rollups} from and to {@code s3a://} on the
 * in-process S3 server (the rollup reads every raw object over S3A in the executors, the daily run
 * reads the Parquet rollups and the as-of day's raw objects). Every result is checked against
 * testdata's hand-derived CSV and its story counts. A plain full scan over S3A is covered in one
 * JVM by S3EndToEndTest; a fourth cluster start would add about a third to this test's time.
 */
class LocalClusterIT {

  static final Path SPARK_HOME = Path.of("spark-home", "target", "spark-home").toAbsolutePath();
  static final Path JOB_JAR = Path.of("target", "reengage-job.jar").toAbsolutePath();
  static final String MASTER = "local-cluster[2,1,1024]";
  static final String BUCKET = "reengage-cluster";

  // The module openings Spark needs on Java 17, which spark-submit's launcher passes to a driver;
  // the repository's one list of them.
  static final Path JAVA17_ARGS = Path.of("..", "conf", "spark-java17.args").toAbsolutePath();

  // "Finished task 0.0 in stage 1.0 (TID 3) in 120 ms on 127.0.0.1 (executor 1) (2/4)"
  private static final Pattern FINISHED_ON_EXECUTOR =
      Pattern.compile("Finished task \\S+ in stage \\S+ \\(TID \\d+\\) .* \\(executor (\\d+)\\)");

  record Submitted(int exitCode, String output) {
    /** The executor ids that finished at least one task. */
    List<String> executorsThatRanTasks() {
      Matcher m = FINISHED_ON_EXECUTOR.matcher(output);
      List<String> ids = new ArrayList<>();
      while (m.find()) {
        if (!ids.contains(m.group(1))) {
          ids.add(m.group(1));
        }
      }
      ids.sort(null);
      return ids;
    }
  }

  @TempDir static Path work;
  static S3Server s3;
  static Submitted local;
  static Submitted rollup;
  static Submitted fromRollups;

  @BeforeAll
  static void submitToTheCluster() throws Exception {
    assertThat(SPARK_HOME.resolve("RELEASE"))
        .as("module job/spark-home assembles it; run `./mvnw -pl job -am verify`")
        .isRegularFile();
    assertThat(JOB_JAR).as("the shaded job jar (package phase)").isRegularFile();
    s3 = S3Server.start();
    s3.createBucket(BUCKET);
    s3.upload(BUCKET, "events/", Corpora.EVENTS);
    String events = "s3a://" + BUCKET + "/events";
    String rollups = "s3a://" + BUCKET + "/rollups";

    local =
        submit(
            "segment",
            "--events",
            Corpora.EVENTS.toString(),
            "--out",
            work.resolve("local").toUri().toString(),
            "--as-of",
            "2026-08-31",
            "--until",
            "2026-09-01T00:00:00Z");
    // June 1 to August 30 in one chunk, June and July compacted: the daily run then combines
    // compacted months, the days of August before as-of, and raw days on both sides (October 31 to
    // May 31, and as-of itself). Fewer rolled-up months keep the cluster's run short.
    rollup =
        submit(
            "rollup",
            "--events",
            events,
            "--rollups",
            rollups,
            "--from",
            "2026-06-01",
            "--to",
            "2026-08-30",
            "--chunk-days",
            "100");
    fromRollups =
        submit(
            "segment",
            "--events",
            events,
            "--rollups",
            rollups,
            "--out",
            "s3a://" + BUCKET + "/daily",
            "--as-of",
            "2026-08-31",
            "--until",
            "2026-09-01T00:00:00Z");
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  /** One spark-submit of the shaded jar: its own driver JVM, which starts the cluster. */
  static Submitted submit(String... jobArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx768m");
    cmd.add("@" + JAVA17_ARGS.normalize());
    cmd.add("-cp");
    cmd.add(SPARK_HOME.resolve("jars") + "/*");
    cmd.add("org.apache.spark.deploy.SparkSubmit");
    cmd.addAll(List.of("--master", MASTER, "--class", "io.reengage.job.cli.Main"));
    for (String conf :
        List.of(
            "spark.executor.memory=512m",
            "spark.ui.enabled=false",
            "spark.driver.host=127.0.0.1",
            "spark.sql.shuffle.partitions=2",
            // Spark's console progress bar would interleave with the log lines read below.
            "spark.ui.showConsoleProgress=false")) {
      cmd.addAll(List.of("--conf", conf));
    }
    for (Map.Entry<String, String> e : s3Options().entrySet()) {
      cmd.addAll(List.of("--conf", "spark.hadoop." + e.getKey() + "=" + e.getValue()));
    }
    cmd.add(JOB_JAR.toString());
    cmd.addAll(List.of(jobArgs));

    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    // Only Spark's jars: nothing inherited from the build may reach the driver or the executors.
    env.remove("CLASSPATH");
    env.remove("SPARK_DIST_CLASSPATH");
    env.remove("HADOOP_CONF_DIR");
    env.put("SPARK_HOME", SPARK_HOME.toString());
    // Master, workers and executors on the loopback interface, whatever the host's name resolves
    // to.
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // What Spark's bin/load-spark-env.sh exports for a distribution; the workers' launcher needs
    // it.
    env.put("SPARK_SCALA_VERSION", "2.12");
    // A machine zone that is not UTC: the rules must not depend on the JVMs' default zone.
    env.put("TZ", "America/New_York");
    Path log = Files.createTempFile(work, "submit-", ".log");
    pb.redirectOutput(log.toFile());
    long started = System.nanoTime();
    Process p = pb.start();
    // About half a minute on an idle 2-core machine; the limit leaves room for a loaded CI host.
    if (!p.waitFor(8, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          "spark-submit did not finish in 8 minutes:\n" + Files.readString(log));
    }
    System.out.printf(
        "LocalClusterIT: %s took %d s%n",
        jobArgs[0], (System.nanoTime() - started) / 1_000_000_000L);
    return new Submitted(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The S3A options that point the bucket at the in-process server, as Hadoop properties. */
  static Map<String, String> s3Options() {
    Configuration conf = new Configuration(false);
    s3.configure(conf, BUCKET);
    Map<String, String> options = new java.util.TreeMap<>();
    for (Map.Entry<String, String> e : conf) {
      options.put(e.getKey(), e.getValue());
    }
    return options;
  }

  static void assertSucceededOnBothExecutors(Submitted run) {
    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.OK);
    assertThat(run.executorsThatRanTasks())
        .as("tasks finished on both executor JVMs")
        .containsExactly("0", "1");
  }

  /** testdata's story counts (testdata/README.md), which come back from the executors. */
  static void assertTheStoryCounts(JsonNode s) {
    assertThat(s.get("badRecords").asLong()).isZero();
    assertThat(s.get("droppedAddresses").asLong()).isEqualTo(16);
    assertThat(s.get("addresses").asLong()).isEqualTo(57);
    assertThat(s.get("unengaged").asLong()).isEqualTo(32);
  }

  @Test
  void segmentOnALocalFolder_writesTheHandDerivedRows_andTheStoryCounts() throws Exception {
    assertSucceededOnBothExecutors(local);
    assertThat(ImportFolder.sortedRows(work.resolve("local").resolve("import")))
        .isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
    JsonNode s = Summary.read(work.resolve("local"));
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(43);
    // Counted by the reader's accumulator and the observed metrics, in the executors.
    assertThat(s.get("records").asLong()).isEqualTo(702);
    assertThat(s.get("deliveredEvents").asLong()).isEqualTo(342);
    assertThat(s.get("engagementEvents").asLong()).isEqualTo(13);
    assertTheStoryCounts(s);
  }

  @Test
  void rollupThenSegmentFromRollups_overS3a_writesTheHandDerivedRows() throws Exception {
    assertSucceededOnBothExecutors(rollup);
    assertSucceededOnBothExecutors(fromRollups);
    assertThat(s3.objects(BUCKET, "rollups/day=2026-08-01/").keySet())
        .contains("rollups/day=2026-08-01/_ROLLUP.json");
    assertThat(S3EndToEndTest.rows(s3.objects(BUCKET, "daily/import/")))
        .isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
    JsonNode s = Summary.parse(s3.objects(BUCKET, "daily/summary.json").get("daily/summary.json"));
    assertThat(s.get("source").asText()).isEqualTo("rollups+raw");
    // June (30) + July (31) + August 1-30 (30), all from their compacted months: compaction also
    // covers the partial month the rollup ended in.
    assertThat(s.get("rollups").get("rollupDays").asLong()).isEqualTo(91);
    assertThat(s.get("rollups").get("daysFromCompactedMonths").asLong()).isEqualTo(91);
    assertThat(s.get("rollups").get("rawDayRanges")).hasSize(2);
    assertTheStoryCounts(s);
  }
}
