package io.courserec.mf;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One least-squares solve of implicit ALS for a single learner (or course) with the other side's factors F fixed
 * ({@link FixedSide}). Over the row's stored entries j (n of them), with d_j = c_j − 1 = α|r_j| and
 * p_j = [r_j &gt; 0]:
 *
 * <pre>
 *   A = G_λ + Σ_j d_j f_j f_jᵀ = G_λ + Uᵀ D U     G_λ = FᵀF + λI; U stacks the f_j;  (= FᵀC F + λI)
 *   b = Σ_{j: p_j = 1} (1 + d_j) f_j              (= FᵀC p)
 *   x = A⁻¹ b
 * </pre>
 *
 * Two exact ways to get x, whichever costs fewer flops for this n (chosen from n and k only, so a row always
 * takes the same path and fold-in reproduces training bit for bit):
 * <ul>
 *   <li>direct: form A (n·k²/2) and solve by Cholesky (k³/3) — for long rows (popular courses, heavy learners);</li>
 *   <li>Woodbury: A⁻¹ = G_λ⁻¹ − G_λ⁻¹Uᵀ S⁻¹ U G_λ⁻¹ with S = D⁻¹ + U G_λ⁻¹ Uᵀ (n×n), so with g = G_λ⁻¹ b =
 *       Σ_j p_j (1 + d_j) z_j, t_j = f_jᵀ g, S s = t (Cholesky, n³/3): x = g − Σ_j s_j z_j, where z_j = G_λ⁻¹ f_j
 *       is precomputed — about n²·k flops, far below k³ for the typical short row.</li>
 * </ul>
 * All factorisations are EJML Cholesky ({@link LinearSolverFactory_DDRM#chol}). Scratch state; one per thread.
 */
final class AlsSolver {
  private final int k;
  private final double alpha;
  private final DMatrixRMaj a;
  private final DMatrixRMaj b;
  private final DMatrixRMaj x;
  private final double[] f;
  private final double[] g;
  private final LinearSolverDense<DMatrixRMaj> chol;
  private int[] rows = new int[16];
  private double[] d = new double[16];
  private boolean[] pos = new boolean[16];
  private final DMatrixRMaj s = new DMatrixRMaj(1, 1);
  private final DMatrixRMaj t = new DMatrixRMaj(1, 1);
  private final DMatrixRMaj sol = new DMatrixRMaj(1, 1);
  private final LinearSolverDense<DMatrixRMaj> small = LinearSolverFactory_DDRM.chol(16);

  AlsSolver(int k, double alpha) {
    this.k = k;
    this.alpha = alpha;
    this.a = new DMatrixRMaj(k, k);
    this.b = new DMatrixRMaj(k, 1);
    this.x = new DMatrixRMaj(k, 1);
    this.f = new double[k];
    this.g = new double[k];
    this.chol = LinearSolverFactory_DDRM.chol(k);
  }

  /** Whether the Woodbury path is cheaper than forming and factoring A for a row of n weighted entries. */
  static boolean woodbury(int n, int k) {
    double direct = n * (k * (k + 1) / 2.0) + k * (double) k * k / 3.0 + 2.0 * k * k;
    double wood = n * (n + 1) / 2.0 * k + n * (double) n * n / 3.0 + 3.0 * n * k;
    return wood < direct;
  }

  /**
   * Solves the row {@code idx[from..to)} / {@code vals[from..to)} against {@code side} and writes x into
   * {@code out[off..off+k)}; zeros when no entry is positive.
   */
  void solve(FixedSide side, int[] idx, float[] vals, int from, int to, float[] out, int off) {
    int n = collect(idx, vals, from, to);
    boolean any = false;
    for (int j = 0; j < n && !any; j++) any = pos[j];
    if (!any) {
      for (int c = 0; c < k; c++) out[off + c] = 0f;
      return;
    }
    if (!woodbury(n, k) || !solveWoodbury(side, n)) {
      if (!factorDirect(side, n)) throw new IllegalStateException("ALS system is singular; use mf.regularization > 0");
      chol.solve(b, x);
      System.arraycopy(x.data, 0, g, 0, k);
    }
    for (int c = 0; c < k; c++) out[off + c] = (float) g[c];
  }

  /** Gathers the entries with r ≠ 0 (r = 0 has c = 1, p = 0: the same as a missing pair). */
  private int collect(int[] idx, float[] vals, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) {
      float r = vals[p];
      if (r == 0f) continue;
      if (n == rows.length) {
        rows = java.util.Arrays.copyOf(rows, 2 * n);
        d = java.util.Arrays.copyOf(d, 2 * n);
        pos = java.util.Arrays.copyOf(pos, 2 * n);
      }
      rows[n] = idx[p];
      d[n] = alpha * Math.abs(r);
      pos[n++] = r > 0;
    }
    return n;
  }

  private boolean solveWoodbury(FixedSide side, int n) {
    double[] z = side.z;
    float[] ff = side.f;
    java.util.Arrays.fill(g, 0);
    for (int j = 0; j < n; j++) {
      if (!pos[j]) continue;
      double c = 1 + d[j];
      int o = rows[j] * k;
      for (int q = 0; q < k; q++) g[q] += c * z[o + q];
    }
    if (alpha == 0) return true; // D = 0: A = G_λ and x = g
    s.reshape(n, n);
    t.reshape(n, 1);
    sol.reshape(n, 1);
    double[] sd = s.data;
    for (int p = 0; p < n; p++) {
      int fo = rows[p] * k;
      double tp = 0;
      for (int q = 0; q < k; q++) tp += ff[fo + q] * g[q];
      t.data[p] = tp;
      for (int r = 0; r <= p; r++) {
        int zo = rows[r] * k;
        double v = 0;
        for (int q = 0; q < k; q++) v += ff[fo + q] * z[zo + q];
        sd[p * n + r] = v;
        sd[r * n + p] = v;
      }
      sd[p * n + p] += 1 / d[p];
    }
    if (!small.setA(s)) return false;
    small.solve(t, sol);
    for (int p = 0; p < n; p++) {
      double sp = sol.data[p];
      int zo = rows[p] * k;
      for (int q = 0; q < k; q++) g[q] -= sp * z[zo + q];
    }
    return true;
  }

  /** Forms A and b for the collected entries and factors A; false when A is not positive definite. */
  private boolean factorDirect(FixedSide side, int n) {
    double[] ad = a.data;
    double[] bd = b.data;
    float[] ff = side.f;
    System.arraycopy(side.gram, 0, ad, 0, k * k);
    for (int i = 0; i < k; i++) {
      ad[i * k + i] += side.lambda;
      bd[i] = 0;
    }
    for (int j = 0; j < n; j++) {
      int o = rows[j] * k;
      for (int i = 0; i < k; i++) f[i] = ff[o + i];
      double dj = d[j];
      if (dj > 0) {
        for (int i = 0; i < k; i++) {
          double wi = dj * f[i];
          if (wi == 0) continue;
          int row = i * k;
          for (int q = 0; q <= i; q++) ad[row + q] += wi * f[q];
        }
      }
      if (pos[j]) {
        double c = 1 + dj;
        for (int i = 0; i < k; i++) bd[i] += c * f[i];
      }
    }
    Gram.mirrorLower(ad, k);
    return chol.setA(a);
  }

  /**
   * A⁻¹ v for the row's A, formed and factored by the direct path (for explanations); null when the row has no
   * positive entry or A is singular.
   */
  double[] applyInverse(FixedSide side, int[] idx, float[] vals, int from, int to, double[] v) {
    int n = collect(idx, vals, from, to);
    boolean any = false;
    for (int j = 0; j < n && !any; j++) any = pos[j];
    if (!any || !factorDirect(side, n)) return null;
    DMatrixRMaj rhs = DMatrixRMaj.wrap(k, 1, v.clone());
    DMatrixRMaj out = new DMatrixRMaj(k, 1);
    chol.solve(rhs, out);
    return out.data;
  }

  /** Confidence of a stored entry: c = 1 + α|r|. */
  double confidence(float r) { return 1 + alpha * Math.abs(r); }
}
