package io.courserec.eval;

import io.courserec.hybrid.UserSegment;

import io.courserec.split.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown form of a report ({@code results.md}): provenance, split sizes, one table row per algorithm &times;
 * split with every metric and the timings, and a reliability table for every algorithm that gives confidences.
 * Undefined values are shown as "n/a".
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** Resamples of the paired bootstrap; its seed is fixed so a report renders the same twice. */
  static final int BOOTSTRAP_RESAMPLES = 2000;
  static final long BOOTSTRAP_SEED = 20261205L;

  /** Fewest test learners a segment needs for its own rows in the paired comparison. */
  static final int MIN_SEGMENT_LEARNERS = 20;

  /**
   * One row of the paired comparison: the hybrid against {@code algorithm} on {@code split}, over all test learners
   * ({@code segment} "all") or over one hybrid segment's.
   */
  record Paired(String split, String segment, int learners, String algorithm, PairedBootstrap.Interval interval) {}

  /**
   * Per split with a {@code hybrid} result: the hybrid's NDCG@k minus each other algorithm's, learner by learner, with
   * a 95 % paired-bootstrap interval ({@link PairedBootstrap}), over all test learners and then per hybrid segment
   * (cold, warm, rich: where the blend's weights differ) with at least {@value #MIN_SEGMENT_LEARNERS} learners.
   * Shared by the Markdown and the HTML report.
   */
  static List<Paired> paired(ExperimentReport r) {
    List<Paired> out = new ArrayList<>();
    for (AlgorithmResult h : r.results()) {
      if (!h.algorithm().equals("hybrid") || h.perUserNdcg().length == 0) continue;
      int n = h.perUserNdcg().length;
      for (AlgorithmResult a : r.results()) {
        if (a == h || !a.split().equals(h.split()) || a.perUserNdcg().length != n) continue;
        out.add(new Paired(h.split(), "all", n, a.algorithm(),
            PairedBootstrap.of(h.perUserNdcg(), a.perUserNdcg(), BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED)));
      }
      if (h.perUserSegment().length != n) continue;
      for (UserSegment seg : UserSegment.values()) {
        int[] members = java.util.stream.IntStream.range(0, n).filter(i -> h.perUserSegment()[i] == seg).toArray();
        if (members.length < MIN_SEGMENT_LEARNERS) continue;
        for (AlgorithmResult a : r.results()) {
          if (a == h || !a.split().equals(h.split()) || a.perUserNdcg().length != n) continue;
          out.add(new Paired(h.split(), seg.code(), members.length, a.algorithm(), PairedBootstrap.of(
              pick(h.perUserNdcg(), members), pick(a.perUserNdcg(), members), BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED)));
        }
      }
    }
    return out;
  }

  private static double[] pick(double[] values, int[] at) {
    double[] out = new double[at.length];
    for (int i = 0; i < at.length; i++) out[i] = values[at[i]];
    return out;
  }

  static void pairedComparison(StringBuilder sb, ExperimentReport r) {
    List<Paired> rows = paired(r);
    if (rows.isEmpty()) return;
    sb.append(String.format(Locale.ROOT, "%n## The hybrid against each algorithm%n%nNDCG@%d of the hybrid minus the "
        + "algorithm's, learner by learner, with a 95 %% paired-bootstrap interval (%d resamples of the test "
        + "learners); better / worse when the whole interval is above / below 0. Over all test learners, then per "
        + "segment of the hybrid (cold, warm, rich by positive training courses; segments of at least %d learners)."
        + "%n%n| split | learners | algorithm | difference | 95 %% interval | verdict |%n|---|---|---|---:|---|---|%n",
        r.k(), BOOTSTRAP_RESAMPLES, MIN_SEGMENT_LEARNERS));
    for (Paired p : rows) {
      PairedBootstrap.Interval i = p.interval();
      sb.append(String.format(Locale.ROOT, "| %s | %s %d | %s | %+.4f | [%+.4f, %+.4f] | %s |%n", p.split(),
          p.segment(), p.learners(), p.algorithm(), i.mean(), i.low(), i.high(), i.verdict()));
    }
  }

  /** Renders the report. */
  public static String render(ExperimentReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Evaluation ").append(r.timestamp()).append("\n\n");
    sb.append("- data: `").append(r.dataSource()).append("` (content SHA-256 `").append(shortHash(r.dataHash()))
        .append("`)\n");
    sb.append("- config hash `").append(r.configHash()).append("`, seed ").append(r.seed()).append(", K = ")
        .append(r.k()).append(", commit `").append(r.gitCommit() == null ? "unknown" : r.gitCommit()).append("`\n");
    sb.append("- machine: ").append(r.environment().get("cores")).append(" cores, ")
        .append(r.environment().get("max_heap_mb")).append(" MB max heap, Java ").append(r.environment().get("java"))
        .append(", ").append(r.environment().get("os")).append("\n");
    sb.append("- settings: ");
    r.evalSettings().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append('`').append(e.getKey()).append('=').append(e.getValue()).append("` "));
    sb.append("\n\n## Splits\n\n");
    sb.append("| split | train events | hidden events | test learners | held-out pairs |\n");
    sb.append("|---|---:|---:|---:|---:|\n");
    for (Split.Summary s : r.splits()) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", s.name(), s.trainEvents(),
          s.hiddenEvents(), s.testUsers(), s.heldOutPairs()));
    }
    sb.append("\n## Results\n\n");
    sb.append("| algorithm | split | served / test |");
    for (Metric m : Metric.values()) sb.append(' ').append(m.heading(r.k())).append(" |");
    sb.append(" train s | rank ms mean | p50 | p99 |\n|---|---|---:|");
    sb.append("---:|".repeat(Metric.values().length + 4)).append('\n');
    for (AlgorithmResult a : r.results()) {
      sb.append("| ").append(a.algorithm()).append(" | ").append(a.split()).append(" | ")
          .append(a.servedUsers()).append(" / ").append(a.testUsers()).append(" |");
      for (Metric m : Metric.values()) sb.append(' ').append(num(m.of(a.metrics()), 4)).append(" |");
      sb.append(' ').append(num(a.trainSeconds(), 2)).append(" | ").append(num(a.ranking().meanMs(), 3))
          .append(" | ").append(num(a.ranking().p50Ms(), 3)).append(" | ").append(num(a.ranking().p99Ms(), 3))
          .append(" |\n");
    }
    for (AlgorithmResult a : r.results()) {
      if (a.contractViolations() > 0) {
        sb.append("\n**Warning:** ").append(a.algorithm()).append(" on ").append(a.split()).append(" recommended ")
            .append(a.contractViolations()).append(" courses the learner had taken or dismissed.\n");
      }
    }
    pairedComparison(sb, r);
    paths(sb, r);
    boolean header = false;
    for (AlgorithmResult a : r.results()) {
      ReliabilityTable t = a.calibration();
      if (t == null) continue;
      if (!header) {
        sb.append("\n## Calibration of confidence\n\nEqual-width confidence bins; observed = share of the bin's "
            + "recommendations that were held-out relevant courses. ECE weights each bin's gap by its size.\n");
        header = true;
      }
      sb.append(String.format(Locale.ROOT, "%n### %s on %s: ECE %s, MCE %s, base rate %s (%d scored, %d without "
              + "confidence)%n%n", a.algorithm(), a.split(), num(t.expectedCalibrationError(), 4),
          num(t.maxCalibrationError(), 4), num(t.baseRate(), 4), t.scored(), t.absent()));
      sb.append("| confidence | count | mean confidence | observed relevance |\n|---|---:|---:|---:|\n");
      for (ReliabilityTable.Bin b : t.bins()) {
        sb.append(String.format(Locale.ROOT, "| [%.2f, %.2f%s | %d | %s | %s |%n", b.lower(), b.upper(),
            b.upper() >= 1 ? "]" : ")", b.count(), num(b.meanConfidence(), 3), num(b.observedRate(), 3)));
      }
    }
    return sb.toString();
  }

  /** Column headings of the path-quality table, shared with the HTML report. */
  static final String[] PATH_COLUMNS = {"split", "ranker", "graph (edges)", "learners with a gap", "steps", "validity",
      "steps ranked (with confidence)", "gap coverage", "next-step hit rate (first " + PathEvaluation.FIRST_STEPS + " steps)",
      "ranker hit rate@" + PathEvaluation.FIRST_STEPS, "seconds"};

  /** One row of the path-quality table, formatted (shared with the HTML report). */
  static String[] pathRow(PathQuality q) {
    return new String[] {q.split(), q.ranker(), q.graphSource() + " (" + q.graphEdges() + ")", String.valueOf(q.learners()),
        String.valueOf(q.steps()), percent(q.validity()), percent(q.rankedShare()), percent(q.gapCoverage()), num(q.nextStepHitRate(), 4),
        num(q.rankerHitRate(), 4), num(q.seconds(), 1)};
  }

  static final String PATH_NOTE = "Paths planned from each test learner's history before their held-out next course "
      + "(learners with declared goals and a gap), with the prerequisite graph built from the training part and the "
      + "ranker's preferences, default limits. Validity = share of steps whose prerequisites come earlier or were taken "
      + "(must be 100 %); the hit rates are over the same learners.";

  private static void paths(StringBuilder sb, ExperimentReport r) {
    if (r.paths().isEmpty()) return;
    sb.append("\n## Learning paths\n\n").append(PATH_NOTE).append("\n\n|");
    for (String c : PATH_COLUMNS) sb.append(' ').append(c).append(" |");
    sb.append("\n|---|---|---|").append("---:|".repeat(PATH_COLUMNS.length - 3)).append('\n');
    for (PathQuality q : r.paths()) {
      sb.append('|');
      for (String v : pathRow(q)) sb.append(' ').append(v).append(" |");
      sb.append('\n');
    }
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }

  private static String shortHash(String h) {
    return h == null ? "unknown" : h.substring(0, Math.min(16, h.length()));
  }

  /** A number with fixed decimals, or "n/a" when undefined. */
  static String num(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return "n/a";
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
