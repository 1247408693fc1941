package io.courserec.eval;

import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of a report, drawn with JFreeChart in headless mode: one bar chart per headline metric (algorithms on
 * the axis, one bar colour per split), one of ranking latency (p50 and p99 per algorithm and split), and a
 * reliability diagram (observed relevance against mean confidence per bin, with the diagonal of perfect
 * calibration) for every algorithm that gives confidences. Undefined values are left out of the charts.
 */
public final class ReportCharts {
  /** Metrics drawn as bar charts. */
  static final List<Metric> CHARTED = List.of(Metric.NDCG, Metric.RECALL, Metric.COVERAGE, Metric.DIVERSITY,
      Metric.NOVELTY, Metric.SERENDIPITY);
  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;

  private ReportCharts() {}

  /** Writes the charts into {@code dir} and returns the files written. */
  public static List<Path> write(ExperimentReport r, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Path> out = new ArrayList<>();
    for (Metric m : CHARTED) {
      DefaultCategoryDataset ds = new DefaultCategoryDataset();
      for (AlgorithmResult a : r.results()) {
        double v = m.of(a.metrics());
        if (!Double.isNaN(v)) ds.addValue(v, a.split(), a.algorithm());
      }
      out.add(save(ChartFactory.createBarChart(m.heading(r.k()) + " by algorithm", "algorithm",
          m.heading(r.k()), ds, PlotOrientation.VERTICAL, true, false, false), dir, m.code() + ".png"));
    }
    DefaultCategoryDataset lat = new DefaultCategoryDataset();
    for (AlgorithmResult a : r.results()) {
      if (Double.isNaN(a.ranking().p50Ms())) continue;
      lat.addValue(a.ranking().p50Ms(), "p50 " + a.split(), a.algorithm());
      lat.addValue(a.ranking().p99Ms(), "p99 " + a.split(), a.algorithm());
    }
    out.add(save(ChartFactory.createBarChart("Ranking latency per learner", "algorithm", "ms", lat,
        PlotOrientation.VERTICAL, true, false, false), dir, "ranking_latency.png"));
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
      out.add(save(ChartFactory.createXYLineChart(title, "mean confidence", "observed relevance", xy,
          PlotOrientation.VERTICAL, true, false, false), dir, "calibration-" + slug(a.split()) + "-"
          + slug(a.algorithm()) + ".png"));
    }
    return out;
  }

  private static Path save(JFreeChart chart, Path dir, String name) throws IOException {
    style(chart);
    Path file = dir.resolve(name);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    return file;
  }

  /** White background, light grid; bar values printed on the bars; reliability diagram on [0, 1] with points. */
  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof CategoryPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(Color.LIGHT_GRAY);
      if (p.getRenderer() instanceof BarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.###")));
        r.setDefaultItemLabelsVisible(true);
      }
    } else if (chart.getPlot() instanceof XYPlot p) {
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
  }

  private static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}
