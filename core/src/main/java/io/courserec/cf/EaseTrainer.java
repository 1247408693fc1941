package io.courserec.cf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EASE, the closed-form linear item-item model of Steck 2019 ("Embarrassingly Shallow Autoencoders for Sparse
 * Data", WWW'19). With X the learner x course matrix of positive feedback and λ = {@code cf.ease.lambda}:
 *
 * <pre>
 *   min_B ‖X − XB‖²_F + λ‖B‖²_F   subject to diag(B) = 0
 *   P = (XᵀX + λI)⁻¹
 *   B = I − P · diag(1 / diag(P)),   i.e.  B(j,i) = −P(j,i) / P(i,i) for j ≠ i,  B(i,i) = 0
 *   score(u,i) = Σ_j x(u,j) · B(j,i)
 * </pre>
 *
 * <b>X is binary by default</b> ({@code cf.ease.input=binary}): x(u,j) = 1 when r(u,j) &gt; 0, else 0. Steck fits
 * binary data, and with 0/1 entries XᵀX counts co-occurrences, so λ lives on the scale of learner counts and does
 * not move when the event weights (view 1 … complete 5) are reconfigured. {@code weighted} uses x(u,j) = r(u,j)
 * where positive, so a completion outweighs a view (λ then lives on the scale of squared weights); which one a
 * log rewards is for validation to decide. Dismissals and low ratings (r ≤ 0) are absent either way.
 *
 * <p>Cost: the Gram matrix is built from the sparse rows in parallel, each thread owning whole rows of G
 * (G(i,·) accumulates over the learners of course i, Σ_u |row u|² integer additions, the same result for any
 * thread count); the inverse is dense ({@link SpdInverse}: EJML's blocked Cholesky in place, its triangular inverse,
 * then only half of L⁻ᵀL⁻¹; multi-threaded when {@code mf.threads} &gt; 1): the peak is two n x n double arrays
 * (400 MB at 5,000 courses) and time grows as n³. Above {@code cf.ease.max_courses} EASE is off: {@link #train}
 * logs why and returns empty lists. Only the K largest positive weights of each column B(·,i) are kept, most
 * first (ties by lower ordinal): N(i) in {@link ItemKnnModel}'s layout, so the hybrid can index them like
 * item-kNN neighbours.
 */
public final class EaseTrainer {
  private static final Logger log = LoggerFactory.getLogger(EaseTrainer.class);

  private final double lambda;
  private final boolean weighted;
  private final int neighbors;
  private final int maxCourses;
  private final int threads;

  public EaseTrainer(double lambda, boolean weighted, int neighbors, int maxCourses, int threads) {
    if (!(lambda > 0)) throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
    if (neighbors < 1) throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    this.lambda = lambda;
    this.weighted = weighted;
    this.neighbors = neighbors;
    this.maxCourses = maxCourses;
    this.threads = Math.max(1, threads);
  }

  public static EaseTrainer from(Config c) {
    return new EaseTrainer(c.number(ConfigKey.EASE_LAMBDA), weighted(c), c.integer(ConfigKey.EASE_NEIGHBORS),
        c.integer(ConfigKey.EASE_MAX_COURSES), ParallelLoop.threads(c));
  }

  /** {@code cf.ease.input}: true for weighted, false for binary. */
  static boolean weighted(Config c) {
    String v = c.string(ConfigKey.EASE_INPUT).trim();
    if (v.equalsIgnoreCase("binary")) return false;
    if (v.equalsIgnoreCase("weighted")) return true;
    throw new ConfigException(ConfigKey.EASE_INPUT.key() + " must be binary or weighted, got '" + v + "'");
  }

  /** Whether a catalog of this size is within {@code cf.ease.max_courses}. */
  public boolean enabledFor(int numCourses) { return numCourses <= maxCourses; }

  /** Parameters for the manifest. */
  Map<String, Object> params(int numCourses) {
    return Map.of("lambda", lambda, "input", weighted ? "weighted" : "binary", "neighbors", neighbors, "max_courses", maxCourses, "enabled", enabledFor(numCourses));
  }

  /** The top-K lists, or empty lists (with a logged note) when the catalog exceeds {@code cf.ease.max_courses}. */
  public ItemKnnModel train(InteractionMatrix matrix) {
    int n = matrix.numCourses();
    if (!enabledFor(n)) {
      log.warn("ease: OFF for {} courses (cf.ease.max_courses = {}): the closed form is dense, O(n^3) time and "
          + "2 n^2 doubles of memory; raise the limit to force it", n, maxCourses);
      return ItemKnnModel.of(new int[n][0], new float[n][0]);
    }
    long t0 = System.nanoTime();
    double[] pd = inverse(matrix);
    long t1 = System.nanoTime();
    int[][] ids = new int[n][];
    float[][] weights = new float[n][];
    int k = Math.min(neighbors, Math.max(n - 1, 0));
    // P is symmetric, so column i of B is read from row i of P (contiguous).
    ParallelLoop.run(n, 32, threads, () -> new TopK(k), (top, from, to) -> {
      for (int i = from; i < to; i++) {
        int row = i * n;
        double pii = pd[row + i];
        for (int j = 0; j < n; j++) {
          if (j == i) continue;
          double b = -pd[row + j] / pii;
          if (b > 0) top.offer(j, (float) b);
        }
        TopK.Ranked r = top.drain();
        ids[i] = r.ids();
        weights[i] = r.scores();
      }
    });
    ItemKnnModel model = ItemKnnModel.of(ids, weights);
    log.info("ease: {} weights for {} courses (lambda {}, K {}); Gram + inverse {} ms, top-K {} ms", model.totalNeighbors(),
        n, lambda, neighbors, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    return model;
  }

  /** The dense B (row j, column i = B(j,i)), for tests on tiny matrices. */
  double[][] denseWeights(InteractionMatrix matrix) {
    int n = matrix.numCourses();
    double[] pd = inverse(matrix);
    double[][] b = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) b[j][i] = j == i ? 0 : -pd[j * n + i] / pd[i * n + i];
    }
    return b;
  }

  /** P = (XᵀX + λI)⁻¹, row-major. */
  private double[] inverse(InteractionMatrix matrix) {
    int n = matrix.numCourses();
    long t0 = System.nanoTime();
    DMatrixRMaj g = gram(PositiveFeedback.of(matrix, false));
    long t1 = System.nanoTime();
    double[] p = SpdInverse.invert(g, threads);
    if (p == null) throw new IllegalStateException("ease: XᵀX + λI is not positive definite (λ = " + lambda + ")");
    long t2 = System.nanoTime();
    log.debug("ease: Gram {} ms, Cholesky inverse {} ms for {} courses", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, n);
    return p;
  }

  /** G = XᵀX + λI (X binary or weighted), row i accumulated over the learners of course i (rows split across threads). */
  private DMatrixRMaj gram(PositiveFeedback x) {
    int n = x.numCourses;
    DMatrixRMaj g = new DMatrixRMaj(n, n);
    double[] gd = g.data;
    ParallelLoop.run(n, 16, threads, () -> null, (unused, from, to) -> {
      for (int i = from; i < to; i++) {
        int row = i * n;
        for (int p = x.colPtr[i]; p < x.colPtr[i + 1]; p++) {
          int u = x.rows[p];
          if (weighted) {
            double a = x.colVals[p];
            for (int q = x.rowPtr[u]; q < x.rowPtr[u + 1]; q++) gd[row + x.cols[q]] += a * x.rowVals[q];
          } else {
            for (int q = x.rowPtr[u]; q < x.rowPtr[u + 1]; q++) gd[row + x.cols[q]] += 1;
          }
        }
        gd[row + i] += lambda;
      }
    });
    return g;
  }
}
