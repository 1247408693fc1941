package io.courserec.mf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.cf.ParallelLoop;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PureSVD (Cremonesi, Koren &amp; Turrin 2010, "Performance of recommender algorithms on top-N recommendation
 * tasks"): a truncated SVD of the learner x course matrix R with missing entries as zeros, here R = max(r, 0)
 * (positive feedback only). With R ≈ U Σ Vᵀ at rank k, the paper scores
 *
 * <pre>
 *   r̂_u = r_u · V · Vᵀ        so   x_u = r_u V  (user factors, a fold-in by construction),   y_i = V_i
 * </pre>
 *
 * V (the top-k right singular vectors = top eigenvectors of RᵀR) comes from randomized subspace iteration
 * (Halko, Martinsson &amp; Tropp 2011) without densifying R: with ℓ = k + {@code mf.svd.oversampling} columns,
 * Q = orth(RᵀR Ω) for a Gaussian Ω (seeded), refined {@code mf.svd.power_iterations} times by Q ← orth(RᵀR Q);
 * then the projected ℓ×ℓ problem M = (RQ)ᵀ(RQ) = Qᵀ RᵀR Q is diagonalised, M = W Λ Wᵀ, and V = Q W_k (the
 * eigenvectors of the k largest eigenvalues λ_j = σ_j²). Every product with R is sparse and split by rows
 * (R·Q) or by columns (Rᵀ·T), so no reduction order depends on threads. When ℓ reaches the number of courses,
 * the result is the exact truncated SVD. Each column of V is signed so its largest-magnitude entry is positive.
 */
public final class PureSvdTrainer {
  private static final Logger log = LoggerFactory.getLogger(PureSvdTrainer.class);

  private final int rank;
  private final int oversampling;
  private final int powerIterations;
  private final long seed;
  private final int threads;

  public PureSvdTrainer(int rank, int oversampling, int powerIterations, long seed, int threads) {
    if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    if (oversampling < 0 || powerIterations < 0) throw new IllegalArgumentException("oversampling and power iterations must be >= 0");
    this.rank = rank;
    this.oversampling = oversampling;
    this.powerIterations = powerIterations;
    this.seed = seed;
    this.threads = Math.max(1, threads);
  }

  public static PureSvdTrainer from(Config c) {
    return new PureSvdTrainer(c.integer(ConfigKey.MF_RANK), c.integer(ConfigKey.MF_SVD_OVERSAMPLING),
        c.integer(ConfigKey.MF_SVD_POWER), c.longValue(ConfigKey.SEED), ParallelLoop.threads(c));
  }

  public int oversampling() { return oversampling; }
  public int powerIterations() { return powerIterations; }

  public FactorModel train(InteractionMatrix m) {
    long t0 = System.nanoTime();
    int nl = m.numLearners();
    int nc = m.numCourses();
    int k = Math.max(1, Math.min(rank, nc));
    if (k < rank) log.warn("puresvd: rank {} exceeds the {} courses; using rank {}", rank, nc, k);
    int l = Math.min(k + oversampling, nc);
    if (nc == 0) return FactorModel.pureSvd(k, new float[0], new float[0], nl, nc);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] omega = new double[nc * l];
    for (int i = 0; i < omega.length; i++) omega[i] = rnd.nextGaussian();
    double[] q = orthonormal(timesRt(m, times(m, omega, l), l), nc, l);
    for (int it = 0; it < powerIterations; it++) q = orthonormal(timesRt(m, times(m, q, l), l), nc, l);
    double[] t = times(m, q, l);
    DMatrixRMaj proj = new DMatrixRMaj(l, l);
    CommonOps_DDRM.multInner(DMatrixRMaj.wrap(nl, l, t), proj);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(l, true, true);
    if (!eig.decompose(proj)) throw new IllegalStateException("puresvd: eigendecomposition did not converge");
    Integer[] order = new Integer[l];
    for (int j = 0; j < l; j++) order[j] = j;
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal());
      return c != 0 ? c : Integer.compare(a, b);
    });
    double[] v = new double[nc * k];
    for (int c = 0; c < k; c++) {
      DMatrixRMaj w = eig.getEigenVector(order[c]);
      for (int i = 0; i < nc; i++) {
        double s = 0;
        for (int j = 0; j < l; j++) s += q[i * l + j] * w.data[j];
        v[i * k + c] = s;
      }
      int arg = 0;
      for (int i = 1; i < nc; i++) if (Math.abs(v[i * k + c]) > Math.abs(v[arg * k + c])) arg = i;
      if (v[arg * k + c] < 0) for (int i = 0; i < nc; i++) v[i * k + c] = -v[i * k + c];
    }
    float[] y = new float[nc * k];
    for (int i = 0; i < y.length; i++) y[i] = (float) v[i];
    float[] x = new float[nl * k];
    ParallelLoop.run(nl, 256, threads, () -> new double[k], (acc, from, to) -> {
      for (int u = from; u < to; u++) {
        FactorModel.project(m.cols(), m.vals(), m.rowStart(u), m.rowEnd(u), y, k, acc);
        for (int c = 0; c < k; c++) x[u * k + c] = (float) acc[c];
      }
    });
    if (log.isInfoEnabled()) {
      double top = Math.sqrt(Math.max(0, eig.getEigenvalue(order[0]).getReal()));
      double last = Math.sqrt(Math.max(0, eig.getEigenvalue(order[k - 1]).getReal()));
      log.info("puresvd: rank {} (l = {}, {} power iterations) on {} x {} ({} pairs), sigma_1 {} sigma_k {}, in {} ms",
          k, l, powerIterations, nl, nc, m.nnz(), top, last, (System.nanoTime() - t0) / 1_000_000);
    }
    return FactorModel.pureSvd(k, x, y, nl, nc);
  }

  /** R·B for a dense B (courses x l, row-major); learners x l. */
  private double[] times(InteractionMatrix m, double[] b, int l) {
    int nl = m.numLearners();
    double[] out = new double[nl * l];
    ParallelLoop.run(nl, 256, threads, () -> null, (none, from, to) -> {
      for (int u = from; u < to; u++) {
        int o = u * l;
        for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
          float r = m.vals()[p];
          if (!(r > 0)) continue;
          int bo = m.cols()[p] * l;
          for (int j = 0; j < l; j++) out[o + j] += r * b[bo + j];
        }
      }
    });
    return out;
  }

  /** Rᵀ·T for a dense T (learners x l); courses x l. */
  private double[] timesRt(InteractionMatrix m, double[] t, int l) {
    int nc = m.numCourses();
    double[] out = new double[nc * l];
    ParallelLoop.run(nc, 16, threads, () -> null, (none, from, to) -> {
      for (int i = from; i < to; i++) {
        int o = i * l;
        for (int p = m.colStart(i); p < m.colEnd(i); p++) {
          float r = m.colVals()[p];
          if (!(r > 0)) continue;
          int to2 = m.rows()[p] * l;
          for (int j = 0; j < l; j++) out[o + j] += r * t[to2 + j];
        }
      }
    });
    return out;
  }

  /** Thin Q of the QR decomposition of a (rows x l) matrix: orthonormal columns spanning its range. */
  private static double[] orthonormal(double[] a, int rows, int l) {
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, l);
    if (!qr.decompose(DMatrixRMaj.wrap(rows, l, a))) throw new IllegalStateException("puresvd: QR failed");
    return qr.getQ(null, true).data;
  }
}
