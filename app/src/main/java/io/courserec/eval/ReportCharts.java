package io.courserec.eval;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The charts of a report, drawn with JFreeChart in headless mode, as PNG files and as SVG for the HTML page: one
 * bar chart per headline metric (one bar colour per split), one of ranking latency (p50 and p99 per algorithm and
 * split), and a reliability diagram (observed relevance against mean confidence per bin, with the diagonal of
 * perfect calibration) for every algorithm that gives confidences. Undefined values are left out.
 *
 * <p>Bars are horizontal, one row per bar: algorithm names sit left of the plot with room for the longest, and each
 * value is printed just past the end of its own bar, so no name is cut and no two values share a place (with
 * vertical bars, JFreeChart shortened names to fit the bar width, "hybr…", and printed the values of neighbouring
 * bars over each other). The chart's height grows with the number of bars.
 */
public final class ReportCharts {
  /** Metrics drawn as bar charts. */
  static final List<Metric> CHARTED = List.of(Metric.NDCG, Metric.RECALL, Metric.COVERAGE, Metric.DIVERSITY,
      Metric.NOVELTY, Metric.SERENDIPITY);
  private static final int WIDTH = 900;
  private static final int RELIABILITY_HEIGHT = 560;
  /** Pixels per bar: room for a value label (10-point font) plus the gap. */
  private static final int BAR_ROW = 22;
  /** Title, legend and value axis around the bars. */
  private static final int FRAME = 150;

  /**
   * One chart of the report.
   *
   * @param file the PNG file name (also the HTML anchor, without ".png")
   * @param title what the chart shows
   * @param chart the chart, styled
   * @param height pixels
   */
  public record Chart(String file, String title, JFreeChart chart, int height) {
    /** The chart as a standalone SVG element. */
    public String svg() {
      SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
      chart.draw(g, new java.awt.Rectangle(0, 0, WIDTH, height));
      // a view box, so the page can scale the chart to its width instead of clipping it
      return g.getSVGElement(file.replace(".png", ""), true, new ViewBox(0, 0, WIDTH, height), null, null);
    }
  }

  private ReportCharts() {}

  /** Writes the charts as PNG files into {@code dir} and returns the files written. */
  public static List<Path> write(ExperimentReport r, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Chart c : charts(r)) {
      Path file = dir.resolve(c.file());
      ChartUtils.saveChartAsPNG(file.toFile(), c.chart(), WIDTH, c.height());
      out.add(file);
    }
    return out;
  }

  /** Every chart of the report, in the order of the report: metrics, latency, reliability diagrams. */
  public static List<Chart> charts(ExperimentReport r) {
    System.setProperty("java.awt.headless", "true");
    List<Chart> out = new ArrayList<>();
    for (Metric m : CHARTED) {
      DefaultCategoryDataset ds = new DefaultCategoryDataset();
      for (AlgorithmResult a : r.results()) {
        double v = m.of(a.metrics());
        if (!Double.isNaN(v)) ds.addValue(v, a.split(), a.algorithm());
      }
      out.add(bars(m.heading(r.k()) + " by algorithm", m.heading(r.k()), ds, m.code() + ".png"));
    }
    DefaultCategoryDataset lat = new DefaultCategoryDataset();
    for (AlgorithmResult a : r.results()) {
      if (Double.isNaN(a.ranking().p50Ms())) continue;
      lat.addValue(a.ranking().p50Ms(), "p50 " + a.split(), a.algorithm());
      lat.addValue(a.ranking().p99Ms(), "p99 " + a.split(), a.algorithm());
    }
    out.add(bars("Ranking latency per learner", "ms", lat, "ranking_latency.png"));
    for (AlgorithmResult a : r.results()) {
      if (a.calibration() == null) continue;
      XYSeries observed = new XYSeries("observed");
      for (ReliabilityTable.Bin b : a.calibration().bins()) {
        if (b.count() > 0) observed.add(b.meanConfidence(), b.observedRate());
      }
      XYSeries ideal = new XYSeries("perfect calibration");
      ideal.add(0.0, 0.0);
      ideal.add(1.0, 1.0);
      XYSeriesCollection xy = new XYSeriesCollection();
      xy.addSeries(observed);
      xy.addSeries(ideal);
      String title = String.format(Locale.ROOT, "Reliability: %s on %s (ECE %s)", a.algorithm(), a.split(),
          MarkdownReport.num(a.calibration().expectedCalibrationError(), 3));
      JFreeChart chart = ChartFactory.createXYLineChart(title, "mean confidence", "observed relevance", xy,
          PlotOrientation.VERTICAL, true, false, false);
      styleReliability(chart);
      out.add(new Chart(calibrationFile(a), title, chart, RELIABILITY_HEIGHT));
    }
    return out;
  }

  private static Chart bars(String title, String valueAxis, DefaultCategoryDataset ds, String file) {
    JFreeChart chart = ChartFactory.createBarChart(title, "algorithm", valueAxis, ds, PlotOrientation.HORIZONTAL,
        true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot p = chart.getCategoryPlot();
    p.setBackgroundPaint(Color.WHITE);
    p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    CategoryAxis names = p.getDomainAxis();
    names.setMaximumCategoryLabelLines(3); // a name longer than the reserved width wraps rather than being cut
    names.setCategoryMargin(0.15);
    p.getRangeAxis().setUpperMargin(0.18); // room right of the longest bar for its value
    BarRenderer r = (BarRenderer) p.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.05);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.###")));
    r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    int bars = Math.max(1, ds.getRowCount() * ds.getColumnCount());
    return new Chart(file, title, chart, FRAME + BAR_ROW * bars);
  }

  /** White background, light grid, both axes on [0, 1], points on the observed line, the diagonal in grey. */
  private static void styleReliability(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot p = chart.getXYPlot();
    p.setBackgroundPaint(Color.WHITE);
    p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    p.setDomainGridlinePaint(Color.LIGHT_GRAY);
    p.getDomainAxis().setRange(0, 1);
    p.getRangeAxis().setRange(0, 1);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesShapesVisible(1, false);
    r.setSeriesPaint(1, Color.GRAY);
    p.setRenderer(r);
  }

  /** The file name of an algorithm's reliability diagram. */
  static String calibrationFile(AlgorithmResult a) {
    return "calibration-" + slug(a.split()) + "-" + slug(a.algorithm()) + ".png";
  }

  private static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}
