package io.courserec.mf;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.cf.CandidateRanker;
import io.courserec.cf.ComponentManifest;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ParallelLoop;
import io.courserec.cf.SnapshotModel;
import io.courserec.cf.TopK;
import io.courserec.cf.UserHistory;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Evidence;
import io.courserec.rec.EvidenceSource;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matrix factorisation ({@code mf}): score(u,i) = x_uᵀ y_i with factors from implicit ALS or PureSVD
 * ({@code mf.method}; see {@link AlsTrainer}, {@link PureSvdTrainer}, {@link FactorModel}). Every course gets a
 * score, so lists fill up to {@code k}. A trained learner without recent events uses the stored x_u; with recent
 * events, or when not in training, x is folded in from the merged history. A learner without positive feedback
 * has x = 0 and nothing personal to rank: {@link #canRecommend} is false and the list is empty. Explanations
 * name the history courses that contribute most to the score ("because you completed <i>SQL Basics</i>").
 */
public final class MfRecommender implements SnapshotModel {
  public static final String NAME = "mf";
  static final int MAX_EVIDENCE = 5;

  private final Config config;
  private volatile State state;

  private record State(InteractionSnapshot snapshot, FactorModel model, Map<String, Object> params, long trainingMillis) {}

  public MfRecommender(Config config) {
    this.config = config;
  }

  @Override
  public String name() { return NAME; }

  @Override
  public void train(Dataset data) {
    train(InteractionSnapshot.build(data, config));
  }

  /** Trains on an already built snapshot (shared between algorithms to build the matrix once). */
  public void train(InteractionSnapshot snapshot) {
    long t0 = System.nanoTime();
    MfMethod method = MfMethod.from(config);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("method", method.code());
    FactorModel model;
    if (method == MfMethod.ALS) {
      AlsTrainer t = AlsTrainer.from(config);
      model = t.train(snapshot.matrix());
      params.put("iterations", t.iterations());
      params.put("regularization", t.lambda());
      params.put("alpha", t.alpha());
      params.put("regularization_scaling", t.params().scaling().code());
      params.put("solver", t.params().solver().code());
      params.put("cg_steps", t.params().cgSteps());
    } else {
      PureSvdTrainer t = PureSvdTrainer.from(config);
      model = t.train(snapshot.matrix());
      params.put("oversampling", t.oversampling());
      params.put("power_iterations", t.powerIterations());
    }
    params.put("rank", model.rank());
    params.put("seed", config.longValue(ConfigKey.SEED));
    state = new State(snapshot, model, params, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Takes ALS item factors trained elsewhere (the Spark trainer's) and computes every learner's factors on
   * {@code snapshot} with one exact user step (the same solve as fold-in), so the model is what a local ALS would
   * hold after its last user step on those item factors.
   */
  public void adopt(InteractionSnapshot snapshot, int rank, float[] itemFactors, double alpha, double lambda,
                    RegularizationScaling scaling, Map<String, Object> params, long trainingMillis) {
    FactorModel model = FactorModel.alsFromItemFactors(snapshot.matrix(), rank, itemFactors, alpha, lambda, scaling,
        ParallelLoop.threads(config));
    state = new State(snapshot, model, Map.copyOf(params), trainingMillis);
  }

  private State state() {
    State s = state;
    if (s == null) throw new IllegalStateException(NAME + ": not trained or loaded");
    return s;
  }

  /** The factors (item factors per course ordinal go into the index). */
  public FactorModel model() { return state().model; }

  /** The trained snapshot (learner table, matrix). */
  @Override
  public InteractionSnapshot snapshot() { return state().snapshot; }

  /** Factor length. */
  public int rank() { return state().model.rank(); }

  /**
   * Factors for a learner who was not in training, from their events alone (user ids in the events are ignored).
   *
   * @throws UnknownEntityException ("course") when an event names a course not in the catalog
   */
  public float[] foldIn(List<Interaction> events) {
    State s = state();
    return s.model.foldIn(s.snapshot.historyOf(events));
  }

  /**
   * The factors a request is scored with: stored x_u for a trained learner without recent events when the model
   * holds X (trained here), else fold-in — the same numbers for a training history.
   */
  public float[] userFactors(UserHistory history) {
    State s = state();
    return factors(s, history);
  }

  private static float[] factors(State s, UserHistory h) {
    return h.inTraining() && h.recentEvents().isEmpty() && s.model.hasLearnerFactors()
        ? s.model.userFactors(h.learnerOrdinal()) : s.model.foldIn(h);
  }

  @Override
  public boolean canRecommend(RecommendRequest request) {
    State s = state;
    if (s == null) return false;
    try {
      return s.snapshot.resolve(request).hasPositive();
    } catch (UnknownEntityException e) {
      return false;
    }
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    State s = state();
    UserHistory h = s.snapshot.resolve(request);
    if (!h.hasPositive()) return List.of();
    float[] scores = s.model.scores(factors(s, h));
    TopK.Ranked ranked = CandidateRanker.rank(scores, h, request, s.snapshot.catalog());
    double[][] contributions = request.explain() ? s.model.contributions(h, ranked.ids()) : null;
    List<Recommendation> out = new ArrayList<>(ranked.size());
    for (int r = 0; r < ranked.size(); r++) {
      int c = ranked.ids()[r];
      List<Evidence> ev = request.explain() ? evidence(s, h, contributions[r]) : List.of();
      out.add(new Recommendation(s.snapshot.catalog().course(c).id(), ranked.scores()[r], Double.NaN, ev));
    }
    return out;
  }

  /**
   * The history courses contributing most to {@code course}'s score (at most {@value #MAX_EVIDENCE}, positive
   * only); when none is positive, one entry saying the match is weak, carrying the whole score.
   */
  public List<Evidence> explain(UserHistory history, int course) {
    State s = state();
    return evidence(s, history, s.model.contributions(history, course)[0]);
  }

  private static List<Evidence> evidence(State s, UserHistory h, double[] contrib) {
    Integer[] order = new Integer[contrib.length];
    for (int p = 0; p < order.length; p++) order[p] = p;
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(contrib[b], contrib[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    List<Evidence> out = new ArrayList<>();
    Dataset cat = s.snapshot.catalog();
    for (int p : order) {
      if (out.size() == MAX_EVIDENCE || !(contrib[p] > 0)) break;
      int j = h.course(p);
      String id = cat.course(j).id();
      out.add(new Evidence(EvidenceSource.MF, "because you " + h.action(id, j) + " " + cat.course(j).title(), contrib[p]));
    }
    if (out.isEmpty()) {
      // No single history course pulls this one up (it ranks only because the others were filtered or excluded).
      double total = 0;
      for (double c : contrib) total += c;
      out.add(new Evidence(EvidenceSource.MF, "a weak match with your overall learning profile", total));
    }
    return out;
  }

  @Override
  public void saveModel(Path dir) throws IOException {
    State s = state();
    Files.createDirectories(dir);
    s.model.save(dir);
    s.snapshot.manifest(NAME, config, s.trainingMillis, s.params).write(dir);
  }

  @Override
  public ComponentManifest readManifest(Path dir, Dataset catalog) throws IOException {
    return ComponentManifest.readLoadable(dir, NAME, catalog, config);
  }

  @Override
  public void loadOnto(Path dir, Dataset catalog, ComponentManifest m, InteractionSnapshot snapshot) throws IOException {
    // a loaded model serves: learner factors by fold-in (exactly the stored ones for a training history), not kept
    FactorModel model = FactorModel.loadItemSide(dir, snapshot.numLearners(), catalog.numCourses());
    state = new State(snapshot, model, m.params(), m.trainingMillis());
  }
}
