package io.courserec.mf;

import io.courserec.cf.ParallelLoop;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The fixed factors F of one ALS half-sweep (Y in the user step, X in the item step) with what every row solve
 * shares, computed once: G = FᵀF; G_λ⁻¹ = (FᵀF + λI)⁻¹ = L Lᵀ (L from EJML's Cholesky G_λ = R Rᵀ, L = R⁻ᵀ;
 * if λ = 0 leaves G_λ singular, from its eigendecomposition, a pseudo-inverse); and the rows g_j = G_λ⁻¹ f_j
 * (stored in {@link #w}), so that f_iᵀ G_λ⁻¹ f_j = f_i·g_j. {@link AlsSolver} solves short rows through these
 * without any k×k factorisation or product. Deterministic (fixed blocks, row-wise W).
 *
 * <p>With {@link RegularizationScaling#COUNT} every row has its own λ_row = λ·n, so no single G_λ⁻¹ serves all
 * rows. Then L = Q, the eigenvectors of G = Q Λ Qᵀ (EJML symmetric eigendecomposition, once per half-sweep), and
 * w_j = Qᵀ f_j: for any λ_row, (G + λ_row I)⁻¹ = Q Δ² Qᵀ with Δ = diag((Λ + λ_row)^(-1/2)), so a row's whitened
 * vectors are Δ w_j, an O(k) scaling per entry ({@link #rowScale}).
 */
final class FixedSide {
  final float[] f;
  final int n;
  final int k;
  final double lambda;
  final double[] gram;
  /** G_λ⁻¹ (no scaling) or Q (count scaling), row-major. */
  final double[] l;
  /** The transpose of {@link #l} (row q = column q of l). */
  final double[] lt;
  /** Row-major n x k: g_j = G_λ⁻¹ f_j without scaling, w_j = Qᵀ f_j with count scaling. */
  final double[] w;
  /** L is upper triangular (the Cholesky case), so products with it skip the zero half. */
  final boolean upper;
  /** How λ is scaled per row. */
  final RegularizationScaling scaling;
  /** Λ, the eigenvalues of G (clamped at 0), when L = Q (count scaling); null when L is the Cholesky factor. */
  final double[] eigenvalues;

  private FixedSide(float[] f, int n, int k, double lambda, double[] gram, double[] l, double[] lt, double[] w,
                    boolean upper, RegularizationScaling scaling, double[] eigenvalues) {
    this.f = f;
    this.n = n;
    this.k = k;
    this.lambda = lambda;
    this.gram = gram;
    this.l = l;
    this.lt = lt;
    this.w = w;
    this.upper = upper;
    this.scaling = scaling;
    this.eigenvalues = eigenvalues;
  }

  static FixedSide of(float[] f, int n, int k, double lambda, int threads) {
    return of(f, n, k, lambda, RegularizationScaling.NONE, threads);
  }

  static FixedSide of(float[] f, int n, int k, double lambda, RegularizationScaling scaling, int threads) {
    return of(f, n, k, lambda, scaling, threads, null);
  }

  /**
   * As {@link #of(float[], int, int, double, RegularizationScaling, int)}, whitening only the rows j with
   * {@code whiten[j]} (null: all): a half-sweep needs w_j only for entries of rows that take the Woodbury path,
   * and each w_j is computed the same way either way.
   */
  static FixedSide of(float[] f, int n, int k, double lambda, RegularizationScaling scaling, int threads,
                      boolean[] whiten) {
    double[] gram = Gram.of(f, n, k, threads);
    double[] eigenvalues = scaling == RegularizationScaling.COUNT ? new double[k] : null;
    double[] l = eigenvalues != null ? eigenvectors(gram, k, eigenvalues) : inverse(gram, k, lambda);
    double[] lt = new double[k * k];
    boolean upper = true;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        lt[j * k + i] = l[i * k + j];
        if (j < i && l[i * k + j] != 0) upper = false;
      }
    }
    boolean triangular = upper;
    double[] w = new double[n * k];
    ParallelLoop.run(n, 512, threads, () -> null, (none, from, to) -> {
      for (int r = from; r < to; r++) {
        if (whiten != null && !whiten[r]) continue;
        int o = r * k;
        for (int a = 0; a < k; a++) {
          double fa = f[o + a];
          if (fa == 0) continue;
          int row = a * k;
          // w[b] = Σ_a L[a][b] f[a]; for upper-triangular L only b ≥ a contribute
          for (int b = triangular ? a : 0; b < k; b++) w[o + b] = Math.fma(fa, l[row + b], w[o + b]);
        }
      }
    });
    return new FixedSide(f, n, k, lambda, gram, l, lt, w, upper, scaling, eigenvalues);
  }

  /** λ for a row with n nonzero entries. */
  double rowLambda(int n) {
    return scaling.rowLambda(lambda, n);
  }

  /**
   * Δ = (Λ + λ_row)^(-1/2) into {@code delta} (count scaling only); directions where Λ + λ_row vanishes (λ = 0
   * and a rank-deficient G) get 0, the pseudo-inverse as in the Cholesky case.
   */
  void rowScale(double lambdaRow, double[] delta) {
    double max = 0;
    for (double ev : eigenvalues) max = Math.max(max, ev + lambdaRow);
    for (int q = 0; q < k; q++) {
      double v = eigenvalues[q] + lambdaRow;
      delta[q] = v > max * 1e-12 ? 1 / Math.sqrt(v) : 0;
    }
  }

  /** Q (eigenvectors of G in its columns), row-major, with the eigenvalues written into {@code values}. */
  private static double[] eigenvectors(double[] gram, int k, double[] values) {
    DMatrixRMaj g = new DMatrixRMaj(k, k);
    System.arraycopy(gram, 0, g.data, 0, k * k);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
    if (!eig.decompose(g)) throw new IllegalStateException("ALS: eigendecomposition of FᵀF failed");
    double[] q = new double[k * k];
    for (int c = 0; c < k; c++) {
      values[c] = Math.max(0, eig.getEigenvalue(c).getReal());
      DMatrixRMaj v = eig.getEigenVector(c);
      for (int i = 0; i < k; i++) q[i * k + c] = v.data[i];
    }
    return q;
  }

  /**
   * G_λ⁻¹ = L Lᵀ itself (symmetric, row-major), so that "whitening" with it gives g_j = G_λ⁻¹ f_j, which lets the
   * Woodbury route finish without any k×k product per row ({@link AlsSolver}).
   */
  private static double[] inverse(double[] gram, int k, double lambda) {
    double[] l = inverseFactor(gram, k, lambda);
    double[] inv = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int c = 0; c < k; c++) sum = Math.fma(l[i * k + c], l[j * k + c], sum);
        inv[i * k + j] = sum;
        inv[j * k + i] = sum;
      }
    }
    return inv;
  }

  /** L with L Lᵀ = (G + λI)⁻¹ (or its pseudo-inverse), row-major. */
  private static double[] inverseFactor(double[] gram, int k, double lambda) {
    DMatrixRMaj g = new DMatrixRMaj(k, k);
    System.arraycopy(gram, 0, g.data, 0, k * k);
    for (int i = 0; i < k; i++) g.data[i * k + i] += lambda;
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
    if (chol.decompose(g.copy())) {
      DMatrixRMaj r = chol.getT(null);
      TriangularSolver_DDRM.invertLower(r.data, k);
      // L = R⁻ᵀ: L[i][j] = R⁻¹[j][i]
      double[] l = new double[k * k];
      for (int i = 0; i < k; i++) for (int j = 0; j <= i; j++) l[j * k + i] = r.data[i * k + j];
      return l;
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
    if (!eig.decompose(g)) throw new IllegalStateException("ALS: cannot factor FᵀF + λI; use mf.regularization > 0");
    double max = 0;
    for (int i = 0; i < k; i++) max = Math.max(max, eig.getEigenvalue(i).getReal());
    double[] l = new double[k * k];
    for (int c = 0; c < k; c++) {
      double ev = eig.getEigenvalue(c).getReal();
      if (ev <= max * 1e-12) continue;
      double s = 1 / Math.sqrt(ev);
      DMatrixRMaj v = eig.getEigenVector(c);
      for (int i = 0; i < k; i++) l[i * k + c] = v.data[i] * s;
    }
    return l;
  }
}
