package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.eval.AlgorithmResult;
import io.courserec.eval.ContentSimilarity;
import io.courserec.eval.ExperimentRunner;
import io.courserec.eval.MetricSummary;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.progress.Progress;
import io.courserec.split.Split;
import io.courserec.split.SplitKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality check of a retrain: a random per-learner holdout ({@code eval.holdout_fraction} of each eligible
 * learner's positive courses, seeded), a hybrid trained on the rest in a private temporary index, and the
 * evaluation framework's metrics at {@code K = eval.k} over at most {@code eval.max_users} test learners — the same
 * code path as {@code ./courserec evaluate --split random --algorithms hybrid}.
 *
 * <p>Metric names: {@code ndcg@K}, {@code precision@K}, {@code recall@K}, {@code map@K}, {@code mrr@K},
 * {@code hit_rate@K}, {@code coverage@K}, {@code diversity@K}, {@code novelty@K}, plus {@code test_users}. Undefined
 * values (NaN) are left out. A data set without any eligible learner yields an empty map (the promotion gate then
 * has nothing to compare and lets the model through).
 */
final class HoldoutEvaluation {
  private static final Logger log = LoggerFactory.getLogger(HoldoutEvaluation.class);

  private HoldoutEvaluation() {}

  /** The key of the metric the promotion gate compares: {@code ndcg@K}. */
  static String gateMetric(Config config) {
    return "ndcg@" + config.integer(ConfigKey.EVAL_K);
  }

  static Map<String, Double> evaluate(Dataset data, Config config) {
    return evaluate(data, config, Progress.NONE);
  }

  /** As {@link #evaluate(Dataset, Config)}, counting the training components and the held-out learners ranked. */
  static Map<String, Double> evaluate(Dataset data, Config config, Progress progress) {
    Split split = SplitKind.RANDOM.create(config).split(data);
    if (split.heldOut().isEmpty()) {
      log.warn("holdout evaluation skipped: no learner has enough positive events (eval.min_user_events)");
      return Map.of();
    }
    int k = config.integer(ConfigKey.EVAL_K);
    long t0 = System.nanoTime();
    // no confidence calibration: it costs two inner trainings and changes no ranking metric the gate reads
    try (HybridRecommender hybrid = new HybridRecommender(config, null, false)) {
      hybrid.train(split.train(), progress);
      double trainSeconds = (System.nanoTime() - t0) / 1e9;
      ExperimentRunner runner = new ExperimentRunner(config, ContentSimilarity.of(data), progress);
      AlgorithmResult r = runner.evaluate(split, HybridRecommender.NAME, hybrid, trainSeconds, k);
      MetricSummary m = r.metrics();
      Map<String, Double> out = new LinkedHashMap<>();
      put(out, "ndcg@" + k, m.ndcg());
      put(out, "precision@" + k, m.precision());
      put(out, "recall@" + k, m.recall());
      put(out, "map@" + k, m.map());
      put(out, "mrr@" + k, m.mrr());
      put(out, "hit_rate@" + k, m.hitRate());
      put(out, "coverage@" + k, m.coverage());
      put(out, "diversity@" + k, m.diversity());
      put(out, "novelty@" + k, m.novelty());
      put(out, "test_users", r.testUsers());
      log.info("holdout: {} = {} over {} learners", "ndcg@" + k, String.format(java.util.Locale.ROOT, "%.4f", m.ndcg()),
          r.testUsers());
      return out;
    }
  }

  private static void put(Map<String, Double> m, String key, double v) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) m.put(key, v);
  }
}
