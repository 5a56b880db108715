package io.reengage.job.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html} of one segment run, drawn from its summary alone (so it holds what the
 * summary holds: counts and domains, never an address). One self-contained page: the charting
 * library, the data and the styles are inline, and it fetches nothing.
 */
public final class ReportPage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode s;
  private final ObjectNode specs = JSON.createObjectNode();
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private ReportPage(JsonNode summary) {
    this.s = summary;
  }

  /** The page for a summary as written to {@code summary.json}. */
  public static String render(Map<String, Object> summary) {
    return render((JsonNode) JSON.valueToTree(summary));
  }

  public static String render(JsonNode summary) {
    return new ReportPage(summary).build();
  }

  private String build() {
    String asOf = s.path("asOf").asText();
    long addresses = s.path("addresses").asLong();
    long unengaged = s.path("unengaged").asLong();
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>reengage: ")
        .append(Html.number(unengaged))
        .append(" unengaged as of ")
        .append(Html.escape(asOf))
        .append("</title>\n")
        .append(Html.STYLE)
        .append("</head>\n<body>\n<header>\n");
    html.append("<h1>Unengaged email recipients as of ")
        .append(Html.escape(asOf))
        .append("</h1>\n");
    html.append("<p class=\"headline\" id=\"headline\"><strong data-value=\"unengaged\">")
        .append(Html.number(unengaged))
        .append("</strong> of <span data-value=\"addresses\">")
        .append(Html.number(addresses))
        .append("</span> addresses are unengaged (<span data-value=\"share\">")
        .append(Html.percent(addresses == 0 ? 0 : (double) unengaged / addresses))
        .append("</span>)</p>\n");
    html.append("<p class=\"rule\">").append(Html.escape(ruleSentence())).append("</p>\n");
    html.append("</header>\n<main class=\"grid\">\n");

    JsonNode d = s.path("distributions");
    if (d.isObject()) {
      funnel(d.path("funnel"));
      histogram(
          "deliveries",
          "Deliveries per unengaged address",
          "How many counted deliveries each address in the segment received: the right-hand bars"
              + " are the addresses mailed most without a response.",
          d.path("deliveriesPerUnengaged"),
          "Deliveries in the window",
          ChartSpecs.UNENGAGED_COLOR);
      histogram(
          "days-since-delivery",
          "Days since the last delivery (unengaged)",
          "How long ago each address in the segment last received mail, counted back from "
              + asOf
              + ".",
          d.path("daysSinceLastDeliveryUnengaged"),
          "Days since the last delivery",
          ChartSpecs.UNENGAGED_COLOR);
      histogram(
          "days-since-engagement",
          "Days since the last open or click (engaged)",
          "Engaged addresses lapse once their last open or click is more than "
              + engagementWindowDays()
              + " days old: the right-hand bars are closest to joining the segment.",
          d.path("daysSinceLastEngagementEngaged"),
          "Days since the last engagement",
          ChartSpecs.ENGAGED_COLOR);
      domains(d.path("domains"));
    } else {
      html.append(
          "<section class=\"wide\"><h2>Distributions</h2><p class=\"explain\">This summary"
              + " holds no distributions (written by an older version).</p></section>\n");
    }
    machineOpens(unengaged);
    inputs();
    timings();
    html.append("</main>\n<footer><p>Written by reengage from ")
        .append(
            Html.escape(s.path("importUri").asText("")).isEmpty()
                ? "this run"
                : "this run's summary")
        .append(
            ". Charts: Vega and Vega-Lite (BSD-3-Clause, Copyright (c) 2015-2023, University of"
                + " Washington Interactive Data Lab), inlined: the page loads nothing from the network.")
        .append("</p></footer>\n");
    html.append(Html.scripts(Html.scriptJson(specs)));
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private String ruleSentence() {
    JsonNode w = s.path("windows");
    String deliveredStart = day(w.path("deliveredStart").asText());
    String engagementStart = day(w.path("engagementStart").asText());
    int min = s.path("thresholds").path("minDelivered").asInt();
    List<String> types = new ArrayList<>();
    s.path("thresholds").path("engagementTypes").forEach(t -> types.add(t.asText()));
    return "Unengaged: at least "
        + min
        + " deliveries after "
        + deliveredStart
        + " ("
        + w.path("deliveredMonths").asInt()
        + " months), the first before "
        + engagementStart
        + ", and no "
        + String.join(" or ", types)
        + " after "
        + engagementStart
        + " ("
        + w.path("engagementMonths").asInt()
        + " months). Events up to "
        + s.path("until").asText()
        + ".";
  }

  private long engagementWindowDays() {
    String start = day(s.path("windows").path("engagementStart").asText());
    try {
      return ChronoUnit.DAYS.between(
          LocalDate.parse(start), LocalDate.parse(s.path("asOf").asText()));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String day(String instant) {
    try {
      return Instant.parse(instant).atZone(ZoneOffset.UTC).toLocalDate().toString();
    } catch (RuntimeException e) {
      return instant;
    }
  }

  private void funnel(JsonNode f) {
    String engagementStart = day(s.path("windows").path("engagementStart").asText());
    int min = s.path("thresholds").path("minDelivered").asInt();
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("All addresses", f.path("addresses").asLong()));
    rows.add(row("with \u2265 " + min + " deliveries", f.path("minDelivered").asLong()));
    rows.add(
        row(
            "and the first before " + engagementStart,
            f.path("firstDeliveryBeforeEngagementWindow").asLong()));
    rows.add(row("and no open or click: unengaged", f.path("unengaged").asLong()));
    for (Map<String, Object> r : rows) {
      r.put("total", r.get("count"));
      r.put("part", 0L);
      r.put("caption", Html.number((Long) r.get("count")));
    }
    rows.get(rows.size() - 1).put("part", f.path("unengaged").asLong());
    specs.set(
        "funnel",
        ChartSpecs.overlaidRows(
            "Funnel: addresses passing each test in turn", rows, null, "Addresses", "unengaged"));
    section(
        "funnel",
        "How the segment is selected",
        "Each bar keeps the addresses of the bar above that also pass the next test of the rule.",
        "Step",
        "Addresses",
        rows,
        false);
  }

  private void histogram(
      String id, String title, String explain, JsonNode buckets, String xTitle, String color) {
    List<Map<String, Object>> rows = new ArrayList<>();
    buckets.forEach(b -> rows.add(row(b.path("label").asText(), b.path("count").asLong())));
    specs.set(id, ChartSpecs.columns(title, rows, xTitle, "Addresses", color));
    section(id, title, explain, xTitle, "Addresses", rows, false);
  }

  private void domains(JsonNode domains) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode d : domains) {
      String name = d.path("domain").asText();
      if (d.has("domains")) {
        name = "other (" + Html.number(d.path("domains").asLong()) + " domains)";
      }
      long all = d.path("addresses").asLong();
      long part = d.path("unengaged").asLong();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("label", name);
      r.put("total", all);
      r.put("part", part);
      r.put("caption", Html.number(part) + " of " + Html.number(all));
      rows.add(r);
    }
    specs.set(
        "domains",
        ChartSpecs.overlaidRows(
            "Addresses and unengaged addresses by recipient domain",
            rows,
            null,
            "Addresses",
            "unengaged"));
    html.append("<section class=\"wide\" id=\"domains\"><h2>By recipient domain</h2>\n")
        .append(
            "<p class=\"explain\">The 15 domains with the most addresses (lower-cased), the rest"
                + " together: grey is every address, orange the unengaged ones.</p>\n")
        .append("<div class=\"chart\" data-chart=\"domains\"></div>\n")
        .append("<details><summary>Table</summary><table><caption>By recipient domain</caption>")
        .append(
            "<thead><tr><th scope=\"col\">Domain</th><th scope=\"col\" class=\"n\">Addresses</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Unengaged</th><th scope=\"col\" class=\"n\">Share</th>")
        .append("</tr></thead><tbody>\n");
    for (Map<String, Object> r : rows) {
      long all = (Long) r.get("total");
      long part = (Long) r.get("part");
      html.append("<tr><th scope=\"row\">")
          .append(Html.escape((String) r.get("label")))
          .append("</th><td class=\"n\">")
          .append(Html.number(all))
          .append("</td><td class=\"n\">")
          .append(Html.number(part))
          .append("</td><td class=\"n\">")
          .append(Html.percent(all == 0 ? 0 : (double) part / all))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></details></section>\n");
  }

  private void machineOpens(long unengaged) {
    html.append("<section id=\"machine-opens\"><h2>Machine opens</h2>\n");
    if (!s.has("machineOpens")) {
      html.append(
          "<p class=\"explain\">Not counted in this run: opens by mail-privacy proxies and"
              + " scanners count as engagement, as in the original query.</p></section>\n");
      return;
    }
    long opens = s.path("machineOpens").asLong();
    long ignoring = s.path("unengagedIgnoringMachineOpens").asLong(unengaged);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Machine opens", opens));
    rows.add(row("Unengaged", unengaged));
    rows.add(row("Unengaged if machine opens were ignored", ignoring));
    List<Map<String, Object>> chartRows = new ArrayList<>();
    for (Map<String, Object> r : rows.subList(1, 3)) {
      Map<String, Object> c = new LinkedHashMap<>(r);
      c.put("total", c.get("count"));
      c.put("part", c.get("count"));
      c.put("caption", Html.number((Long) c.get("count")));
      chartRows.add(c);
    }
    specs.set(
        "machine-opens",
        ChartSpecs.overlaidRows(
            "The segment with and without machine opens",
            chartRows,
            null,
            "Addresses",
            "unengaged"));
    html.append("<p class=\"explain\">")
        .append(Html.number(opens))
        .append(
            " opens were made by machines (privacy proxies, scanners); ignoring them, the segment"
                + " would hold ")
        .append(Html.number(Math.max(0, ignoring - unengaged)))
        .append(" more addresses.</p>\n<div class=\"chart\" data-chart=\"machine-opens\"></div>\n");
    table("Machine opens", "Count", "Value", rows);
    html.append("</section>\n");
  }

  private void inputs() {
    JsonNode in = s.path("inputs");
    long files = 0;
    long bytes = 0;
    long unreadable = 0;
    List<JsonNode> roots = new ArrayList<>();
    if (in.isArray()) {
      in.forEach(roots::add);
    } else if (in.isObject()) {
      roots.add(in);
    }
    for (JsonNode r : roots) {
      files += r.path("files").asLong();
      bytes += r.path("bytes").asLong();
      unreadable += r.path("unreadableFiles").asLong();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Files read", files));
    rows.add(row("Bytes read", bytes));
    rows.add(row("Records", s.path("records").asLong()));
    if (s.has("pinpointRecords")) {
      rows.add(row("Pinpoint records", s.path("pinpointRecords").asLong()));
    }
    if (s.has("sesRecords")) {
      rows.add(row("SES records", s.path("sesRecords").asLong()));
    }
    rows.add(row("Bad records (skipped)", s.path("badRecords").asLong()));
    rows.add(row("Records of ignored types", s.path("ignoredRecords").asLong()));
    rows.add(row("Unreadable files", unreadable));
    rows.add(row("Deliveries in the window", s.path("deliveredEvents").asLong()));
    rows.add(row("Opens and clicks in the window", s.path("engagementEvents").asLong()));
    rows.add(row("Unusable address elements dropped", s.path("droppedAddresses").asLong()));
    rows.add(row("Import files written", s.path("outputFiles").asLong()));
    rows.add(row("Import bytes written", s.path("outputBytes").asLong()));
    html.append("<section id=\"inputs\"><h2>Inputs and outputs</h2>\n<p class=\"explain\">");
    List<String> uris = new ArrayList<>();
    roots.forEach(r -> uris.add(r.path("uri").asText()));
    html.append("Read from ")
        .append(Html.escape(String.join(", ", uris)))
        .append(" (")
        .append(Html.escape(s.path("source").asText("raw")))
        .append(").</p>\n");
    table("Inputs and outputs", "What", "Count", rows, true);
    html.append("</section>\n");
  }

  private void timings() {
    List<Map<String, Object>> rows = new ArrayList<>();
    s.path("timings")
        .fields()
        .forEachRemaining(e -> rows.add(row(phase(e.getKey()), e.getValue().asLong())));
    specs.set(
        "timings",
        ChartSpecs.overlaidRows(
            "Time spent by phase in milliseconds", withBars(rows), null, "Milliseconds", null));
    section(
        "timings",
        "Timings",
        "Milliseconds by phase; the job's total runs from Spark being ready to the output published.",
        "Phase",
        "Milliseconds",
        rows,
        false);
  }

  private static String phase(String key) {
    return switch (key) {
      case "listMs" -> "listing and planning";
      case "aggregateMs" -> "reading and the rules";
      case "scanMs" -> "of which scanning events";
      case "distributionsMs" -> "report counts";
      case "crossCheckMs" -> "cross-check";
      case "writeMs" -> "writing the CSV";
      case "jobMs" -> "whole job";
      default -> key;
    };
  }

  private static List<Map<String, Object>> withBars(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Map<String, Object> c = new LinkedHashMap<>(r);
      c.put("total", c.get("count"));
      c.put("part", 0L);
      c.put("caption", Html.number((Long) c.get("count")) + " ms");
      out.add(c);
    }
    return out;
  }

  private void section(
      String id,
      String title,
      String explain,
      String keyTitle,
      String valueTitle,
      List<Map<String, Object>> rows,
      boolean wide) {
    html.append("<section id=\"")
        .append(id)
        .append(wide ? "\" class=\"wide\">" : "\">")
        .append("<h2>")
        .append(Html.escape(title))
        .append("</h2>\n<p class=\"explain\">")
        .append(Html.escape(explain))
        .append("</p>\n<div class=\"chart\" data-chart=\"")
        .append(id)
        .append("\"></div>\n");
    table(title, keyTitle, valueTitle, rows);
    html.append("</section>\n");
  }

  private void table(
      String caption, String keyTitle, String valueTitle, List<Map<String, Object>> rows) {
    table(caption, keyTitle, valueTitle, rows, false);
  }

  private void table(
      String caption,
      String keyTitle,
      String valueTitle,
      List<Map<String, Object>> rows,
      boolean open) {
    html.append(open ? "<details open>" : "<details>")
        .append("<summary>Table</summary><table><caption>")
        .append(Html.escape(caption))
        .append("</caption><thead><tr><th scope=\"col\">")
        .append(Html.escape(keyTitle))
        .append("</th><th scope=\"col\" class=\"n\">")
        .append(Html.escape(valueTitle))
        .append("</th></tr></thead><tbody>\n");
    for (Map<String, Object> r : rows) {
      html.append("<tr><th scope=\"row\">")
          .append(Html.escape((String) r.get("label")))
          .append("</th><td class=\"n\">")
          .append(Html.number((Long) r.get("count")))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></details>\n");
  }

  private static Map<String, Object> row(String label, long count) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("label", label);
    r.put("count", count);
    return r;
  }
}
