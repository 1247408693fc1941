package io.courserec.mf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.cf.ParallelLoop;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit-feedback alternating least squares after Hu, Koren &amp; Volinsky 2008, "Collaborative Filtering for
 * Implicit Feedback Datasets" (ICDM). With r_ui the summed event weight of learner u on course i:
 *
 * <pre>
 *   p_ui = 1 if r_ui &gt; 0, else 0                         preference
 *   c_ui = 1 + α·|r_ui|                                   confidence (paper: 1 + α·r_ui; |·| makes a dismissal
 *                                                          a confident 0 instead of a negative confidence)
 *   min_{X,Y}  Σ_{u,i} c_ui (p_ui − x_uᵀ y_i)² + λ (Σ_u ‖x_u‖² + Σ_i ‖y_i‖²)
 *
 *   Xu = (YᵀY + Yᵀ(Cu − I)Y + λI)⁻¹ Yᵀ Cu p(u)           user step, Y fixed      (paper eq. 4)
 *   Yi = (XᵀX + Xᵀ(Ci − I)X + λI)⁻¹ Xᵀ Ci p(i)           item step, X fixed      (paper eq. 5)
 * </pre>
 *
 * Cu is the diagonal matrix of c_ui over all courses and p(u) the preference vector; YᵀY is computed once per
 * half-sweep and Yᵀ(Cu − I)Y touches only the learner's n_u stored courses (c_ui − 1 = 0 elsewhere), so a sweep
 * costs at most O(nnz·k² + (users + courses)·k³); {@link AlsSolver} solves short rows exactly through the
 * Woodbury identity around the shared (YᵀY + λI)⁻¹ instead, which removes the k³ term for typical learners.
 * All systems are solved by Cholesky (EJML).
 *
 * <p>Y starts as N(0, 0.01/k) noise from {@code seed}; each iteration solves X then Y, in parallel over rows
 * ({@code mf.threads}); every row is computed independently and YᵀY in fixed blocks, so the same seed gives
 * bit-identical factors for any thread count. After the last iteration X is solved once more against the final
 * Y, so a trained learner's factors equal {@link FactorModel#foldIn} of their training history exactly.
 */
public final class AlsTrainer {
  private static final Logger log = LoggerFactory.getLogger(AlsTrainer.class);

  /** Receives the objective after every iteration (for logging and tests). */
  @FunctionalInterface
  public interface IterationListener {
    void afterIteration(int iteration, double loss);
  }

  private final int rank;
  private final int iterations;
  private final double lambda;
  private final double alpha;
  private final long seed;
  private final int threads;

  public AlsTrainer(int rank, int iterations, double lambda, double alpha, long seed, int threads) {
    if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    if (lambda < 0 || alpha < 0) throw new IllegalArgumentException("lambda and alpha must be >= 0");
    this.rank = rank;
    this.iterations = iterations;
    this.lambda = lambda;
    this.alpha = alpha;
    this.seed = seed;
    this.threads = Math.max(1, threads);
  }

  public static AlsTrainer from(Config c) {
    return new AlsTrainer(c.integer(ConfigKey.MF_RANK), c.integer(ConfigKey.MF_ITERATIONS), c.number(ConfigKey.MF_REG),
        c.number(ConfigKey.MF_ALPHA), c.longValue(ConfigKey.SEED), ParallelLoop.threads(c));
  }

  public int rank() { return rank; }
  public int iterations() { return iterations; }
  public double lambda() { return lambda; }
  public double alpha() { return alpha; }

  /** Trains; the objective is computed (about 5 % of an iteration) only when debug logging is on. */
  public FactorModel train(InteractionMatrix m) {
    return train(m, log.isDebugEnabled() ? (it, loss) -> log.debug("als: iteration {} loss {}", it, loss) : null);
  }

  /** Trains, reporting the objective after every iteration to {@code listener} (null: not computed). */
  public FactorModel train(InteractionMatrix m, IterationListener listener) {
    long t0 = System.nanoTime();
    int nl = m.numLearners();
    int nc = m.numCourses();
    int k = rank;
    float[] x = new float[nl * k];
    float[] y = initialItemFactors(nc, k, seed);
    double loss = Double.NaN;
    for (int it = 1; it <= iterations; it++) {
      userStep(m, y, x);
      itemStep(m, x, y);
      if (listener != null) {
        loss = loss(m, x, y);
        listener.afterIteration(it, loss);
      }
    }
    userStep(m, y, x);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    log.info("als: rank {}, {} iterations, lambda {}, alpha {} on {} x {} ({} pairs) in {} ms on {} threads{}",
        k, iterations, lambda, alpha, nl, nc, m.nnz(), ms, threads, Double.isNaN(loss) ? "" : "; loss " + loss);
    return FactorModel.als(k, x, y, nl, nc, alpha, lambda);
  }

  static float[] initialItemFactors(int nc, int k, long seed) {
    float[] y = new float[nc * k];
    SplittableRandom rnd = new SplittableRandom(seed);
    double scale = 0.1 / Math.sqrt(k);
    for (int i = 0; i < y.length; i++) y[i] = (float) (rnd.nextGaussian() * scale);
    return y;
  }

  /** X ← argmin with Y fixed (eq. 4), over the CSR rows of m. */
  void userStep(InteractionMatrix m, float[] y, float[] x) {
    FixedSide side = FixedSide.of(y, m.numCourses(), rank, lambda, threads);
    ParallelLoop.run(m.numLearners(), 64, threads, () -> new AlsSolver(rank, alpha), (s, from, to) -> {
      for (int u = from; u < to; u++) s.solve(side, m.cols(), m.vals(), m.rowStart(u), m.rowEnd(u), x, u * rank);
    });
  }

  /** Y ← argmin with X fixed (eq. 5), over the CSC columns of m. */
  void itemStep(InteractionMatrix m, float[] x, float[] y) {
    FixedSide side = FixedSide.of(x, m.numLearners(), rank, lambda, threads);
    ParallelLoop.run(m.numCourses(), 8, threads, () -> new AlsSolver(rank, alpha), (s, from, to) -> {
      for (int i = from; i < to; i++) s.solve(side, m.rows(), m.colVals(), m.colStart(i), m.colEnd(i), y, i * rank);
    });
  }

  /**
   * The objective over all learner x course pairs, computed without visiting the zeros:
   * Σ_{u,i} (x_uᵀy_i)² = Σ_{a,b} (XᵀX)_ab (YᵀY)_ab, plus, for each stored pair, c(p − s)² − s² with s = x_uᵀy_i,
   * plus λ(‖X‖² + ‖Y‖²).
   */
  double loss(InteractionMatrix m, float[] x, float[] y) {
    int k = rank;
    double[] gx = Gram.of(x, m.numLearners(), k, threads);
    double[] gy = Gram.of(y, m.numCourses(), k, threads);
    double total = 0;
    for (int i = 0; i < gx.length; i++) total += gx[i] * gy[i];
    int nl = m.numLearners();
    int block = 1024;
    double[] partial = new double[(nl + block - 1) / block];
    ParallelLoop.run(partial.length, 1, threads, () -> null, (none, from, to) -> {
      for (int blk = from; blk < to; blk++) {
        double sum = 0;
        for (int u = blk * block; u < Math.min(nl, (blk + 1) * block); u++) {
          for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
            float r = m.vals()[p];
            if (r == 0f) continue;
            double s = 0;
            int xo = u * k;
            int yo = m.cols()[p] * k;
            for (int a = 0; a < k; a++) s += (double) x[xo + a] * y[yo + a];
            double c = 1 + alpha * Math.abs(r);
            double pref = r > 0 ? 1 : 0;
            sum += c * (pref - s) * (pref - s) - s * s;
          }
        }
        partial[blk] = sum;
      }
    });
    for (double p : partial) total += p;
    double reg = 0;
    for (float v : x) reg += (double) v * v;
    for (float v : y) reg += (double) v * v;
    return total + lambda * reg;
  }
}
