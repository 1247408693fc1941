package io.courserec.mf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.cf.ParallelLoop;
import io.courserec.config.Config;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
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
 * All exact systems are solved by Cholesky (EJML).
 *
 * <p>Options ({@link AlsParams}): λ may be scaled per row by its nonzero count n (ALS-WR, Zhou et al. 2008;
 * {@link RegularizationScaling}), which turns λ(Σ‖x_u‖² + Σ‖y_i‖²) into λ(Σ n_u‖x_u‖² + Σ n_i‖y_i‖²) in the
 * objective, the row solves and fold-in alike; and long rows may be solved approximately by a few
 * conjugate-gradient steps warm-started from the previous sweep's factors (Takács, Pilászy &amp; Tikk 2011;
 * {@link ConjugateGradient}, {@link MfSolver}). Each CG step lowers its row's quadratic, so the objective still
 * never increases.
 *
 * <p>Y starts as N(0, 0.01/k) noise from {@code seed}; each iteration solves X then Y, in parallel over rows
 * ({@code mf.threads}); every row is computed independently and YᵀY in fixed blocks, so the same seed gives
 * bit-identical factors for any thread count. After the last iteration X is solved once more against the final
 * Y, always exactly (whatever the solver), so a trained learner's factors equal {@link FactorModel#foldIn} of
 * their training history exactly.
 *
 * <p>For a tuner: {@code FactorModel m = AlsTrainer.train(matrix, params)}, then {@link FactorModel#userFactors}
 * or {@link FactorModel#foldIn(int[], float[])} and {@link FactorModel#scores(float[])}; no files involved.
 */
public final class AlsTrainer {
  private static final Logger log = LoggerFactory.getLogger(AlsTrainer.class);

  /** Receives the objective after every iteration (for logging and tests). */
  @FunctionalInterface
  public interface IterationListener {
    void afterIteration(int iteration, double loss);
  }

  private final AlsParams params;
  private final int rank;
  private final int iterations;
  private final double lambda;
  private final double alpha;
  private final int threads;

  /** Exact solves without λ scaling ({@link AlsParams#of}). */
  public AlsTrainer(int rank, int iterations, double lambda, double alpha, long seed, int threads) {
    this(AlsParams.of(rank, lambda, alpha, iterations, seed, threads));
  }

  public AlsTrainer(AlsParams params) {
    this.params = params;
    this.rank = params.rank();
    this.iterations = params.iterations();
    this.lambda = params.lambda();
    this.alpha = params.alpha();
    this.threads = params.threads();
  }

  public static AlsTrainer from(Config c) {
    return new AlsTrainer(AlsParams.from(c));
  }

  /** Fits a model in memory (no files, no config): the entry point for tuners. */
  public static FactorModel train(InteractionMatrix m, AlsParams params) {
    return new AlsTrainer(params).train(m);
  }

  public AlsParams params() { return params; }
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
    float[] y = initialItemFactors(nc, k, params.seed());
    int cgSteps = params.solver() == MfSolver.CG ? params.cgSteps() : 0;
    double loss = Double.NaN;
    for (int it = 1; it <= iterations; it++) {
      userStep(m, y, x, cgSteps);
      itemStep(m, x, y, cgSteps);
      if (listener != null) {
        loss = loss(m, x, y);
        listener.afterIteration(it, loss);
      }
    }
    userStep(m, y, x, 0);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    log.info("als: rank {}, {} iterations, lambda {} ({}), alpha {}, solver {} on {} x {} ({} pairs) in {} ms on {} "
        + "threads{}", k, iterations, lambda, params.scaling().code(), alpha, params.solver().code(), nl, nc, m.nnz(),
        ms, threads, Double.isNaN(loss) ? "" : "; loss " + loss);
    return FactorModel.als(k, x, y, nl, nc, alpha, lambda, params.scaling());
  }

  static float[] initialItemFactors(int nc, int k, long seed) {
    float[] y = new float[nc * k];
    SplittableRandom rnd = new SplittableRandom(seed);
    double scale = 0.1 / Math.sqrt(k);
    for (int i = 0; i < y.length; i++) y[i] = (float) (rnd.nextGaussian() * scale);
    return y;
  }

  /** X ← argmin with Y fixed (eq. 4), exactly, over the CSR rows of m. */
  void userStep(InteractionMatrix m, float[] y, float[] x) {
    userStep(m, y, x, 0);
  }

  /** X ← argmin with Y fixed (eq. 4); rows where {@code cgSteps} CG steps are cheaper start from the current x. */
  void userStep(InteractionMatrix m, float[] y, float[] x, int cgSteps) {
    boolean[] whiten = whitenedEntries(m.numLearners(), m::rowStart, m::rowEnd, m.cols(), m.vals(), m.numCourses(),
        cgSteps);
    FixedSide side = FixedSide.of(y, m.numCourses(), rank, lambda, params.scaling(), threads, whiten);
    ParallelLoop.run(m.numLearners(), 64, threads, () -> new AlsSolver(rank, alpha, cgSteps), (s, from, to) -> {
      for (int u = from; u < to; u++) s.solve(side, m.cols(), m.vals(), m.rowStart(u), m.rowEnd(u), x, u * rank);
    });
  }

  /** Y ← argmin with X fixed (eq. 5), over the CSC columns of m. */
  void itemStep(InteractionMatrix m, float[] x, float[] y, int cgSteps) {
    boolean[] whiten = whitenedEntries(m.numCourses(), m::colStart, m::colEnd, m.rows(), m.colVals(),
        m.numLearners(), cgSteps);
    FixedSide side = FixedSide.of(x, m.numLearners(), rank, lambda, params.scaling(), threads, whiten);
    ParallelLoop.run(m.numCourses(), 8, threads, () -> new AlsSolver(rank, alpha, cgSteps), (s, from, to) -> {
      for (int i = from; i < to; i++) s.solve(side, m.rows(), m.colVals(), m.colStart(i), m.colEnd(i), y, i * rank);
    });
  }

  /** The objective (see {@link #loss(InteractionMatrix, float[], float[])}) of a model trained on {@code m}. */
  public double loss(InteractionMatrix m, FactorModel model) {
    return loss(m, model.learnerFactorArray(), model.courseFactorArray());
  }

  /** Which fixed-side rows appear in a solved row that takes the Woodbury path (only those need w_j). */
  private boolean[] whitenedEntries(int rows, IntUnaryOperator start, IntUnaryOperator end, int[] idx, float[] vals,
                                    int fixedRows, int cgSteps) {
    boolean[] whiten = new boolean[fixedRows];
    for (int r = 0; r < rows; r++) {
      int from = start.applyAsInt(r);
      int to = end.applyAsInt(r);
      if (!AlsSolver.whitened(nonzeros(vals, from, to), rank, cgSteps)) continue;
      for (int p = from; p < to; p++) whiten[idx[p]] = true;
    }
    return whiten;
  }

  /**
   * The objective over all learner x course pairs, computed without visiting the zeros:
   * Σ_{u,i} (x_uᵀy_i)² = Σ_{a,b} (XᵀX)_ab (YᵀY)_ab, plus, for each stored pair, c(p − s)² − s² with s = x_uᵀy_i,
   * plus λ(‖X‖² + ‖Y‖²), or with count scaling λ(Σ_u n_u‖x_u‖² + Σ_i n_i‖y_i‖²) (n = nonzeros of the row).
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
    return total + lambda * (penalty(x, k, u -> nonzeros(m.vals(), m.rowStart(u), m.rowEnd(u)))
        + penalty(y, k, i -> nonzeros(m.colVals(), m.colStart(i), m.colEnd(i))));
  }

  /** Σ_row w_row ‖f_row‖², w_row = 1, or the row's nonzero count with count scaling. */
  private double penalty(float[] f, int k, IntUnaryOperator count) {
    double reg = 0;
    for (int row = 0; row < f.length / k; row++) {
      double sq = 0;
      for (int a = row * k; a < (row + 1) * k; a++) sq += (double) f[a] * f[a];
      reg += params.scaling().rowLambda(1, count.applyAsInt(row)) * sq;
    }
    return reg;
  }

  private static int nonzeros(float[] vals, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) if (vals[p] != 0f) n++;
    return n;
  }
}
