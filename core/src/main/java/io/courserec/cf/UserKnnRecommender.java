package io.courserec.cf;

import io.courserec.catalog.Dataset;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-based collaborative filtering ({@code userknn}): courses liked by the learners most similar to this one.
 *
 * <pre>
 *   N(u)      = the K learners v ≠ u with the highest sim(u,v) &gt; 0     ({@link UserSimilarity}, K = cf.user.neighbors)
 *   score(u,i) = Σ_{v ∈ N(u)} sim(u,v) · r(v,i)
 * </pre>
 *
 * r(v,i) is the neighbour's summed event weight, negative ones included (neighbours' dismissals count against a
 * course); the sum is not normalised, for the same top-N reason as item-kNN. Only courses with a positive
 * score are returned. Neighbours are found per request, not precomputed for all pairs: the target's positive
 * courses are walked through the course → learners inverted index (the matrix columns), accumulating the
 * similarity terms for every learner met in pooled scratch arrays, so a request costs
 * O(Σ_{j ∈ I(u)} |learners of j|) and nothing proportional to all learners is allocated. The same path serves a
 * learner who was never trained on: their neighbours come from their {@code recentEvents}.
 */
public final class UserKnnRecommender implements SnapshotModel {
  public static final String NAME = "userknn";
  private static final Logger log = LoggerFactory.getLogger(UserKnnRecommender.class);

  private final Config config;
  private volatile State state;

  private record State(InteractionSnapshot snapshot, UserSimilarity similarity, int neighbors, double shrinkage,
                       int maxPostings, ConcurrentLinkedQueue<Scratch> pool, long trainingMillis) {}

  /**
   * Per-request accumulators over the learners met, in an open-addressing table sized by the postings walked (not
   * by all learners: a replica with millions of learners must not hold arrays over all of them per thread);
   * pooled, and reset through the used slots, so reuse is O(learners met).
   */
  static final class Scratch {
    int[] keys = new int[0]; // learner + 1, 0 = empty
    double[] ab;
    double[] aa;
    double[] bb;
    int[] co;
    int[] used; // slots in use, in first-met order
    int size;
    int mask;

    /** Makes room for {@code bound} distinct learners (at most half full). */
    void reserve(long bound) {
      int cap = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(8, bound * 2 - 1))) << 1;
      if (keys.length >= cap) return;
      keys = new int[cap];
      ab = new double[cap];
      aa = new double[cap];
      bb = new double[cap];
      co = new int[cap];
      used = new int[cap];
      mask = cap - 1;
    }

    /** The slot of learner {@code v}, taken when new. */
    int slot(int v) {
      int h = (v * 0x9E3779B9) ^ (v * 0x9E3779B9 >>> 16);
      for (int i = h & mask; ; i = (i + 1) & mask) {
        int k = keys[i];
        if (k == v + 1) return i;
        if (k == 0) {
          keys[i] = v + 1;
          used[size++] = i;
          return i;
        }
      }
    }

    void clear() {
      for (int z = 0; z < size; z++) {
        int i = used[z];
        keys[i] = 0;
        ab[i] = 0;
        aa[i] = 0;
        bb[i] = 0;
        co[i] = 0;
      }
      size = 0;
    }
  }

  public UserKnnRecommender(Config config) {
    this.config = config;
  }

  @Override
  public String name() { return NAME; }

  @Override
  public void train(Dataset data) {
    train(InteractionSnapshot.build(data, config));
  }

  /** "Trains" on an already built snapshot: its positive postings, learner norms and means (built once, shared). */
  public void train(InteractionSnapshot snapshot) {
    long t0 = System.nanoTime();
    UserSimilarity sim = UserSimilarity.from(config);
    int k = config.integer(ConfigKey.USERKNN_NEIGHBORS);
    double shrinkage = config.number(ConfigKey.USERKNN_SHRINK);
    LearnerRows.Positive x = snapshot.rows().positive();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    state = new State(snapshot, sim, k, shrinkage, config.integer(ConfigKey.USERKNN_MAX_POSTINGS),
        new ConcurrentLinkedQueue<>(), ms);
    log.info("userknn: indexed {} positive pairs of {} learners ({} {}, shrinkage {}) in {} ms", x.rows().size(),
        snapshot.numLearners(), sim.code(), k, shrinkage, ms);
  }

  private State state() {
    State s = state;
    if (s == null) throw new IllegalStateException(NAME + ": not trained or loaded");
    return s;
  }

  /** The trained snapshot (learner table, matrix). */
  @Override
  public InteractionSnapshot snapshot() { return state().snapshot; }

  /** N(u): the most similar learners (learner ordinals of the snapshot) with sim(u,v), best first. */
  public Neighbors neighbors(UserHistory history) {
    return neighbors(state(), history);
  }

  /**
   * score(u,i) for every course ordinal from the learner's neighbours; 0 where no neighbour has feedback on i.
   * A dense array per request (fine up to ~100k courses).
   */
  public float[] scoresFor(UserHistory history) {
    State s = state();
    return scoresFor(s, neighbors(s, history));
  }

  /** score(u,i) for every course from neighbours already found with {@link #neighbors}. */
  public float[] scoresFor(Neighbors neighbors) {
    return scoresFor(state(), neighbors);
  }

  private static float[] scoresFor(State s, Neighbors n) {
    LearnerRows m = s.snapshot.rows();
    float[] scores = new float[m.numCourses()];
    for (int q = 0; q < n.size(); q++) {
      int v = n.ids()[q];
      float sim = n.similarities()[q];
      for (int p = m.rowStart(v); p < m.rowEnd(v); p++) scores[m.col(p)] += sim * m.val(p);
    }
    return scores;
  }

  private static Neighbors neighbors(State s, UserHistory h) {
    LearnerRows.Positive x = s.snapshot.rows().positive();
    int self = h.learnerOrdinal();
    double sumA = 0;
    double normA = 0;
    int nA = 0;
    for (int p = 0; p < h.size(); p++) {
      float w = h.weight(p);
      if (w > 0) {
        sumA += w;
        normA += (double) w * w;
        nA++;
      }
    }
    if (nA == 0) return Neighbors.NONE;
    double meanA = sumA / nA;
    normA = Math.sqrt(normA);
    boolean pearson = s.similarity == UserSimilarity.PEARSON;
    int[] walk = walked(x, h, s.maxPostings);
    long met = 0;
    for (int p : walk) met += x.postings(h.course(p));
    Scratch sc = s.pool.poll();
    if (sc == null) sc = new Scratch();
    try {
      sc.reserve(Math.min(met, s.snapshot.numLearners()));
      for (int p : walk) {
        float w = h.weight(p);
        int j = h.course(p);
        double a = pearson ? w - meanA : w;
        for (int q = x.colPtr().get(j), end = x.colPtr().get(j + 1); q < end; q++) {
          int v = x.rows().get(q);
          if (v == self) continue;
          int i = sc.slot(v);
          sc.co[i]++;
          double b = pearson ? x.colVals().get(q) - x.means().get(v) : x.colVals().get(q);
          sc.ab[i] += a * b;
          if (pearson) {
            sc.aa[i] += a * a;
            sc.bb[i] += b * b;
          }
        }
      }
      TopK top = new TopK(Math.min(s.neighbors, sc.size));
      for (int z = 0; z < sc.size; z++) {
        int i = sc.used[z];
        int v = sc.keys[i] - 1;
        double denom = pearson ? Math.sqrt(sc.aa[i] * sc.bb[i]) : normA * x.norms().get(v);
        if (denom > 0) {
          int n = sc.co[i];
          double sim = sc.ab[i] / denom * (n / (n + s.shrinkage));
          if (sim > 0) top.offer(v, (float) sim);
        }
      }
      TopK.Ranked r = top.drain();
      return new Neighbors(r.ids(), r.scores());
    } finally {
      sc.clear();
      s.pool.offer(sc);
    }
  }

  /**
   * The history positions whose co-raters the neighbour search walks: every positive one, or, when their postings
   * (learners per course) add up to more than {@code budget} (> 0), the rarest courses first while the sum stays
   * within it — and always up to the first course some other learner also took, so a learner whose rarest course
   * is theirs alone still meets neighbours. A rare shared course says more about two learners than a popular one and costs less to
   * walk, so a bounded search keeps the informative part of the overlap; the similarity of a neighbour is then
   * computed from the walked courses only (the learner's norm still covers all), a lower bound of the full cosine.
   */
  static int[] walked(LearnerRows.Positive x, UserHistory h, int budget) {
    int[] pos = new int[h.size()];
    int n = 0;
    long total = 0;
    for (int p = 0; p < h.size(); p++) {
      if (h.weight(p) > 0) {
        pos[n++] = p;
        int j = h.course(p);
        total += x.postings(j);
      }
    }
    if (budget <= 0 || total <= budget) return java.util.Arrays.copyOf(pos, n);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = pos[i];
    java.util.Arrays.sort(order, (a, b) -> {
      int la = x.postings(h.course(a));
      int lb = x.postings(h.course(b));
      return la != lb ? Integer.compare(la, lb) : Integer.compare(h.course(a), h.course(b));
    });
    int[] out = new int[n];
    int m = 0;
    long used = 0;
    boolean others = false; // whether a walked course has a learner besides this one
    for (int p : order) {
      int len = x.postings(h.course(p));
      if (others && used + len > budget) break;
      out[m++] = p;
      used += len;
      others |= len > 1;
    }
    return java.util.Arrays.copyOf(out, m);
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
    Neighbors n = neighbors(s, h);
    float[] scores = scoresFor(s, n);
    for (int i = 0; i < scores.length; i++) if (!(scores[i] > 0)) scores[i] = Float.NaN;
    TopK.Ranked ranked = CandidateRanker.rank(scores, h, request, s.snapshot.catalog());
    List<Recommendation> out = new ArrayList<>(ranked.size());
    for (int r = 0; r < ranked.size(); r++) {
      int c = ranked.ids()[r];
      float score = ranked.scores()[r];
      List<Evidence> ev = request.explain() ? List.of(explain(s.snapshot.rows(), n, c, score)) : List.of();
      out.add(new Recommendation(s.snapshot.catalog().course(c).id(), score, Double.NaN, ev));
    }
    return out;
  }

  /**
   * "N similar learners took it" (neighbours who enrolled in or completed the course) or, when none took it,
   * "N similar learners showed interest in it" (neighbours with positive feedback); the contribution is the score.
   */
  static Evidence explain(LearnerRows m, Neighbors n, int course, double score) {
    int took = 0;
    int liked = 0;
    for (int q = 0; q < n.size(); q++) {
      int v = n.ids()[q];
      if (m.get(v, course) > 0) liked++;
      if (m.taken(v, course)) took++;
    }
    String text = took > 0
        ? took + (took == 1 ? " similar learner took it" : " similar learners took it")
        : liked + (liked == 1 ? " similar learner showed interest in it" : " similar learners showed interest in it");
    return new Evidence(EvidenceSource.USERKNN, text, score);
  }

  @Override
  public void saveModel(Path dir) throws IOException {
    State s = state();
    Files.createDirectories(dir);
    s.snapshot.manifest(NAME, config, s.trainingMillis, Map.of("similarity", s.similarity.code(),
        "neighbors", s.neighbors, "shrinkage", s.shrinkage)).write(dir);
  }

  @Override
  public ComponentManifest readManifest(Path dir, Dataset catalog) throws IOException {
    return ComponentManifest.readLoadable(dir, NAME, catalog, config);
  }

  @Override
  public void loadOnto(Path dir, Dataset catalog, ComponentManifest m, InteractionSnapshot snapshot) throws IOException {
    UserSimilarity sim = UserSimilarity.valueOf(m.stringParam(dir, "similarity").toUpperCase(Locale.ROOT));
    int k = (int) m.numberParam(dir, "neighbors");
    double shrinkage = m.numberParam(dir, "shrinkage");
    // the search budget is a serving setting, not trained state: taken from the configuration, not the manifest
    state = new State(snapshot, sim, k, shrinkage, config.integer(ConfigKey.USERKNN_MAX_POSTINGS),
        new ConcurrentLinkedQueue<>(), m.trainingMillis());
  }
}
