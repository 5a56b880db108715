package io.reengage.job.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks a segment run's report.html in a real browser: headless Chromium opens the page, and what
 * was drawn (SVG elements of each chart, their bars, axis labels and numbers, the tables) is read
 * from the DOM and compared with summary.json. Used by the job's test on testdata and by the tools'
 * test on a generated set.
 */
public final class ReportInBrowser {

  static final ObjectMapper JSON = new ObjectMapper();

  private ReportInBrowser() {}

  public static void assertNoAddress(Path out, Path events, int atLeast) throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    String data = ReportPages.withoutLibraries(html);
    List<String> addresses = EventAddresses.of(events);
    assertThat(addresses).hasSizeGreaterThanOrEqualTo(atLeast);
    for (String address : addresses) {
      assertThat(html.contains(address)).as("an address is in the report").isFalse();
      String local = address.contains("@") ? address.substring(0, address.lastIndexOf('@')) : "";
      if (local.strip().length() >= 3) {
        assertThat(data.contains(local.strip())).as("a local part is in the report").isFalse();
      }
    }
  }

  public static void check(Path out, Path screenshot) throws Exception {
    Optional<Path> browser = Chromium.executable();
    if (browser.isEmpty()) {
      System.err.println(
          "\n*** SKIPPED: no Chromium (/usr/bin/chromium or $CHROMIUM): report.html was NOT tested"
              + " in a browser. Install it with .ci/install-chromium (apt-get install chromium). ***\n");
    }
    Assumptions.assumeTrue(browser.isPresent(), "Chromium is not installed");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    Path page = out.resolve("report.html");
    assertThat(summary.path("reportUri").asText())
        .isEqualTo(page.toUri().toString().replace("file:///", "file:/"));

    try (Chromium chromium = Chromium.start(browser.get(), 1200, 900)) {
      chromium.send("Runtime.enable", Map.of());
      chromium.send("Log.enable", Map.of());
      chromium.send("Network.enable", Map.of());
      chromium.send("Page.enable", Map.of());
      chromium.send("Page.navigate", Map.of("url", page.toUri().toString()));
      JsonNode state =
          chromium.waitFor(
              "document.body && document.body.getAttribute('data-rendered')",
              Duration.ofSeconds(60));
      assertThat(state.asText()).isEqualTo("true");
      JsonNode facts = JSON.readTree(chromium.evaluate(FACTS).asText());
      chromium.screenshot(screenshot);

      for (JsonNode e : chromium.events()) {
        String method = e.path("method").asText();
        JsonNode p = e.path("params");
        assertThat(method).as(e.toString()).isNotEqualTo("Runtime.exceptionThrown");
        if (method.equals("Runtime.consoleAPICalled")) {
          assertThat(p.path("type").asText()).as(e.toString()).isNotIn("error", "assert");
        }
        if (method.equals("Log.entryAdded")) {
          assertThat(p.path("entry").path("level").asText()).as(e.toString()).isNotEqualTo("error");
        }
        if (method.equals("Network.requestWillBeSent")) {
          assertThat(p.path("request").path("url").asText())
              .as("the page fetches nothing from the network")
              .matches("^(file|data|about):.*");
        }
      }

      JsonNode headline = facts.path("headline");
      assertThat(number(headline.path("unengaged").asText()))
          .isEqualTo(summary.path("unengaged").asLong());
      assertThat(number(headline.path("addresses").asText()))
          .isEqualTo(summary.path("addresses").asLong());

      JsonNode d = summary.path("distributions");
      histogram(facts, "deliveries", d.path("deliveriesPerUnengaged"), "Deliveries in the window");
      histogram(
          facts,
          "days-since-delivery",
          d.path("daysSinceLastDeliveryUnengaged"),
          "Days since the last delivery");
      histogram(
          facts,
          "days-since-engagement",
          d.path("daysSinceLastEngagementEngaged"),
          "Days since the last engagement");

      JsonNode funnel = chart(facts, "funnel");
      JsonNode f = d.path("funnel");
      assertThat(funnel.path("svg").asInt()).isEqualTo(1);
      assertThat(funnel.path("bars").size()).as("two layers of four bars").isEqualTo(8);
      assertThat(texts(funnel.path("texts")))
          .containsExactly(
              fmt(f.path("addresses").asLong()),
              fmt(f.path("minDelivered").asLong()),
              fmt(f.path("firstDeliveryBeforeEngagementWindow").asLong()),
              fmt(f.path("unengaged").asLong()));

      JsonNode domains = chart(facts, "domains");
      List<String> captions = new ArrayList<>();
      List<List<String>> tableRows = new ArrayList<>();
      for (JsonNode row : d.path("domains")) {
        captions.add(
            fmt(row.path("unengaged").asLong()) + " of " + fmt(row.path("addresses").asLong()));
        String name =
            row.has("domains")
                ? "other (" + fmt(row.path("domains").asLong()) + " domains)"
                : row.path("domain").asText();
        tableRows.add(
            List.of(
                name, fmt(row.path("addresses").asLong()), fmt(row.path("unengaged").asLong())));
      }
      assertThat(domains.path("bars").size()).isEqualTo(2 * d.path("domains").size());
      assertThat(texts(domains.path("texts"))).containsExactlyElementsOf(captions);
      List<List<String>> shown = new ArrayList<>();
      for (JsonNode tr : facts.path("tables").path("domains")) {
        shown.add(List.of(tr.get(0).asText(), tr.get(1).asText(), tr.get(2).asText()));
      }
      assertThat(shown).containsExactlyElementsOf(tableRows);
      assertThat(chart(facts, "timings").path("bars").size())
          .isEqualTo(2 * summary.path("timings").size());
    }
  }

  private static void histogram(JsonNode facts, String id, JsonNode buckets, String xTitle) {
    JsonNode c = chart(facts, id);
    List<String> labels = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode b : buckets) {
      labels.add(b.path("label").asText());
      counts.add(fmt(b.path("count").asLong()));
      rows.add(List.of(b.path("label").asText(), fmt(b.path("count").asLong())));
    }
    assertThat(c.path("svg").asInt()).as(id).isEqualTo(1);
    assertThat(c.path("bars").size()).as(id + " bars").isEqualTo(buckets.size());
    assertThat(texts(c.path("axisLabels"))).as(id + " x labels").containsSubsequence(labels);
    assertThat(texts(c.path("axisTitles"))).as(id).contains(xTitle, "Addresses");
    assertThat(texts(c.path("texts")))
        .as(id + " numbers on the bars")
        .containsExactlyElementsOf(counts);
    List<List<String>> shown = new ArrayList<>();
    for (JsonNode tr : facts.path("tables").path(id)) {
      shown.add(List.of(tr.get(0).asText(), tr.get(1).asText()));
    }
    assertThat(shown).as(id + " table").containsExactlyElementsOf(rows);
  }

  private static JsonNode chart(JsonNode facts, String id) {
    for (JsonNode c : facts.path("charts")) {
      if (c.path("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no chart " + id);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(t -> out.add(t.asText()));
    return out;
  }

  private static long number(String shown) {
    return Long.parseLong(shown.replace(",", ""));
  }

  private static String fmt(long n) {
    return String.format(java.util.Locale.US, "%,d", n);
  }

  /** What the page shows, read from the DOM the browser built. */
  private static final String FACTS =
      """
      JSON.stringify({
        headline: {
          unengaged: document.querySelector('[data-value=unengaged]').textContent,
          addresses: document.querySelector('[data-value=addresses]').textContent
        },
        charts: Array.from(document.querySelectorAll('[data-chart]')).map(function (el) {
          var all = function (sel) {
            return Array.from(el.querySelectorAll(sel)).map(function (n) { return n.textContent; });
          };
          return {
            id: el.getAttribute('data-chart'),
            svg: el.querySelectorAll('svg').length,
            bars: Array.from(el.querySelectorAll('path[aria-roledescription="bar"]'))
              .map(function (p) { return p.getAttribute('aria-label'); }),
            texts: all('g.mark-text.role-mark text'),
            axisTitles: all('g.role-axis-title text'),
            axisLabels: all('g.role-axis-label text')
          };
        }),
        tables: Object.fromEntries(Array.from(document.querySelectorAll('section')).map(function (s) {
          return [s.id, Array.from(s.querySelectorAll('tbody tr')).map(function (tr) {
            return Array.from(tr.children).map(function (c) { return c.textContent; });
          })];
        }))
      })
      """;
}
