package io.courserec.cf;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What every item-item recommender of this package shares: a per-course list N(i) of (course j, weight w(i,j))
 * in {@link ItemKnnModel}'s layout (the form the hybrid writes into the index), scored as
 *
 * <pre>
 *   score(u,i) = Σ_{j ∈ N(i) ∩ H(u)} w(i,j) · x_u(j)
 * </pre>
 *
 * where x_u(j) is the learner's value for history course j as the subclass defines it ({@link #historyWeights}:
 * the summed event weight for item-kNN, 1 for EASE's positive courses, a recency-decayed weight for
 * {@code itemknn-recent} and {@code seq}). Only courses with a positive score are returned. The explanation lists
 * the history courses behind a score, largest w(i,j)·x_u(j) first, and those contributions sum to the score.
 * Training, saving (matrix + lists + manifest) and loading are the same for all; subclasses say how the lists
 * are fitted and what they are called.
 */
public abstract sealed class NeighborListRecommender implements SnapshotModel
    permits ItemKnnRecommender, RecentItemKnnRecommender, EaseRecommender, SequenceRecommender {
  /** Most evidence entries per recommendation. */
  static final int MAX_EVIDENCE = 5;

  final Config config;
  private volatile State state;

  private record State(InteractionSnapshot snapshot, ItemKnnModel model, Map<String, Object> params, long trainingMillis) {}

  /** A fitted list model and the parameters to record in the manifest. */
  record Fit(ItemKnnModel model, Map<String, Object> params) {}

  NeighborListRecommender(Config config) {
    this.config = config;
  }

  /** Fits the lists on a training snapshot. */
  abstract Fit fit(InteractionSnapshot snapshot);

  /** The lists' file name in a model directory and its {@link BinaryModelFile} kind. */
  abstract String listFile();

  abstract String listKind();

  /**
   * x_u(j) per history position (aligned with {@link UserHistory#course(int)}): what a scorer reading the lists
   * from the index multiplies w(i,j) with, so that Σ_{j ∈ N(i)} w(i,j)·x_u(j) equals {@link #scores}. A new array.
   */
  public abstract float[] historyWeights(UserHistory history);

  /** The evidence sentence for history course {@code title}, which the learner {@code action} ("completed"). */
  abstract String reason(String title, String action);

  @Override
  public void train(Dataset data) {
    train(InteractionSnapshot.build(data, config));
  }

  /** Trains on an already built snapshot (shared between algorithms to build the matrix once). */
  public void train(InteractionSnapshot snapshot) {
    long t0 = System.nanoTime();
    Fit fit = fit(snapshot);
    state = new State(snapshot, fit.model(), fit.params(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Takes lists trained elsewhere for this configuration (the Spark trainer's, {@code io.courserec.courseside}) instead
   * of fitting them on {@code snapshot}; {@code params} are recorded in the manifest as a fit's would be.
   */
  public void adopt(InteractionSnapshot snapshot, ItemKnnModel lists, Map<String, Object> params, long trainingMillis) {
    if (lists.numCourses() != snapshot.numCourses()) {
      throw new IllegalArgumentException(name() + ": lists for " + lists.numCourses() + " courses, snapshot has "
          + snapshot.numCourses());
    }
    state = new State(snapshot, lists, Map.copyOf(params), trainingMillis);
  }

  private State state() {
    State s = state;
    if (s == null) throw new IllegalStateException(name() + ": not trained or loaded");
    return s;
  }

  /** The per-course lists (what the hybrid writes into the index). */
  public ItemKnnModel model() { return state().model; }

  /** The trained snapshot (learner table, matrix, order). */
  @Override
  public InteractionSnapshot snapshot() { return state().snapshot; }

  /** The parameters recorded in the manifest (for people and the tuner). */
  public Map<String, Object> params() { return state().params; }

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

  /** score(u,i) for every course ordinal; NaN where no list entry meets the history. */
  public float[] scores(UserHistory history) {
    return state().model.scores(history, historyWeights(history));
  }

  /** {@link #scores} with 0 where no list entry meets the history, and the courses that have one listed. */
  public SparseScores sparseScores(UserHistory history) {
    return state().model.sparseScores(history, historyWeights(history));
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    State s = state();
    UserHistory h = s.snapshot.resolve(request);
    float[] x = historyWeights(h);
    float[] scores = s.model.scores(h, x);
    for (int i = 0; i < scores.length; i++) if (!(scores[i] > 0)) scores[i] = Float.NaN;
    TopK.Ranked ranked = CandidateRanker.rank(scores, h, request, s.snapshot.catalog());
    List<Recommendation> out = new ArrayList<>(ranked.size());
    for (int r = 0; r < ranked.size(); r++) {
      int c = ranked.ids()[r];
      List<Evidence> ev = request.explain() ? explain(s, h, x, c) : List.of();
      out.add(new Recommendation(s.snapshot.catalog().course(c).id(), ranked.scores()[r], Double.NaN, ev));
    }
    return out;
  }

  /**
   * The history courses that contribute to {@code course}'s score, largest contribution w(i,j)·x_u(j) first (at
   * most {@value #MAX_EVIDENCE}); contributions of all of them sum to the score.
   */
  public List<Evidence> explain(UserHistory history, int course) {
    return explain(state(), history, historyWeights(history), course);
  }

  private List<Evidence> explain(State s, UserHistory h, float[] x, int course) {
    Neighbors n = s.model.neighbors(course);
    List<Evidence> all = new ArrayList<>();
    Dataset cat = s.snapshot.catalog();
    for (int q = 0; q < n.size(); q++) {
      int j = n.ids()[q];
      int p = h.indexOf(j);
      if (p < 0 || x[p] == 0f) continue;
      String id = cat.course(j).id();
      all.add(new Evidence(EvidenceSource.of(name()), reason(cat.course(j).title(), h.action(id, j)), (double) n.similarities()[q] * x[p]));
    }
    all.sort(Comparator.comparingDouble(Evidence::contribution).reversed());
    return all.size() > MAX_EVIDENCE ? List.copyOf(all.subList(0, MAX_EVIDENCE)) : all;
  }

  @Override
  public void saveModel(Path dir) throws IOException {
    State s = state();
    Files.createDirectories(dir);
    s.model.save(dir, listFile(), listKind());
    s.snapshot.manifest(name(), config, s.trainingMillis, s.params).write(dir);
  }

  @Override
  public ComponentManifest readManifest(Path dir, Dataset catalog) throws IOException {
    return ComponentManifest.readLoadable(dir, name(), catalog, config);
  }

  @Override
  public void loadOnto(Path dir, Dataset catalog, ComponentManifest m, InteractionSnapshot snapshot) throws IOException {
    ItemKnnModel model = ItemKnnModel.load(dir, listFile(), listKind(), catalog.numCourses());
    state = new State(snapshot, model, m.params(), m.trainingMillis());
  }
}
