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
 *   A = G_λ + Σ_j d_j f_j f_jᵀ = G_λ + Uᵀ D U     G_λ = FᵀF + λ_row I; U stacks the f_j;  (= FᵀC F + λ_row I)
 *   b = Σ_{j: p_j = 1} (1 + d_j) f_j              (= FᵀC p)
 *   x = A⁻¹ b
 * </pre>
 *
 * Two exact ways to get x, whichever costs fewer flops for this n (chosen from n and k only, so a row always
 * takes the same path and fold-in reproduces training bit for bit):
 * <ul>
 *   <li>direct: form A (n·k²/2, {@link SymmetricRankK}) and solve by Cholesky (k³/3) — for long rows
 *       (popular courses, very active learners);</li>
 *   <li>Woodbury: A⁻¹ = G_λ⁻¹ − G_λ⁻¹Uᵀ S⁻¹ U G_λ⁻¹ with S = D⁻¹ + U G_λ⁻¹ Uᵀ (n×n). With g_j = G_λ⁻¹ f_j
 *       precomputed ({@link FixedSide}) and a_j = p_j (1 + d_j), so b = Σ_j a_j f_j: M_ij = f_i·g_j (= U G_λ⁻¹ Uᵀ),
 *       t = M a (= U G_λ⁻¹ b), S = D⁻¹ + M, S s = t (Cholesky, n³/3), and x = G_λ⁻¹(b − Uᵀ s) =
 *       Σ_j (a_j − s_j) g_j — about n²·k/2 + n³/3 + 2nk flops, with no k-squared term at all, far below k³ for
 *       the typical short row.</li>
 * </ul>
 * Both factorisations are EJML Cholesky ({@link LinearSolverFactory_DDRM#chol}). λ_row is λ, or λ·n with
 * {@link RegularizationScaling#COUNT}; then G_λ⁻¹ = Q Δ² Qᵀ = L Lᵀ with L = QΔ from {@link FixedSide}'s
 * eigendecomposition, the whitened rows are Lᵀ f_j = Δ w_j (scaled per row) and the same identity reads
 * h = Σ_j a_j Δ w_j, S = D⁻¹ + (ΔW)(ΔW)ᵀ, t_j = Δw_j·h, x = L (h − Σ_j s_j Δ w_j) — a k² product per row.
 *
 * <p>With {@code cgSteps > 0} (training with {@link MfSolver#CG}) a row whose {@link ConjugateGradient} steps cost
 * fewer flops than its exact solve is instead improved from its current factors by those steps (approximate);
 * the choice again depends on n and k only. Scratch state; one per thread.
 */
final class AlsSolver {
  private final int k;
  private final double alpha;
  private final int cgSteps;
  private final ConjugateGradient cg;
  private final double[] delta;
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
  private double[] coef = new double[16];

  AlsSolver(int k, double alpha) {
    this(k, alpha, 0);
  }

  /** @param cgSteps conjugate-gradient steps for rows where they are cheaper than the exact solve; 0 = exact */
  AlsSolver(int k, double alpha, int cgSteps) {
    this.k = k;
    this.alpha = alpha;
    this.cgSteps = cgSteps;
    this.cg = cgSteps > 0 ? new ConjugateGradient(k) : null;
    this.delta = new double[k];
    this.a = new DMatrixRMaj(k, k);
    this.b = new DMatrixRMaj(k, 1);
    this.x = new DMatrixRMaj(k, 1);
    this.h = new double[k];
    this.chol = LinearSolverFactory_DDRM.chol(k);
  }

  /** Whether the Woodbury path is cheaper than forming and factoring A for a row of n weighted entries. */
  static boolean woodbury(int n, int k) {
    return woodburyFlops(n, k) < directFlops(n, k);
  }

  private static double directFlops(int n, int k) {
    return n * (k * (k + 1) / 2.0) + k * (double) k * k / 3.0 + 2.0 * k * k;
  }

  private static double woodburyFlops(int n, int k) {
    return n * (n + 1) / 2.0 * k + n * (double) n * n / 3.0 + 4.0 * n * k + k * (double) k;
  }

  /** Whether a row of n entries reads the whitened rows w_j (it takes the Woodbury path). */
  static boolean whitened(int n, int k, int cgSteps) {
    return !(cgSteps > 0 && conjugateGradient(n, k, cgSteps)) && woodbury(n, k);
  }

  /** Whether {@code steps} CG steps cost fewer flops than the cheaper exact path for a row of n entries. */
  static boolean conjugateGradient(int n, int k, int steps) {
    return ConjugateGradient.flops(n, k, steps) < Math.min(directFlops(n, k), woodburyFlops(n, k));
  }

  /**
   * Solves the row {@code idx[from..to)} / {@code vals[from..to)} against {@code side} and writes x into
   * {@code out[off..off+k)}; zeros when no entry is positive. With CG steps, the row's current
   * {@code out[off..off+k)} is the warm start.
   */
  void solve(FixedSide side, int[] idx, float[] vals, int from, int to, float[] out, int off) {
    int n = collect(idx, vals, from, to);
    if (!anyPositive(n)) {
      for (int c = 0; c < k; c++) out[off + c] = 0f;
      return;
    }
    double lambdaRow = side.rowLambda(n);
    if (cgSteps > 0 && conjugateGradient(n, k, cgSteps)) {
      cg.solve(side, rows, d, pos, n, lambdaRow, cgSteps, out, off);
      return;
    }
    if (woodbury(n, k)) {
      boolean solved = side.eigenvalues == null ? solveWoodburyInverse(side, n, out, off)
          : solveWoodburyScaled(side, n, lambdaRow, out, off);
      if (solved) return;
    }
    if (!factorDirect(side, n, lambdaRow)) {
      throw new IllegalStateException("ALS system is singular; use mf.regularization > 0");
    }
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

  /** Woodbury with g_j = G_λ⁻¹ f_j (no λ scaling): x = Σ_j (a_j − s_j) g_j. */
  private boolean solveWoodburyInverse(FixedSide side, int n, float[] out, int off) {
    double[] g = side.w;
    float[] f = side.f;
    if (coef.length < n) coef = new double[Math.max(n, 2 * coef.length)];
    double[] coef = this.coef; // a_j, then a_j − s_j
    for (int j = 0; j < n; j++) coef[j] = pos[j] ? 1 + d[j] : 0;
    if (alpha > 0) { // with α = 0, D = 0 and s = 0: x = Σ a_j g_j
      double[] un = scratch(n * k);
      for (int j = 0; j < n; j++) {
        int o = rows[j] * k;
        for (int q = 0; q < k; q++) un[j * k + q] = f[o + q];
      }
      s.reshape(n, n);
      t.reshape(n, 1);
      sol.reshape(n, 1);
      double[] sd = s.data;
      for (int p = 0; p < n; p++) {
        for (int r = 0; r <= p; r++) {
          double m = dot(un, p * k, g, rows[r] * k, k);
          sd[p * n + r] = m;
          sd[r * n + p] = m;
        }
      }
      for (int p = 0; p < n; p++) {
        double tp = 0;
        for (int r = 0; r < n; r++) tp = Math.fma(sd[p * n + r], coef[r], tp);
        t.data[p] = tp;
        sd[p * n + p] += 1 / d[p];
      }
      if (!small.setA(s)) return false;
      small.solve(t, sol);
      for (int p = 0; p < n; p++) coef[p] -= sol.data[p];
    }
    double[] xd = x.data;
    Arrays.fill(xd, 0);
    for (int j = 0; j < n; j++) {
      double cj = coef[j];
      if (cj == 0) continue;
      int o = rows[j] * k;
      for (int q = 0; q < k; q++) xd[q] = Math.fma(cj, g[o + q], xd[q]);
    }
    for (int c = 0; c < k; c++) out[off + c] = (float) xd[c];
    return true;
  }

  /** Woodbury through Q and the per-row Δ (count scaling; see the class comment). */
  private boolean solveWoodburyScaled(FixedSide side, int n, double lambdaRow, float[] out, int off) {
    double[] w = side.w;
    side.rowScale(lambdaRow, delta);
    Arrays.fill(h, 0);
    for (int j = 0; j < n; j++) {
      if (!pos[j]) continue;
      double c = 1 + d[j];
      int o = rows[j] * k;
      for (int q = 0; q < k; q++) h[q] = Math.fma(c, w[o + q], h[q]);
    }
    for (int q = 0; q < k; q++) h[q] *= delta[q];
    if (alpha > 0) { // with α = 0, D = 0: A = G_λ and x = L h
      double[] wn = scratch(n * k);
      for (int j = 0; j < n; j++) System.arraycopy(w, rows[j] * k, wn, j * k, k);
      for (int j = 0; j < n; j++) for (int q = 0; q < k; q++) wn[j * k + q] *= delta[q];
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
    for (int q = 0; q < k; q++) h[q] *= delta[q];
    // x = Q (Δh), as columns of L (rows of Lᵀ) scaled by h_q
    double[] xd = x.data;
    Arrays.fill(xd, 0);
    double[] lt = side.lt;
    for (int q = 0; q < k; q++) {
      double hq = h[q];
      if (hq == 0) continue;
      int row = q * k;
      // full-length rows (the zeros of a triangular L included): a fixed trip count vectorises, which beats
      // skipping half the flops with a variable one
      for (int i = 0; i < k; i++) xd[i] = Math.fma(hq, lt[row + i], xd[i]);
    }
    for (int c = 0; c < k; c++) out[off + c] = (float) xd[c];
    return true;
  }

  private static double dot(double[] a, int ao, double[] b, int k) {
    return dot(a, ao, b, 0, k);
  }

  private static double dot(double[] a, int ao, double[] b, int bo, int k) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int q = 0;
    for (; q + 3 < k; q += 4) {
      s0 = Math.fma(a[ao + q], b[bo + q], s0);
      s1 = Math.fma(a[ao + q + 1], b[bo + q + 1], s1);
      s2 = Math.fma(a[ao + q + 2], b[bo + q + 2], s2);
      s3 = Math.fma(a[ao + q + 3], b[bo + q + 3], s3);
    }
    for (; q < k; q++) s0 = Math.fma(a[ao + q], b[bo + q], s0);
    return (s0 + s1) + (s2 + s3);
  }

  /** Forms A and b for the collected entries and factors A; false when A is not positive definite. */
  private boolean factorDirect(FixedSide side, int n, double lambdaRow) {
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
    for (int i = 0; i < k; i++) ad[i * k + i] += lambdaRow;
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
    if (!anyPositive(n) || !factorDirect(side, n, side.rowLambda(n))) return null;
    return v -> {
      DMatrixRMaj out = new DMatrixRMaj(k, 1);
      chol.solve(DMatrixRMaj.wrap(k, 1, v.clone()), out);
      return out.data;
    };
  }

}
