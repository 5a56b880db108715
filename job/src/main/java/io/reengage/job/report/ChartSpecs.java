package io.reengage.job.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Vega-Lite specifications of the report's charts, with their data inline (the page fetches
 * nothing). Each bar carries its number as a text label, so the chart reads without hovering.
 */
final class ChartSpecs {

  static final String UNENGAGED_COLOR = "#d9480f";
  static final String ALL_COLOR = "#a5b4c4";
  static final String ENGAGED_COLOR = "#2f7d5b";
  private static final int WIDTH = 400;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChartSpecs() {}

  /** Vertical bars in the given order, one per row of {@code rows} (fields "label" and "count"). */
  static ObjectNode columns(
      String description,
      List<Map<String, Object>> rows,
      String xTitle,
      String yTitle,
      String color) {
    ObjectNode spec = base(description, rows);
    spec.put("height", 200);
    ObjectNode enc = spec.putObject("encoding");
    ObjectNode x = enc.putObject("x");
    x.put("field", "label").put("type", "ordinal").put("title", xTitle);
    x.putNull("sort");
    x.putObject("axis").put("labelAngle", rows.size() > 9 ? -35 : 0);
    enc.putObject("y").put("field", "count").put("type", "quantitative").put("title", yTitle);
    tooltip(enc, "label", xTitle, "count", yTitle);
    ArrayNode layer = spec.putArray("layer");
    layer.addObject().putObject("mark").put("type", "bar").put("color", color);
    ObjectNode text = layer.addObject();
    text.putObject("mark").put("type", "text").put("dy", -6).put("fontSize", 11);
    text.putObject("encoding").putObject("text").put("field", "count").put("type", "quantitative");
    return spec;
  }

  /**
   * Horizontal bars of {@code total} with {@code part} drawn over them (fields "label", "total",
   * "part"): the part's share of each bar is visible at a glance.
   */
  static ObjectNode overlaidRows(
      String description,
      List<Map<String, Object>> rows,
      String yTitle,
      String totalTitle,
      String partTitle) {
    ObjectNode spec = base(description, rows);
    spec.put("width", 320);
    spec.put("height", Math.max(60, 22 * rows.size()));
    ObjectNode enc = spec.putObject("encoding");
    ObjectNode y = enc.putObject("y");
    y.put("field", "label").put("type", "ordinal").put("title", yTitle);
    y.putNull("sort");
    y.putObject("axis").put("labelLimit", 180);
    ArrayNode tip = tooltip(enc, "label", yTitle == null ? "" : yTitle, "total", totalTitle);
    if (partTitle != null) {
      tip.add(field("part", partTitle));
    }
    ArrayNode layer = spec.putArray("layer");
    ObjectNode total = layer.addObject();
    total.putObject("mark").put("type", "bar").put("color", ALL_COLOR);
    total
        .putObject("encoding")
        .putObject("x")
        .put("field", "total")
        .put("type", "quantitative")
        .put(
            "title",
            partTitle == null ? totalTitle : totalTitle + " (grey), " + partTitle + " (orange)");
    ObjectNode part = layer.addObject();
    part.putObject("mark").put("type", "bar").put("color", UNENGAGED_COLOR).put("height", 12);
    part.putObject("encoding").putObject("x").put("field", "part").put("type", "quantitative");
    ObjectNode label = layer.addObject();
    label.putObject("mark").put("type", "text").put("align", "left").put("dx", 4);
    ObjectNode labelEnc = label.putObject("encoding");
    labelEnc.putObject("x").put("field", "total").put("type", "quantitative");
    labelEnc.putObject("text").put("field", "caption").put("type", "nominal");
    return spec;
  }

  /** A line with points over dates (fields "date" and "value"). */
  static ObjectNode line(
      String description, List<Map<String, Object>> rows, String yTitle, String format) {
    ObjectNode spec = base(description, rows);
    spec.put("height", 220);
    ObjectNode enc = spec.putObject("encoding");
    ObjectNode x = enc.putObject("x");
    x.put("field", "date").put("type", "temporal").put("timeUnit", "utcyearmonthdate");
    x.put("title", "As-of date");
    // Whole days only: without this, two dates get ticks at every few hours.
    x.putObject("axis")
        .put("format", "%Y-%m-%d")
        .put("labelAngle", -35)
        .putObject("tickCount")
        .put("interval", "day");
    ObjectNode y = enc.putObject("y");
    y.put("field", "value").put("type", "quantitative").put("title", yTitle);
    if (format != null) {
      y.putObject("axis").put("format", format);
    }
    ArrayNode tip = tooltip(enc, "date", "As-of date", "value", yTitle);
    ((ObjectNode) tip.get(0)).put("timeUnit", "utcyearmonthdate");
    ((ObjectNode) tip.get(0)).put("type", "temporal");
    if (format != null) {
      ((ObjectNode) tip.get(1)).put("format", format);
    }
    spec.putObject("mark")
        .put("type", "line")
        .put("color", UNENGAGED_COLOR)
        .putObject("point")
        .put("color", UNENGAGED_COLOR);
    return spec;
  }

  private static ObjectNode base(String description, List<Map<String, Object>> rows) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("$schema", "https://vega.github.io/schema/vega-lite/v6.json");
    spec.put("description", description);
    spec.put("width", WIDTH);
    spec.putObject("data").set("values", JSON.valueToTree(rows));
    ObjectNode config = spec.putObject("config");
    config.putObject("view").put("stroke", (String) null);
    config.putObject("axis").put("labelFontSize", 11).put("titleFontSize", 12);
    return spec;
  }

  private static ArrayNode tooltip(ObjectNode enc, String f1, String t1, String f2, String t2) {
    ArrayNode tip = enc.putArray("tooltip");
    tip.add(field(f1, t1));
    tip.add(field(f2, t2));
    return tip;
  }

  private static ObjectNode field(String name, String title) {
    ObjectNode f = JSON.createObjectNode();
    boolean number = List.of("count", "total", "part", "value").contains(name);
    f.put("field", name).put("type", number ? "quantitative" : "nominal").put("title", title);
    return f;
  }
}
