package io.reengage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.cli.MainAccess;
import io.reengage.job.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of a segment run on testdata: its distributions against the values derived by hand
 * from testdata/README.md, the page in a real browser ({@link ReportInBrowser}), and no address of
 * the input anywhere in it. The tools module runs the browser check on a generated set.
 */
class ReportBrowserTest {

  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  @BeforeAll
  static void runSegments() {
    SparkTestSession.get();
    assertThat(
            MainAccess.run(
                "segment",
                "--events",
                TESTDATA.resolve("events").toString(),
                "--as-of",
                "2026-08-31",
                "--out",
                tmp.resolve("testdata").toString()))
        .isZero();
  }

  @Test
  void testdataReportRendersTheSummarysNumbers() throws Exception {
    ReportInBrowser.check(tmp.resolve("testdata"), Path.of("target", "report-testdata.png"));
  }

  /** Values derived by hand from the stories of testdata/README.md (as-of 2026-08-31). */
  @Test
  void distributionsOfTestdataAreTheHandDerivedOnes() throws Exception {
    JsonNode d =
        JSON.readTree(tmp.resolve("testdata").resolve("summary.json").toFile())
            .path("distributions");
    // 57 addresses; 46 with >= 6 deliveries (32 output + 14 engaged or late starters); 43 of them
    // first delivered before 2026-02-28 (min-at-engagement-start, clamp-min-mar02 and
    // new-subscriber are not); 32 unengaged; 11 with an open or click in the window.
    assertThat(JSON.writeValueAsString(d.path("funnel")))
        .isEqualTo(
            "{\"addresses\":57,\"minDelivered\":46,\"firstDeliveryBeforeEngagementWindow\":43,"
                + "\"unengaged\":32,\"engaged\":11}");
    // n: 26 rows of 6; 7 (engaged-after-until, dedup-retry-seven); 8 (plain-eight,
    // engaged-long-ago); 12 and 14 (plain-twelve, long-tenure).
    assertThat(counts(d.path("deliveriesPerUnengaged")))
        .containsExactly(26L, 2L, 2L, 0L, 2L, 0L, 0L, 0L, 0L, 0L);
    assertThat(labels(d.path("deliveriesPerUnengaged")))
        .containsExactly(
            "6",
            "7",
            "8",
            "9",
            "10\u201314",
            "15\u201319",
            "20\u201329",
            "30\u201349",
            "50\u201399",
            "100+");
    // Days from the last delivery's UTC day to 2026-08-31: 0 (long-tenure, delivered-last-ms),
    // 19 (C13), 47 (C12), 72 x3 (C11), 111 (C9), 174 x17 (C7), 202 x4 (C6) and 222 x3 (C5).
    assertThat(counts(d.path("daysSinceLastDeliveryUnengaged")))
        .containsExactly(2L, 0L, 1L, 1L, 3L, 1L, 0L, 17L, 7L, 0L, 0L);
    // Engaged: 18 (click-only), 72 (engaged-open), 111 (case.sensitive), 151, 164, 174, 179 x3
    // (same-ms, opened-old-message, engaged-click, team), 184 x2 (opens on 2026-02-28).
    assertThat(counts(d.path("daysSinceLastEngagementEngaged")))
        .containsExactly(0L, 0L, 1L, 0L, 1L, 1L, 0L, 6L, 2L);
    assertThat(labels(d.path("daysSinceLastEngagementEngaged")).get(8)).isEqualTo("180+");
    // Domains, lower-cased (Case.Sensitive@Example.com and Mixed@Example.com are example.com).
    assertThat(JSON.writeValueAsString(d.path("domains")))
        .isEqualTo(
            "[{\"domain\":\"example.com\",\"addresses\":42,\"unengaged\":21},"
                + "{\"domain\":\"example.org\",\"addresses\":9,\"unengaged\":6},"
                + "{\"domain\":\"example.net\",\"addresses\":5,\"unengaged\":4},"
                + "{\"domain\":\"\u4f8b\u5b50.example\",\"addresses\":1,\"unengaged\":1}]");
  }

  private static List<Long> counts(JsonNode buckets) {
    List<Long> out = new ArrayList<>();
    buckets.forEach(b -> out.add(b.path("count").asLong()));
    return out;
  }

  private static List<String> labels(JsonNode buckets) {
    List<String> out = new ArrayList<>();
    buckets.forEach(b -> out.add(b.path("label").asText()));
    return out;
  }

  @Test
  void noAddressOfTheInputAppearsInTheReports() throws Exception {
    ReportInBrowser.assertNoAddress(tmp.resolve("testdata"), TESTDATA.resolve("events"), 57);
  }
}
