package io.courserec.engine;

import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a freshly built model may replace the one serving. With the gate on, the new model is promoted
 * unless {@code new < current - maxDrop} on the gate metric (NDCG@K of the holdout evaluation, K = {@code eval.k});
 * {@code maxDrop} is {@code models.promote_max_ndcg_drop}. Nothing to compare (no model serving, or either side
 * lacks the metric because its data had no eligible test learner) promotes. With the gate off ({@code train},
 * {@code reindex}) every model is promoted.
 *
 * @param metric the compared metric key, e.g. {@code ndcg@10}
 * @param maxDrop largest tolerated drop of the metric
 * @param enforced false turns the gate off
 */
record PromotionGate(String metric, double maxDrop, boolean enforced) {
  /** The decision and the sentence the job status and the manifest note carry. */
  record Decision(boolean promote, String reason) {}

  Decision decide(Map<String, Double> candidate, ModelManifest current) {
    Double next = candidate.get(metric);
    if (current == null) return new Decision(true, "promoted (first model)" + value(next));
    Double now = current.metrics().get(metric);
    if (!enforced) return new Decision(true, "promoted without quality gate" + value(next) + compared(now, current));
    if (next == null || now == null) {
      return new Decision(true, "promoted (no " + metric + " to compare" + (next == null ? "" : "; new " + fmt(next)) + ")");
    }
    if (next < now - maxDrop) {
      return new Decision(false, String.format(Locale.ROOT,
          "kept but not promoted: %s %.4f is below the serving model %s (%.4f) by more than %.4f", metric, next,
          current.version(), now, maxDrop));
    }
    return new Decision(true, String.format(Locale.ROOT, "promoted: %s %.4f (serving model %s had %.4f)", metric,
        next, current.version(), now));
  }

  private String value(Double v) {
    return v == null ? "" : ": " + metric + " " + fmt(v);
  }

  private static String compared(Double now, ModelManifest current) {
    return now == null ? "" : " (serving model " + current.version() + " had " + fmt(now) + ")";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
