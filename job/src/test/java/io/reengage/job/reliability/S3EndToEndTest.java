package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reengage.job.cli.ExitCodes;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole {@code segment} run from {@code s3a://} to {@code s3a://} against an S3-compatible
 * server (s3proxy, in this JVM), on testdata/ with the hand-checked expected rows.
 */
class S3EndToEndTest {

  static final String BUCKET = "reengage-e2e";
  static S3Server s3;
  static Cli.Result first;
  static Cli.Result second;

  @BeforeAll
  static void runTwiceOverS3() throws Exception {
    s3 = S3Server.start();
    s3.configure(SparkTestSession.get().sparkContext().hadoopConfiguration(), BUCKET);
    s3.createBucket(BUCKET);
    s3.upload(BUCKET, "events/", Corpora.EVENTS);
    first = segment("out");
    second = segment("again");
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    s3.close();
  }

  static Cli.Result segment(String out) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                "s3a://" + BUCKET + "/events",
                "--out",
                "s3a://" + BUCKET + "/" + out));
    args.addAll(List.of(Corpora.AS_OF));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Data lines of the CSV objects, each checked to start with the header, sorted. */
  static List<String> rows(Map<String, byte[]> parts) {
    List<String> rows = new ArrayList<>();
    for (byte[] part : parts.values()) {
      String[] lines = new String(part, StandardCharsets.UTF_8).split("\n", -1);
      assertThat(lines[0]).isEqualTo(ImportFolder.HEADER);
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          rows.add(lines[i]);
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  @Test
  void bothRunsSucceed() {
    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
    assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
    assertThat(first.errLines())
        .singleElement()
        .asString()
        .contains("32 unengaged of 57 addresses")
        .contains("s3a://" + BUCKET + "/out/import/");
  }

  @Test
  void theImportFolderHoldsOnlyCsvParts_withTheHandDerivedRows() throws Exception {
    TreeMap<String, byte[]> parts = s3.objects(BUCKET, "out/import/");
    assertThat(parts).isNotEmpty();
    assertThat(parts.keySet())
        .allMatch(k -> k.matches("out/import/part-\\d{5}-\\d{3}\\.csv"), "CSV parts only");
    assertThat(parts.values())
        .allMatch(b -> b.length > ImportFolder.HEADER.length() + 1, "no empty parts");
    assertThat(rows(parts)).isEqualTo(ImportFolder.expectedRows(Corpora.EXPECTED));
  }

  @Test
  void nothingButTheImportTheReportAndTheSummaryRemains() throws Exception {
    assertThat(s3.objects(BUCKET, "out").keySet())
        .allMatch(
            k ->
                k.startsWith("out/import/part-")
                    || k.equals("out/summary.json")
                    || k.equals("out/report.html"),
            "no staging, no markers")
        .contains("out/summary.json", "out/report.html");
  }

  @Test
  void theSummaryNamesTheS3ImportFolderAndTheStoriesCounts() throws Exception {
    JsonNode s = Summary.parse(s3.objects(BUCKET, "out/summary.json").get("out/summary.json"));
    assertThat(s.get("importUri").asText()).isEqualTo("s3a://" + BUCKET + "/out/import/");
    assertThat(s.get("inputs").get(0).get("files").asLong()).isEqualTo(43);
    assertThat(s.get("records").asLong()).isEqualTo(702);
    assertThat(s.get("badRecords").asLong()).isZero();
    assertThat(s.get("inputs").get(0).get("unreadableFiles").asLong()).isZero();
    assertThat(s.get("unengaged").asLong()).isEqualTo(32);
    assertThat(s.get("outputFiles").asLong()).isEqualTo(s3.objects(BUCKET, "out/import/").size());
  }

  @Test
  void aRerunWithTheSameAsOfAndUntil_writesByteIdenticalParts() throws Exception {
    TreeMap<String, byte[]> a = s3.objects(BUCKET, "out/import/");
    TreeMap<String, byte[]> b = s3.objects(BUCKET, "again/import/");
    assertThat(b.keySet().stream().map(k -> k.substring("again/".length())).toList())
        .isEqualTo(a.keySet().stream().map(k -> k.substring("out/".length())).toList());
    for (String key : a.keySet()) {
      assertThat(b.get("again/" + key.substring("out/".length()))).as(key).isEqualTo(a.get(key));
    }
  }
}
