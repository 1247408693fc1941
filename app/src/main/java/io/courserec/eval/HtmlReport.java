package io.courserec.eval;

import io.courserec.split.Split;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML form of a report ({@code index.html}): one self-contained page, readable offline and safe to mail. The
 * style sheet is inline and every chart is inline SVG drawn from the same JFreeChart charts as the PNG files
 * ({@link ReportCharts}); the page loads nothing, not even from its own directory (it only links to
 * {@code results.json} and {@code results.md} next to it). It holds the run's provenance and parameters, the split
 * sizes, the results table, the paired comparison of the hybrid, the charts, and per algorithm with confidences its
 * reliability table beside its reliability diagram.
 *
 * <p>The page is also well-formed XML (void elements closed, numeric character references only), so tests can
 * parse it and so can any XML tool.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1180px;
        padding:0 1rem;color:#1d232a;line-height:1.45}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
      table{border-collapse:collapse;margin:.8rem 0;font-size:.86rem}
      th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:right;white-space:nowrap}
      th{background:#f3f5f7}td.name,th.name{text-align:left}
      .scroll{overflow-x:auto}.params code{background:#f3f5f7;padding:0 .25rem;margin-right:.3rem;border-radius:3px}
      figure{margin:1.2rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
      svg{max-width:100%;height:auto;border:1px solid #e5e8eb}
      .pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.pair figure{flex:1 1 520px}
      .better{color:#116329}.worse{color:#a40e26}.warn{background:#fff8c5;padding:.4rem .6rem}
      nav a{margin-right:.8rem}
      """;

  private HtmlReport() {}

  /** Renders the page. */
  public static String render(ExperimentReport r) {
    List<ReportCharts.Chart> charts = ReportCharts.charts(r);
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>Evaluation ")
        .append(esc(r.timestamp())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>Evaluation ").append(esc(r.timestamp())).append("</h1>\n");
    sb.append("<nav><a href=\"#parameters\">parameters</a><a href=\"#results\">results</a>")
        .append("<a href=\"#charts\">charts</a><a href=\"#calibration\">calibration</a>")
        .append("<a href=\"results.json\">results.json</a><a href=\"results.md\">results.md</a></nav>\n");
    parameters(sb, r);
    splits(sb, r);
    results(sb, r);
    paired(sb, r);
    paths(sb, r);
    sb.append("<h2 id=\"charts\">Charts</h2>\n");
    for (ReportCharts.Chart c : charts) {
      if (!c.file().startsWith("calibration-")) figure(sb, c);
    }
    calibration(sb, r, charts);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void parameters(StringBuilder sb, ExperimentReport r) {
    sb.append("<h2 id=\"parameters\">Run and parameters</h2>\n<ul>\n");
    sb.append("<li>data: <code>").append(esc(r.dataSource())).append("</code>, content SHA-256 <code>")
        .append(esc(r.dataHash() == null ? "unknown" : r.dataHash())).append("</code></li>\n");
    sb.append("<li>config hash <code>").append(esc(r.configHash())).append("</code>, seed ").append(r.seed())
        .append(", K = ").append(r.k()).append(", commit <code>")
        .append(esc(r.gitCommit() == null ? "unknown" : r.gitCommit())).append("</code></li>\n");
    sb.append("<li>machine: ").append(esc(String.format(Locale.ROOT, "%s cores, %s MB max heap, Java %s, %s",
        r.environment().get("cores"), r.environment().get("max_heap_mb"), r.environment().get("java"),
        r.environment().get("os")))).append("</li>\n");
    sb.append("<li class=\"params\">settings: ");
    r.evalSettings().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        sb.append("<code>").append(esc(e.getKey())).append('=').append(esc(e.getValue())).append("</code> "));
    sb.append("</li>\n</ul>\n");
  }

  private static void splits(StringBuilder sb, ExperimentReport r) {
    sb.append("<h2>Splits</h2>\n<table>\n<tr><th class=\"name\">split</th><th>train events</th><th>hidden events</th>")
        .append("<th>test learners</th><th>held-out pairs</th></tr>\n");
    for (Split.Summary s : r.splits()) {
      sb.append("<tr><td class=\"name\">").append(esc(s.name())).append("</td>").append(cell(s.trainEvents()))
          .append(cell(s.hiddenEvents())).append(cell(s.testUsers())).append(cell(s.heldOutPairs())).append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void results(StringBuilder sb, ExperimentReport r) {
    sb.append("<h2 id=\"results\">Results</h2>\n<div class=\"scroll\"><table>\n<tr><th class=\"name\">algorithm</th>")
        .append("<th class=\"name\">split</th><th>served / test</th>");
    for (Metric m : Metric.values()) sb.append("<th>").append(esc(m.heading(r.k()))).append("</th>");
    sb.append("<th>train s</th><th>rank ms mean</th><th>p50</th><th>p99</th></tr>\n");
    for (AlgorithmResult a : r.results()) {
      sb.append("<tr><td class=\"name\">").append(esc(a.algorithm())).append("</td><td class=\"name\">")
          .append(esc(a.split())).append("</td><td>").append(a.servedUsers()).append(" / ").append(a.testUsers())
          .append("</td>");
      for (Metric m : Metric.values()) sb.append("<td>").append(MarkdownReport.num(m.of(a.metrics()), 4)).append("</td>");
      sb.append("<td>").append(MarkdownReport.num(a.trainSeconds(), 2)).append("</td><td>")
          .append(MarkdownReport.num(a.ranking().meanMs(), 3)).append("</td><td>")
          .append(MarkdownReport.num(a.ranking().p50Ms(), 3)).append("</td><td>")
          .append(MarkdownReport.num(a.ranking().p99Ms(), 3)).append("</td></tr>\n");
    }
    sb.append("</table></div>\n");
    for (AlgorithmResult a : r.results()) {
      if (a.contractViolations() > 0) {
        sb.append("<p class=\"warn\"><strong>Warning:</strong> ").append(esc(a.algorithm())).append(" on ")
            .append(esc(a.split())).append(" recommended ").append(a.contractViolations())
            .append(" courses the learner had taken or dismissed.</p>\n");
      }
    }
  }

  private static void paired(StringBuilder sb, ExperimentReport r) {
    List<MarkdownReport.Paired> rows = MarkdownReport.paired(r);
    if (rows.isEmpty()) return;
    sb.append("<h2>The hybrid against each algorithm</h2>\n<p>NDCG@").append(r.k())
        .append(" of the hybrid minus the algorithm&#8217;s, learner by learner, with a 95 % paired-bootstrap interval (")
        .append(MarkdownReport.BOOTSTRAP_RESAMPLES).append(" resamples of the test learners); better / worse when the ")
        .append("whole interval is above / below 0. Over all test learners, then per segment of the hybrid (cold, ")
        .append("warm, rich by positive training courses; segments of at least ").append(MarkdownReport.MIN_SEGMENT_LEARNERS)
        .append(" learners).</p>\n<table>\n<tr><th class=\"name\">split</th><th class=\"name\">learners</th>")
        .append("<th class=\"name\">algorithm</th><th>difference</th><th>95 % interval</th><th class=\"name\">verdict</th></tr>\n");
    for (MarkdownReport.Paired p : rows) {
      PairedBootstrap.Interval i = p.interval();
      sb.append(String.format(Locale.ROOT, "<tr><td class=\"name\">%s</td><td class=\"name\">%s %d</td>"
          + "<td class=\"name\">%s</td><td>%+.4f</td><td>[%+.4f, %+.4f]</td><td class=\"name %s\">%s</td></tr>%n",
          esc(p.split()), esc(p.segment()), p.learners(), esc(p.algorithm()), i.mean(), i.low(), i.high(), i.verdict(),
          i.verdict()));
    }
    sb.append("</table>\n");
  }

  private static void paths(StringBuilder sb, ExperimentReport r) {
    if (r.paths().isEmpty()) return;
    sb.append("<h2 id=\"paths\">Learning paths</h2>\n<p>").append(esc(MarkdownReport.PATH_NOTE)).append("</p>\n<table>\n<tr>");
    for (int i = 0; i < MarkdownReport.PATH_COLUMNS.length; i++) {
      sb.append(i < 3 ? "<th class=\"name\">" : "<th>").append(esc(MarkdownReport.PATH_COLUMNS[i])).append("</th>");
    }
    sb.append("</tr>\n");
    for (PathQuality q : r.paths()) {
      String[] row = MarkdownReport.pathRow(q);
      sb.append("<tr>");
      for (int i = 0; i < row.length; i++) sb.append(i < 3 ? "<td class=\"name\">" : "<td>").append(esc(row[i])).append("</td>");
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void calibration(StringBuilder sb, ExperimentReport r, List<ReportCharts.Chart> charts) {
    sb.append("<h2 id=\"calibration\">Calibration of confidence</h2>\n");
    boolean any = false;
    Map<String, ReportCharts.Chart> byFile = new java.util.HashMap<>();
    for (ReportCharts.Chart c : charts) byFile.put(c.file(), c);
    for (AlgorithmResult a : r.results()) {
      ReliabilityTable t = a.calibration();
      if (t == null) continue;
      any = true;
      sb.append(String.format(Locale.ROOT, "<h3>%s on %s: ECE %s, MCE %s, base rate %s (%d scored, %d without "
              + "confidence)</h3>%n<div class=\"pair\"><table>%n<tr><th>confidence</th><th>count</th>"
              + "<th>mean confidence</th><th>observed relevance</th></tr>%n", esc(a.algorithm()), esc(a.split()),
          MarkdownReport.num(t.expectedCalibrationError(), 4), MarkdownReport.num(t.maxCalibrationError(), 4),
          MarkdownReport.num(t.baseRate(), 4), t.scored(), t.absent()));
      for (ReliabilityTable.Bin b : t.bins()) {
        sb.append(String.format(Locale.ROOT, "<tr><td>[%.2f, %.2f%s</td><td>%d</td><td>%s</td><td>%s</td></tr>%n",
            b.lower(), b.upper(), b.upper() >= 1 ? "]" : ")", b.count(), MarkdownReport.num(b.meanConfidence(), 3),
            MarkdownReport.num(b.observedRate(), 3)));
      }
      sb.append("</table>\n");
      figure(sb, byFile.get(ReportCharts.calibrationFile(a)));
      sb.append("</div>\n");
    }
    if (!any) sb.append("<p>No algorithm in this run gives confidence values.</p>\n");
    sb.append("<p>Equal-width confidence bins; observed = share of the bin&#8217;s recommendations that were held-out ")
        .append("relevant courses. ECE weights each bin&#8217;s gap by its size.</p>\n");
  }

  private static void figure(StringBuilder sb, ReportCharts.Chart c) {
    String id = c.file().replace(".png", "");
    sb.append("<figure id=\"chart-").append(esc(id)).append("\"><figcaption>").append(esc(c.title()))
        .append("</figcaption>\n").append(c.svg()).append("\n</figure>\n");
  }

  private static String cell(long v) {
    return "<td>" + v + "</td>";
  }

  /** Escapes text and attribute values (XML's five). */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
