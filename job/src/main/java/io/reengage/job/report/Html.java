package io.reengage.job.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Escaping, number formats and the inlined charting library shared by the report pages. */
final class Html {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Vega and Vega-Lite, copied into the jar by the build from package-lock.json's versions. */
  private static final List<String> LIBRARIES =
      List.of("assets/vega/build/vega.min.js", "assets/vega-lite/build/vega-lite.min.js");

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String number(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  static String percent(double share) {
    return String.format(Locale.US, "%.1f%%", 100 * share);
  }

  /**
   * JSON for a {@code <script type="application/json">} block: '<' can only occur inside JSON
   * strings, where its escape keeps a crafted value from closing the script element.
   */
  static String scriptJson(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The library scripts and the renderer: every element with a {@code data-chart} attribute gets
   * the Vega-Lite spec of that name, drawn as SVG; {@code body[data-rendered]} says when all are
   * done (the browser test waits for it).
   */
  static String scripts(String specsJson) {
    StringBuilder b = new StringBuilder();
    b.append("<script type=\"application/json\" id=\"chart-specs\">")
        .append(specsJson)
        .append("</script>\n");
    for (String library : LIBRARIES) {
      b.append("<script data-library=\"")
          .append(library.split("/")[1])
          .append("\">")
          .append(resource(library))
          .append("</script>\n");
    }
    b.append(
        """
        <script>
        (function () {
          var specs = JSON.parse(document.getElementById('chart-specs').textContent);
          var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
          Promise.all(charts.map(function (el) {
            var compiled = vegaLite.compile(specs[el.getAttribute('data-chart')]).spec;
            return new vega.View(vega.parse(compiled), {renderer: 'svg', container: el, hover: true})
              .runAsync();
          })).then(function () {
            document.body.setAttribute('data-rendered', 'true');
          }, function (e) {
            document.body.setAttribute('data-rendered', 'error');
            console.error('reengage report: a chart failed to render', e);
          });
        })();
        </script>
        """);
    return b.toString();
  }

  /** A library bundle without its source-map comment, so that no tool goes looking for the map. */
  private static String resource(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The charting library "
                + name
                + " is missing from the jar (build it with ./mvnw package)");
      }
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return js.replaceAll("(?m)^//# sourceMappingURL=.*$", "").replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String STYLE =
      """
      <style>
        :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
                color: #1f2933; background: #f5f7fa; }
        body { margin: 0 auto; max-width: 1180px; padding: 20px 24px 40px; }
        h1 { font-size: 1.5rem; margin: 0 0 4px; }
        h2 { font-size: 1.05rem; margin: 0 0 2px; }
        .headline { font-size: 1.35rem; margin: 6px 0; }
        .headline strong { color: #d9480f; font-size: 1.8rem; }
        .rule, .explain, footer { color: #52606d; font-size: 0.9rem; margin: 2px 0 8px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
        section { background: #fff; border-radius: 8px; padding: 14px 16px;
                  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
        section.wide { grid-column: 1 / -1; }
        table { border-collapse: collapse; font-size: 0.85rem; margin-top: 6px; }
        th, td { padding: 2px 10px 2px 0; text-align: left; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        details summary { cursor: pointer; color: #52606d; font-size: 0.85rem; }
        .facts { display: flex; gap: 28px; flex-wrap: wrap; }
        .fact strong { display: block; font-size: 1.4rem; }
      </style>
      """;
}
