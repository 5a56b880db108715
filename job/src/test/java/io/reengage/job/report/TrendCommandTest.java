package io.reengage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.cli.MainAccess;
import io.reengage.job.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reengage report --summaries}: one page over many runs, one point per as-of date. */
class TrendCommandTest {

  @TempDir Path tmp;

  private void summary(String folder, String asOf, long until, long addresses, long unengaged)
      throws Exception {
    Path dir = tmp.resolve("runs").resolve(folder);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("summary.json"),
        String.format(
            "{\"asOf\":\"%s\",\"untilEpochMillis\":%d,\"addresses\":%d,\"unengaged\":%d}",
            asOf, until, addresses, unengaged));
  }

  @Test
  void drawsOnePointPerAsOfDate_theRerunWithTheLaterUntilWins() throws Exception {
    summary("2026-08-02", "2026-08-02", 1000, 400, 100);
    summary("2026-08-01-a", "2026-08-01", 1000, 200, 50);
    summary("2026-08-01-b", "2026-08-01", 2000, 200, 60);
    Files.createDirectories(tmp.resolve("runs/2026-08-03/_staging-x"));
    Path out = tmp.resolve("trend.html");
    assertThat(
            MainAccess.run(
                "report", "--summaries", tmp.resolve("runs").toString(), "--out", out.toString()))
        .isZero();
    String html = Files.readString(out);
    // 60 of 200 is 30.0 %, 100 of 400 25.0 %; the first rerun (50) is left out.
    assertThat(html)
        .contains(
            "<tr><th scope=\"row\">2026-08-01</th><td class=\"n\">200</td><td class=\"n\">60</td>"
                + "<td class=\"n\">30.0%</td></tr>\n<tr><th scope=\"row\">2026-08-02</th>"
                + "<td class=\"n\">400</td><td class=\"n\">100</td><td class=\"n\">25.0%</td></tr>");
    assertThat(html).doesNotContain("<td class=\"n\">50</td>");

    Assumptions.assumeTrue(Chromium.executable().isPresent(), "Chromium is not installed");
    try (Chromium chromium = Chromium.start(Chromium.executable().get(), 1200, 800)) {
      chromium.send("Runtime.enable", Map.of());
      chromium.send("Page.enable", Map.of());
      chromium.send("Page.navigate", Map.of("url", out.toUri().toString()));
      assertThat(
              chromium
                  .waitFor(
                      "document.body && document.body.getAttribute('data-rendered')",
                      Duration.ofSeconds(60))
                  .asText())
          .isEqualTo("true");
      JsonNode points =
          new ObjectMapper()
              .readTree(
                  chromium
                      .evaluate(
                          "JSON.stringify(Array.from(document.querySelectorAll('[data-chart]'))"
                              + ".map(function (el) { return el.querySelectorAll("
                              + "'g.mark-symbol path').length; }))")
                      .asText());
      assertThat(points.toString()).isEqualTo("[2,2]");
      chromium.screenshot(Path.of("target", "report-trend.png"));
      for (JsonNode e : chromium.events()) {
        assertThat(e.path("method").asText()).isNotEqualTo("Runtime.exceptionThrown");
      }
    }
  }

  @Test
  void failsClearlyWithoutSummaries() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    assertThat(MainAccess.run("report", "--summaries", tmp.resolve("empty").toString()))
        .isEqualTo(3);
  }
}
