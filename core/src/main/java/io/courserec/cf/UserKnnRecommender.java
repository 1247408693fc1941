package io.courserec.cf;

import io.courserec.catalog.Column;
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
   * pooled and reused. A slot is two longs: the learner (+ 1, 0 = empty) in the high half and the co-rated count in
   * the low half of the first, the sum of a·b as double bits in the second — a probe, its count and its sum share a
   * cache line. The Pearson sums are parallel arrays, touched only under Pearson. The neighbour selection reads the
   * table front to back (sequential, not in the order learners were met), and a reset fills the slots between the
   * first and last taken (a request uses a prefix of the table sized by its own postings, so this costs what the
   * walk did).
   */
  static final class Scratch {
    long[] table = new long[0];
    double[] aa;
    double[] bb;
    int size;
    int mask;
    boolean pearsonUsed;
    int lo = Integer.MAX_VALUE; // smallest and largest slot taken since the last reset
    int hi = -1;

    /**
     * Makes room for {@code bound} distinct learners (at most half full). This request uses the table's first
     * slots only, as many as its bound needs, so a short history probes, scans and resets a small part of a table
     * a long one grew.
     */
    void reserve(long bound) {
      int cap = Integer.highestOneBit((int) Math.min(1 << 28, Math.max(8, bound * 2 - 1))) << 1;
      if (table.length < 2 * cap) {
        table = new long[2 * cap];
        aa = new double[cap];
        bb = new double[cap];
      }
      mask = cap - 1;
    }

    /** The slot of learner {@code v}, taken when new. */
    int slot(int v) {
      long key = (long) (v + 1) << 32;
      int h = (v * 0x9E3779B9) ^ (v * 0x9E3779B9 >>> 16);
      for (int i = h & mask; ; i = (i + 1) & mask) {
        long k = table[2 * i] & 0xFFFF_FFFF_0000_0000L;
        if (k == key) return i;
        if (k == 0) {
          table[2 * i] = key;
          size++;
          if (i < lo) lo = i;
          if (i > hi) hi = i;
          return i;
        }
      }
    }

    /** Counts one more co-rated course for slot {@code i} and adds {@code ab} to its sum. */
    void add(int i, double ab) {
      table[2 * i]++;
      table[2 * i + 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(table[2 * i + 1]) + ab);
    }

    /** The learner of slot {@code i}, or -1 when empty. */
    int learner(int i) { return (int) (table[2 * i] >>> 32) - 1; }

    int count(int i) { return (int) table[2 * i]; }

    double ab(int i) { return Double.longBitsToDouble(table[2 * i + 1]); }

    void clear() {
      if (hi >= lo) {
        java.util.Arrays.fill(table, 2 * lo, 2 * hi + 2, 0);
        if (pearsonUsed) {
          java.util.Arrays.fill(aa, lo, hi + 1, 0);
          java.util.Arrays.fill(bb, lo, hi + 1, 0);
        }
      }
      size = 0;
      lo = Integer.MAX_VALUE;
      hi = -1;
      pearsonUsed = false;
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
    // cosine over unit postings: b / |b| summed per learner, so selecting neighbours reads no norm at random (a
    // file written before the unit column sums b and divides by the norm at the end, as before)
    Column.Floats unit = pearson ? null : x.unit();
    int[] walk = walked(x, h, s.maxPostings);
    long met = 0;
    for (int p : walk) met += x.postings(h.course(p));
    Scratch sc = s.pool.poll();
    if (sc == null) sc = new Scratch();
    try {
      sc.reserve(Math.min(met, s.snapshot.numLearners()));
      sc.pearsonUsed = pearson;
      for (int p : walk) {
        float w = h.weight(p);
        int j = h.course(p);
        double a = pearson ? w - meanA : w;
        for (int q = x.colPtr().get(j), end = x.colPtr().get(j + 1); q < end; q++) {
          int v = x.rows().get(q);
          if (v == self) continue;
          int i = sc.slot(v);
          double b = pearson ? x.colVals().get(q) - x.means().get(v) : unit != null ? unit.get(q) : x.colVals().get(q);
          sc.add(i, a * b);
          if (pearson) {
            sc.aa[i] += a * a;
            sc.bb[i] += b * b;
          }
        }
      }
      TopK top = new TopK(Math.min(s.neighbors, sc.size));
      // the shrinkage factor n / (n + shrinkage) by co-rated count n (at most the walked courses), and 1 / |a|:
      // multiplications in the loop below instead of two divisions per learner met
      double[] shrunk = new double[walk.length + 1];
      for (int n = 1; n < shrunk.length; n++) shrunk[n] = n / (n + s.shrinkage);
      double unitScale = 1 / normA;
      // the table front to back: the neighbours kept do not depend on the order offered (TopK's tie rule)
      for (int i = sc.lo; i <= sc.hi; i++) {
        int v = sc.learner(i);
        if (v < 0) continue;
        int n = sc.count(i);
        double sim;
        if (unit != null) {
          sim = sc.ab(i) * unitScale * shrunk[n];
        } else {
          double denom = pearson ? Math.sqrt(sc.aa[i] * sc.bb[i]) : normA * x.norms().get(v);
          if (!(denom > 0)) continue;
          sim = sc.ab(i) / denom * shrunk[n];
        }
        if (sim > 0) top.offer(v, (float) sim);
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
