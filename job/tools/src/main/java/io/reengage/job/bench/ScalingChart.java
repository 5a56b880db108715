package io.reengage.job.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the scaling benchmark's chart: seconds, bytes read and rows combined against the mail
 * volume, one line per measurement, three panels over one volume axis.
 *
 * <p>Usage: {@code ScalingChart <scaling.tsv> <out.png>}. Each input line is {@code factor <TAB>
 * series <TAB> seconds <TAB> bytes <TAB> rows}; {@code -} leaves a value out of its panel.
 */
public final class ScalingChart {

  private static final String[] PANELS = {"seconds", "GB read", "million rows combined"};
  private static final double[] SCALE = {1, 1e9, 1e6};
  private static final Color[] PALETTE = {
    new Color(0xD62728),
    new Color(0x1F77B4),
    new Color(0x2CA02C),
    new Color(0xFF7F0E),
    new Color(0x9467BD),
    new Color(0x8C564B)
  };

  private ScalingChart() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    List<Map<String, XYSeries>> panels =
        List.of(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      double factor = Double.parseDouble(f[0]);
      for (int panel = 0; panel < PANELS.length; panel++) {
        String value = f[2 + panel];
        if (!value.equals("-")) {
          panels
              .get(panel)
              .computeIfAbsent(f[1], XYSeries::new)
              .add(factor, Double.parseDouble(value) / SCALE[panel]);
        }
      }
    }
    NumberAxis volume = new NumberAxis("mail per address per day (x the benchmark set)");
    volume.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(volume);
    Map<String, Color> colours = new LinkedHashMap<>();
    Map<String, Shape> shapes = new LinkedHashMap<>();
    Shape[] shapeCycle = DefaultDrawingSupplier.createStandardSeriesShapes();
    plot.setGap(12);
    for (int panel = 0; panel < PANELS.length; panel++) {
      XYSeriesCollection data = new XYSeriesCollection();
      panels.get(panel).values().forEach(data::addSeries);
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      for (int s = 0; s < data.getSeriesCount(); s++) {
        renderer.setSeriesStroke(s, new BasicStroke(2f));
        // One colour and one marker per measurement in every panel, and one legend entry (every
        // measurement has seconds, so the first panel names them all).
        String name = (String) data.getSeriesKey(s);
        renderer.setSeriesPaint(
            s, colours.computeIfAbsent(name, n -> PALETTE[colours.size() % PALETTE.length]));
        renderer.setSeriesShape(
            s, shapes.computeIfAbsent(name, n -> shapeCycle[shapes.size() % shapeCycle.length]));
        renderer.setSeriesVisibleInLegend(s, panel == 0);
      }
      NumberAxis axis = new NumberAxis(PANELS[panel]);
      XYPlot sub = new XYPlot(data, null, axis, renderer);
      sub.setBackgroundPaint(Color.WHITE);
      sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
      sub.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.add(sub, 1);
    }
    JFreeChart chart =
        new JFreeChart(
            "reengage: full scan vs daily --rollups vs DuckDB, by mail volume",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(Path.of(args[1]).toFile(), chart, 900, 1100);
  }
}
