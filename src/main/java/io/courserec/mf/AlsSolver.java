package io.courserec.mf;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One least-squares solve of implicit ALS for a single learner (or course) with the other side's factors F fixed
 * ({@link FixedSide}). Over the row's stored entries j (n of them; r_j ≠ 0), with d_j = c_j − 1 = α|r_j| and
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
 *   <li>direct: form A (n·k²/2, {@link SymmetricRankK}) and solve by Cholesky (k³/3) — for long rows
 *       (popular courses, very active learners);</li>
 *   <li>Woodbury: A⁻¹ = G_λ⁻¹ − G_λ⁻¹Uᵀ S⁻¹ U G_λ⁻¹ with S = D⁻¹ + U G_λ⁻¹ Uᵀ (n×n). With G_λ⁻¹ = L Lᵀ and the
 *       whitened rows w_j = Lᵀ f_j precomputed: h = Lᵀ b = Σ_j p_j (1 + d_j) w_j, S = D⁻¹ + W Wᵀ,
 *       t_j = w_j·h, S s = t (Cholesky, n³/3), and x = L (h − Σ_j s_j w_j) — about n²·k/2 + k² flops, far
 *       below k³ for the typical short row.</li>
 * </ul>
 * Both factorisations are EJML Cholesky ({@link LinearSolverFactory_DDRM#chol}). Scratch state; one per thread.
 */
final class AlsSolver {
  private final int k;
  private final double alpha;
  private final DMatrixRMaj a;
  private final DMatrixRMaj b;
  private final DMatrixRMaj x;
  private final double[] h;
  private final LinearSolverDense<DMatrixRMaj> chol;
  private final LinearSolverDense<DMatrixRMaj> small = LinearSolverFactory_DDRM.chol(16);
  private final DMatrixRMaj s = new DMatrixRMaj(1, 1);
  private final DMatrixRMaj t = new DMatrixRMaj(1, 1);
  private final DMatrixRMaj sol = new DMatrixRMaj(1, 1);
  private int[] rows = new int[16];
  private double[] d = new double[16];
  private boolean[] pos = new boolean[16];
  private double[] scratch = new double[16];

  AlsSolver(int k, double alpha) {
    this.k = k;
    this.alpha = alpha;
    this.a = new DMatrixRMaj(k, k);
    this.b = new DMatrixRMaj(k, 1);
    this.x = new DMatrixRMaj(k, 1);
    this.h = new double[k];
    this.chol = LinearSolverFactory_DDRM.chol(k);
  }

  /** Whether the Woodbury path is cheaper than forming and factoring A for a row of n weighted entries. */
  static boolean woodbury(int n, int k) {
    double direct = n * (k * (k + 1) / 2.0) + k * (double) k * k / 3.0 + 2.0 * k * k;
    double wood = n * (n + 1) / 2.0 * k + n * (double) n * n / 3.0 + 4.0 * n * k + k * (double) k;
    return wood < direct;
  }

  /**
   * Solves the row {@code idx[from..to)} / {@code vals[from..to)} against {@code side} and writes x into
   * {@code out[off..off+k)}; zeros when no entry is positive.
   */
  void solve(FixedSide side, int[] idx, float[] vals, int from, int to, float[] out, int off) {
    int n = collect(idx, vals, from, to);
    if (!anyPositive(n)) {
      for (int c = 0; c < k; c++) out[off + c] = 0f;
      return;
    }
    if (woodbury(n, k) && solveWoodbury(side, n, out, off)) return;
    if (!factorDirect(side, n)) throw new IllegalStateException("ALS system is singular; use mf.regularization > 0");
    chol.solve(b, x);
    for (int c = 0; c < k; c++) out[off + c] = (float) x.data[c];
  }

  private boolean anyPositive(int n) {
    for (int j = 0; j < n; j++) if (pos[j]) return true;
    return false;
  }

  /** Gathers the entries with r ≠ 0 (r = 0 has c = 1, p = 0: the same as a missing pair). */
  private int collect(int[] idx, float[] vals, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) {
      float r = vals[p];
      if (r == 0f) continue;
      if (n == rows.length) {
        rows = Arrays.copyOf(rows, 2 * n);
        d = Arrays.copyOf(d, 2 * n);
        pos = Arrays.copyOf(pos, 2 * n);
      }
      rows[n] = idx[p];
      d[n] = alpha * Math.abs(r);
      pos[n++] = r > 0;
    }
    return n;
  }

  private double[] scratch(int size) {
    if (scratch.length < size) scratch = new double[Math.max(size, 2 * scratch.length)];
    return scratch;
  }

  private boolean solveWoodbury(FixedSide side, int n, float[] out, int off) {
    double[] w = side.w;
    Arrays.fill(h, 0);
    for (int j = 0; j < n; j++) {
      if (!pos[j]) continue;
      double c = 1 + d[j];
      int o = rows[j] * k;
      for (int q = 0; q < k; q++) h[q] = Math.fma(c, w[o + q], h[q]);
    }
    if (alpha > 0) { // with α = 0, D = 0: A = G_λ and x = L h
      double[] wn = scratch(n * k);
      for (int j = 0; j < n; j++) System.arraycopy(w, rows[j] * k, wn, j * k, k);
      s.reshape(n, n);
      t.reshape(n, 1);
      sol.reshape(n, 1);
      double[] sd = s.data;
      Arrays.fill(sd, 0, n * n, 0);
      SymmetricRankK.addLower(wn, n, k, sd, n);
      for (int p = 0; p < n; p++) {
        sd[p * n + p] += 1 / d[p];
        for (int r = 0; r < p; r++) sd[r * n + p] = sd[p * n + r];
        t.data[p] = dot(wn, p * k, h, k);
      }
      if (!small.setA(s)) return false;
      small.solve(t, sol);
      for (int p = 0; p < n; p++) {
        double sp = -sol.data[p];
        int o = p * k;
        for (int q = 0; q < k; q++) h[q] = Math.fma(sp, wn[o + q], h[q]);
      }
    }
    // x = L h, as columns of L (rows of Lᵀ) scaled by h_q; column q of an upper-triangular L ends at row q
    double[] xd = x.data;
    Arrays.fill(xd, 0);
    double[] lt = side.lt;
    for (int q = 0; q < k; q++) {
      double hq = h[q];
      if (hq == 0) continue;
      int row = q * k;
      int end = side.upper ? q + 1 : k;
      for (int i = 0; i < end; i++) xd[i] = Math.fma(hq, lt[row + i], xd[i]);
    }
    for (int c = 0; c < k; c++) out[off + c] = (float) xd[c];
    return true;
  }

  private static double dot(double[] a, int ao, double[] b, int k) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int q = 0;
    for (; q + 3 < k; q += 4) {
      s0 = Math.fma(a[ao + q], b[q], s0);
      s1 = Math.fma(a[ao + q + 1], b[q + 1], s1);
      s2 = Math.fma(a[ao + q + 2], b[q + 2], s2);
      s3 = Math.fma(a[ao + q + 3], b[q + 3], s3);
    }
    for (; q < k; q++) s0 = Math.fma(a[ao + q], b[q], s0);
    return (s0 + s1) + (s2 + s3);
  }

  /** Forms A and b for the collected entries and factors A; false when A is not positive definite. */
  private boolean factorDirect(FixedSide side, int n) {
    double[] ad = a.data;
    double[] bd = b.data;
    float[] ff = side.f;
    Arrays.fill(bd, 0);
    for (int j = 0; j < n; j++) {
      if (!pos[j]) continue;
      double c = 1 + d[j];
      int o = rows[j] * k;
      for (int i = 0; i < k; i++) bd[i] = Math.fma(c, ff[o + i], bd[i]);
    }
    // T (k x n): T[a][j] = √d_j · f_j[a], so T Tᵀ = Σ_j d_j f_j f_jᵀ
    double[] tt = scratch(n * k);
    for (int j = 0; j < n; j++) {
      double sq = Math.sqrt(d[j]);
      int o = rows[j] * k;
      for (int i = 0; i < k; i++) tt[i * n + j] = sq * ff[o + i];
    }
    System.arraycopy(side.gram, 0, ad, 0, k * k);
    for (int i = 0; i < k; i++) ad[i * k + i] += side.lambda;
    SymmetricRankK.addLower(tt, k, n, ad, k);
    Gram.mirrorLower(ad, k);
    return chol.setA(a);
  }

  /** Applies A⁻¹ of one row (see {@link #inverse}). */
  interface Inverse {
    double[] apply(double[] v);
  }

  /**
   * A⁻¹ for the row's A, formed and factored once by the direct path (for explanations, which apply it to
   * several vectors); null when the row has no positive entry or A is singular. Valid until this solver is
   * used again.
   */
  Inverse inverse(FixedSide side, int[] idx, float[] vals, int from, int to) {
    int n = collect(idx, vals, from, to);
    if (!anyPositive(n) || !factorDirect(side, n)) return null;
    return v -> {
      DMatrixRMaj out = new DMatrixRMaj(k, 1);
      chol.solve(DMatrixRMaj.wrap(k, 1, v.clone()), out);
      return out.data;
    };
  }

}
