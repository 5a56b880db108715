package io.reengage.job.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One page for many runs: the segment's size and share per as-of date, the view of a backfill or of
 * a month of daily runs. Drawn from the runs' summaries only (counts, never addresses).
 */
public final class TrendPage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrendPage() {}

  /**
   * The trend over {@code summaries}. Two runs for the same as-of date (a rerun) count once: the
   * one that saw events up to the later {@code until}, and of equals the one given last.
   */
  public static String render(List<JsonNode> summaries) {
    TreeMap<String, JsonNode> byDate = new TreeMap<>();
    for (JsonNode s : summaries) {
      String asOf = s.path("asOf").asText();
      JsonNode earlier = byDate.get(asOf);
      if (earlier == null
          || s.path("untilEpochMillis").asLong() >= earlier.path("untilEpochMillis").asLong()) {
        byDate.put(asOf, s);
      }
    }
    List<Map<String, Object>> size = new ArrayList<>();
    List<Map<String, Object>> share = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : byDate.entrySet()) {
      long addresses = e.getValue().path("addresses").asLong();
      long unengaged = e.getValue().path("unengaged").asLong();
      double fraction = addresses == 0 ? 0 : (double) unengaged / addresses;
      size.add(point(e.getKey(), unengaged));
      share.add(point(e.getKey(), fraction));
      rows.append("<tr><th scope=\"row\">")
          .append(Html.escape(e.getKey()))
          .append("</th><td class=\"n\">")
          .append(Html.number(addresses))
          .append("</td><td class=\"n\">")
          .append(Html.number(unengaged))
          .append("</td><td class=\"n\">")
          .append(Html.percent(fraction))
          .append("</td></tr>\n");
    }
    ObjectNode specs = JSON.createObjectNode();
    specs.set(
        "size", ChartSpecs.line("Unengaged addresses per as-of date", size, "Unengaged", null));
    specs.set(
        "share",
        ChartSpecs.line("Unengaged share of addresses per as-of date", share, "Share", ".0%"));
    String first = byDate.isEmpty() ? "" : byDate.firstKey();
    String last = byDate.isEmpty() ? "" : byDate.lastKey();
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>reengage: the segment from ")
        .append(Html.escape(first))
        .append(" to ")
        .append(Html.escape(last))
        .append("</title>\n")
        .append(Html.STYLE)
        .append("</head>\n<body>\n<header><h1>The unengaged segment from ")
        .append(Html.escape(first))
        .append(" to ")
        .append(Html.escape(last))
        .append("</h1>\n<p class=\"rule\">")
        .append(byDate.size())
        .append(" runs, one per as-of date (of reruns for a date, the one with the later until).")
        .append("</p></header>\n<main class=\"grid\">\n")
        .append("<section id=\"size\"><h2>Segment size</h2><p class=\"explain\">Unengaged")
        .append(" addresses found by each run.</p><div class=\"chart\" data-chart=\"size\"></div>")
        .append("</section>\n")
        .append("<section id=\"share\"><h2>Share unengaged</h2><p class=\"explain\">Unengaged")
        .append(" addresses as a share of all addresses seen in the windows.</p>")
        .append("<div class=\"chart\" data-chart=\"share\"></div></section>\n")
        .append("<section class=\"wide\" id=\"runs\"><h2>Runs</h2><details open><summary>Table")
        .append("</summary><table><caption>Runs by as-of date</caption><thead><tr>")
        .append("<th scope=\"col\">As of</th><th scope=\"col\" class=\"n\">Addresses</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Unengaged</th><th scope=\"col\" class=\"n\">Share</th>")
        .append("</tr></thead><tbody>\n")
        .append(rows)
        .append("</tbody></table></details></section>\n</main>\n")
        .append(Html.scripts(Html.scriptJson(specs)))
        .append("</body>\n</html>\n");
    return html.toString();
  }

  private static Map<String, Object> point(String date, Object value) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("date", date);
    p.put("value", value);
    return p;
  }
}
