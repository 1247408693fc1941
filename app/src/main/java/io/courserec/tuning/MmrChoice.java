package io.courserec.tuning;

import io.courserec.eval.BeyondAccuracyMetrics;
import io.courserec.eval.ContentSimilarity;
import io.courserec.eval.RankingMetrics;
import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.MmrReranker;
import io.courserec.hybrid.UserSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses {@code hybrid.mmr.lambda}: the most diversifying setting whose validation NDCG@10 is at least
 * {@value #KEEP} of the NDCG without MMR (issue 8: "costs at most 1 %"). Each validation learner's candidates are
 * ranked by the tuned blend of their segment, the best {@code 10 x OVERSAMPLE} re-ranked by MMR as the service does
 * ({@code hybrid.oversample} 3), with content cosine between courses as the similarity. The served MMR uses the
 * index's term-vector similarity; this one uses the same fields' TF-IDF cosine from {@link ContentSimilarity}, so
 * the choice is an estimate of the service's trade-off, stated as such in the report.
 */
final class MmrChoice {
  static final double KEEP = 0.99;
  static final double[] LAMBDAS = {1.0, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6};
  static final int OVERSAMPLE = 3;

  /** One λ's validation NDCG and intra-list diversity. */
  record Point(double lambda, double ndcg, double ild) {}

  /** The chosen λ and every point measured. */
  record Outcome(double lambda, List<Point> points) {}

  private MmrChoice() {}

  static Outcome choose(Map<UserSegment, List<BlendSearch.Case>> cases, Map<UserSegment, BlendWeights> weights,
                        ContentSimilarity similarity) {
    List<Point> points = new ArrayList<>();
    for (double lambda : LAMBDAS) points.add(measure(lambda, cases, weights, similarity));
    double base = points.get(0).ndcg();
    double chosen = 1.0;
    for (Point p : points) if (p.ndcg() >= KEEP * base && p.lambda() < chosen) chosen = p.lambda();
    return new Outcome(chosen, points);
  }

  private static Point measure(double lambda, Map<UserSegment, List<BlendSearch.Case>> cases,
                               Map<UserSegment, BlendWeights> weights, ContentSimilarity similarity) {
    MmrReranker mmr = new MmrReranker(lambda);
    double ndcg = 0;
    double ild = 0;
    int n = 0;
    int lists = 0;
    for (Map.Entry<UserSegment, List<BlendSearch.Case>> e : cases.entrySet()) {
      BlendWeights w = weights.get(e.getKey());
      if (w == null) continue;
      for (BlendSearch.Case c : e.getValue()) {
        double[] score = BlendSearch.scores(c.table(), w);
        int[] top = BlendSearch.top(c.table(), w, ListObjective.K * OVERSAMPLE);
        double[] rel = new double[top.length];
        for (int i = 0; i < top.length; i++) rel[i] = score[top[i]];
        int[] order = mmr.rerank(rel, ListObjective.K, (a, b) ->
            similarity.cosine(c.table().courseIds().get(top[a]), c.table().courseIds().get(top[b])));
        List<String> ids = new ArrayList<>(order.length);
        for (int o : order) ids.add(c.table().courseIds().get(top[o]));
        ndcg += RankingMetrics.ndcgAtK(ids, c.relevant(), ListObjective.K);
        n++;
        double d = BeyondAccuracyMetrics.intraListDiversity(ids, similarity::cosine);
        if (!Double.isNaN(d)) {
          ild += d;
          lists++;
        }
      }
    }
    return new Point(lambda, n == 0 ? Double.NaN : ndcg / n, lists == 0 ? Double.NaN : ild / lists);
  }

  static String table(Outcome o) {
    StringBuilder sb = new StringBuilder("| MMR λ | NDCG@10 | ILD |\n|---:|---:|---:|\n");
    for (Point p : o.points()) {
      sb.append(String.format(Locale.ROOT, "| %s%.2f | %.4f | %.4f |%n", p.lambda() == o.lambda() ? "**" : "", p.lambda(),
          p.ndcg(), p.ild()));
    }
    return sb.toString();
  }
}
