package io.courserec.cf;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.rec.Evidence;
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
 * Item-based collaborative filtering ({@code itemknn}): courses similar to the ones in the learner's history
 * (similarities: {@link ItemSimilarity}; training: {@link ItemKnnTrainer}; scoring: {@link ItemKnnModel}).
 * Only courses with a positive score are returned (a course no history item vouches for is not a
 * recommendation), so a list may be shorter than {@code k}. The neighbours behind each score are the
 * explanation: "similar to <i>Intro to Python</i>, which you completed".
 *
 * <p>A learner not in training is served from {@code recentEvents} alone (the neighbour lists do not depend on
 * the learner). A known learner without positive feedback gets an empty list.
 */
public final class ItemKnnRecommender implements Recommender {
  public static final String NAME = "itemknn";
  /** Most evidence entries per recommendation. */
  static final int MAX_EVIDENCE = 5;

  private final Config config;
  private volatile State state;

  private record State(InteractionSnapshot snapshot, ItemKnnModel model, Map<String, Object> params, long trainingMillis) {}

  public ItemKnnRecommender(Config config) {
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
    ItemKnnTrainer trainer = ItemKnnTrainer.from(config);
    ItemKnnModel model = trainer.train(snapshot.matrix());
    Map<String, Object> params = Map.of("similarity", trainer.similarity().code(), "neighbors", trainer.neighbors(),
        "shrinkage", trainer.shrinkage());
    state = new State(snapshot, model, params, (System.nanoTime() - t0) / 1_000_000);
  }

  private State state() {
    State s = state;
    if (s == null) throw new IllegalStateException(NAME + ": not trained or loaded");
    return s;
  }

  /** The neighbour lists (what the hybrid writes into the index). */
  public ItemKnnModel model() { return state().model; }

  /** The trained snapshot (learner table, matrix). */
  public InteractionSnapshot snapshot() { return state().snapshot; }

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
    float[] scores = s.model.scores(h);
    for (int i = 0; i < scores.length; i++) if (!(scores[i] > 0)) scores[i] = Float.NaN;
    TopK.Ranked ranked = CandidateRanker.rank(scores, h, request, s.snapshot.catalog());
    List<Recommendation> out = new ArrayList<>(ranked.size());
    for (int r = 0; r < ranked.size(); r++) {
      int c = ranked.ids()[r];
      List<Evidence> ev = request.explain() ? explain(s, h, c) : List.of();
      out.add(new Recommendation(s.snapshot.catalog().course(c).id(), ranked.scores()[r], Double.NaN, ev));
    }
    return out;
  }

  /**
   * The history courses that contribute to {@code course}'s score, largest contribution sim(i,j)·r(u,j) first
   * (at most {@value #MAX_EVIDENCE}); contributions of all of them sum to the score.
   */
  public List<Evidence> explain(UserHistory history, int course) {
    return explain(state(), history, course);
  }

  private static List<Evidence> explain(State s, UserHistory h, int course) {
    Neighbors n = s.model.neighbors(course);
    List<Evidence> all = new ArrayList<>();
    Dataset cat = s.snapshot.catalog();
    for (int q = 0; q < n.size(); q++) {
      int j = n.ids()[q];
      int p = h.indexOf(j);
      if (p < 0 || h.weight(p) == 0f) continue;
      String id = cat.course(j).id();
      all.add(new Evidence(NAME, "similar to " + cat.course(j).title() + ", which you " + h.action(id, j),
          (double) n.similarities()[q] * h.weight(p)));
    }
    all.sort(Comparator.comparingDouble(Evidence::contribution).reversed());
    return all.size() > MAX_EVIDENCE ? List.copyOf(all.subList(0, MAX_EVIDENCE)) : all;
  }

  @Override
  public void save(Path dir) throws IOException {
    State s = state();
    Files.createDirectories(dir);
    s.snapshot.save(dir);
    s.model.save(dir);
    s.snapshot.manifest(NAME, config, s.trainingMillis, s.params).write(dir);
  }

  @Override
  public void load(Path dir, Dataset catalog) throws IOException {
    ModelManifest m = ModelManifest.readLoadable(dir, NAME, catalog, config);
    InteractionSnapshot snapshot = InteractionSnapshot.load(dir, catalog, m);
    state = new State(snapshot, ItemKnnModel.load(dir, catalog.numCourses()), m.params(), m.trainingMillis());
  }
}
