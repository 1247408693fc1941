package io.courserec.cf;

import io.courserec.config.Config;
import io.courserec.rec.RecommendRequest;

/**
 * EASE ({@code ease}; {@link EaseTrainer}, Steck 2019): score(u,i) = Σ_{j ∈ N(i) ∩ H(u)} B(j,i) · x(u,j) with
 * x(u,j) as in training ({@code cf.ease.input} recorded in the model): 1 (binary) or r(u,j) (weighted) for the
 * learner's positive courses (r(u,j) &gt; 0, training and recent events merged), 0 otherwise, and N(i) the top {@code cf.ease.neighbors} positive weights of column i. Explanation: "learners who took
 * <i>SQL Basics</i>, which you completed, also take this", contribution B(j,i).
 *
 * <p>When the catalog has more than {@code cf.ease.max_courses} courses the model is off: training logs it, the
 * lists are empty, {@link #enabled()} is false, {@code canRecommend} is false and every list is empty.
 */
public final class EaseRecommender extends NeighborListRecommender {
  public static final String NAME = "ease";
  static final String FILE = "ease-weights.bin";

  public EaseRecommender(Config config) {
    super(config);
  }

  @Override
  public String name() { return NAME; }

  @Override
  Fit fit(InteractionSnapshot snapshot) {
    EaseTrainer trainer = EaseTrainer.from(config);
    return new Fit(trainer.train(snapshot.matrix()), trainer.params(snapshot.numCourses()));
  }

  /** Whether X was weighted at training time (the model's own setting, not the current configuration). */
  private boolean weightedInput() { return "weighted".equals(params().get("input")); }

  /** False when the catalog exceeded {@code cf.ease.max_courses} at training time (no weights). */
  public boolean enabled() { return !Boolean.FALSE.equals(params().get("enabled")); }

  @Override
  public boolean canRecommend(RecommendRequest request) {
    return super.canRecommend(request) && enabled();
  }

  @Override
  String listFile() { return FILE; }

  @Override
  String listKind() { return "ease-weights"; }

  @Override
  public float[] historyWeights(UserHistory history) {
    boolean weighted = weightedInput();
    float[] x = new float[history.size()];
    for (int p = 0; p < x.length; p++) x[p] = history.weight(p) > 0 ? (weighted ? history.weight(p) : 1f) : 0f;
    return x;
  }

  @Override
  String reason(String title, String action) {
    return "learners who took " + title + ", which you " + action + ", also take this";
  }
}
