package io.courserec.cf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequence signal's lists: "learners who took X went on to Y". Each learner's positive courses (r &gt; 0) are
 * put in order of their last event ({@link HistoryOrder}), c_1 … c_m, and every ordered pair within a window of w
 * = {@code cf.seq.window} courses counts with the inverse of its distance:
 *
 * <pre>
 *   C(X→Y) = Σ_u Σ_{a &lt; b ≤ a+w, c_a = X, c_b = Y} 1 / (b − a)          (directed: C(X→Y) ≠ C(Y→X))
 *   C(X)   = Σ_Y C(X→Y)                                                 (all successor mass of X)
 *   s(X→Y) = C(X→Y) / (C(X) + β)                                        β = cf.seq.shrinkage
 * </pre>
 *
 * s is the share of X's successor mass that went to Y, a conditional probability shrunk towards 0 when X has
 * few successors (β = 0: the plain share). Each X keeps its K = {@code cf.seq.neighbors} largest successors
 * (ties by lower ordinal). For the index the lists are stored at the target, like item-kNN's: N(Y) holds every X
 * that has Y among its top-K successors, with weight s(X→Y), strongest first (so |N(Y)| is not bounded by K), and
 * score(u,Y) = Σ_{X ∈ N(Y) ∩ H(u)} s(X→Y) · x_u(X) ({@link SequenceRecommender} sets x_u by recency).
 *
 * <p>Counting runs per source course X in parallel over the (learner, position) pairs where X occurs, with
 * per-thread dense scratch; every X's sums run in learner order, so the result does not depend on threads.
 */
public final class SequenceTrainer {
  private static final Logger log = LoggerFactory.getLogger(SequenceTrainer.class);

  private final int window;
  private final int neighbors;
  private final double shrinkage;
  private final int threads;

  public SequenceTrainer(int window, int neighbors, double shrinkage, int threads) {
    if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
    if (neighbors < 1) throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    if (shrinkage < 0) throw new IllegalArgumentException("shrinkage must be >= 0, got " + shrinkage);
    this.window = window;
    this.neighbors = neighbors;
    this.shrinkage = shrinkage;
    this.threads = Math.max(1, threads);
  }

  public static SequenceTrainer from(Config c) {
    return new SequenceTrainer(c.integer(ConfigKey.SEQ_WINDOW), c.integer(ConfigKey.SEQ_NEIGHBORS),
        c.number(ConfigKey.SEQ_SHRINKAGE), ParallelLoop.threads(c));
  }

  Map<String, Object> params() {
    return Map.of("window", window, "neighbors", neighbors, "shrinkage", shrinkage);
  }

  private static final class Scratch {
    final double[] mass;
    final int[] touched;
    final boolean[] seen;
    final TopK top;

    Scratch(int nc, int k) {
      mass = new double[nc];
      touched = new int[nc];
      seen = new boolean[nc];
      top = new TopK(k);
    }
  }

  /** The successor lists, stored at their targets (see the class comment). */
  public ItemKnnModel train(InteractionMatrix matrix, HistoryOrder order) {
    long t0 = System.nanoTime();
    int nc = matrix.numCourses();
    Sequences seq = Sequences.of(matrix, order);
    int[][] succ = new int[nc][];
    float[][] succW = new float[nc][];
    ParallelLoop.run(nc, 32, threads, () -> new Scratch(nc, Math.min(neighbors, Math.max(nc - 1, 0))), (s, from, to) -> {
      for (int x = from; x < to; x++) {
        int t = 0;
        double total = 0;
        for (int q = seq.occPtr[x]; q < seq.occPtr[x + 1]; q++) {
          int at = seq.occAt[q];
          int end = Math.min(seq.end(seq.occLearner[q]), at + window + 1);
          for (int b = at + 1; b < end; b++) {
            int y = seq.courses[b];
            double add = 1.0 / (b - at);
            if (!s.seen[y]) {
              s.seen[y] = true;
              s.touched[t++] = y;
            }
            s.mass[y] += add;
            total += add;
          }
        }
        for (int z = 0; z < t; z++) {
          int y = s.touched[z];
          s.top.offer(y, (float) (s.mass[y] / (total + shrinkage)));
          s.mass[y] = 0;
          s.seen[y] = false;
        }
        TopK.Ranked r = s.top.drain();
        succ[x] = r.ids();
        succW[x] = r.scores();
      }
    });
    ItemKnnModel model = atTargets(succ, succW);
    log.info("seq: {} successor weights for {} courses (window {}, K {}, shrinkage {}) from {} ordered positive courses in {} ms",
        model.totalNeighbors(), nc, window, neighbors, shrinkage, seq.courses.length, (System.nanoTime() - t0) / 1_000_000);
    return model;
  }

  /** Moves each X's successor list to its targets: N(Y) = {(X, s(X→Y))}, strongest first, ties by lower X. */
  public static ItemKnnModel atTargets(int[][] succ, float[][] succW) {
    int nc = succ.length;
    int[] count = new int[nc];
    for (int[] ys : succ) for (int y : ys) count[y]++;
    int[][] ids = new int[nc][];
    float[][] w = new float[nc][];
    for (int y = 0; y < nc; y++) {
      ids[y] = new int[count[y]];
      w[y] = new float[count[y]];
    }
    int[] fill = new int[nc];
    for (int x = 0; x < nc; x++) { // ascending x, so equal weights stay in ordinal order after the stable sort
      for (int q = 0; q < succ[x].length; q++) {
        int y = succ[x][q];
        ids[y][fill[y]] = x;
        w[y][fill[y]++] = succW[x][q];
      }
    }
    for (int y = 0; y < nc; y++) sortDescending(ids[y], w[y]);
    return ItemKnnModel.of(ids, w);
  }

  private static void sortDescending(int[] ids, float[] w) {
    Integer[] idx = new Integer[ids.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Float.compare(w[b], w[a])); // stable: ties keep ascending ids
    int[] id2 = new int[ids.length];
    float[] w2 = new float[ids.length];
    for (int i = 0; i < idx.length; i++) {
      id2[i] = ids[idx[i]];
      w2[i] = w[idx[i]];
    }
    System.arraycopy(id2, 0, ids, 0, ids.length);
    System.arraycopy(w2, 0, w, 0, w.length);
  }

  /**
   * Every learner's positive courses in order (CSR: learner u's sequence is courses[ptr[u] .. ptr[u+1])), and for
   * each course the (learner, absolute position) pairs where it occurs, in learner order.
   */
  private record Sequences(int[] ptr, int[] courses, int[] occPtr, int[] occLearner, int[] occAt) {
    int end(int u) { return ptr[u + 1]; }

    static Sequences of(InteractionMatrix m, HistoryOrder order) {
      int nl = m.numLearners();
      int nc = m.numCourses();
      int[] ptr = new int[nl + 1];
      for (int u = 0; u < nl; u++) {
        int n = 0;
        for (int p = m.rowStart(u); p < m.rowEnd(u); p++) if (m.vals()[p] > 0) n++;
        ptr[u + 1] = ptr[u] + n;
      }
      int[] courses = new int[ptr[nl]];
      long[] keyed = new long[0];
      int[] occPtr = new int[nc + 1];
      for (int u = 0; u < nl; u++) {
        int n = ptr[u + 1] - ptr[u];
        if (keyed.length < n) keyed = new long[Math.max(n, keyed.length * 2)];
        int k = 0;
        for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
          if (m.vals()[p] > 0) keyed[k++] = ((long) order.rank(p) << 32) | m.cols()[p];
        }
        Arrays.sort(keyed, 0, n); // by rank (oldest first); ranks are unique within a row
        for (int q = 0; q < n; q++) {
          int c = (int) keyed[q];
          courses[ptr[u] + q] = c;
          occPtr[c + 1]++;
        }
      }
      for (int c = 0; c < nc; c++) occPtr[c + 1] += occPtr[c];
      int[] occLearner = new int[courses.length];
      int[] occAt = new int[courses.length];
      int[] fill = Arrays.copyOf(occPtr, nc);
      for (int u = 0; u < nl; u++) {
        for (int b = ptr[u]; b < ptr[u + 1]; b++) {
          int at = fill[courses[b]]++;
          occLearner[at] = u;
          occAt[at] = b;
        }
      }
      return new Sequences(ptr, courses, occPtr, occLearner, occAt);
    }
  }
}
