package io.courserec.mf;

/**
 * A few conjugate-gradient steps on one ALS row system, warm-started from the row's current factors, after
 * Takács, Pilászy &amp; Tikk 2011, "Applications of the conjugate gradient method for implicit feedback
 * collaborative filtering" (RecSys '11). The system is the one {@link AlsSolver} solves exactly, over the row's
 * n stored entries j with d_j = α|r_j| and p_j = [r_j &gt; 0]:
 *
 * <pre>
 *   A x = b,   A = G + λ_row I + Σ_j d_j f_j f_jᵀ,   b = Σ_{j: p_j = 1} (1 + d_j) f_j      (G = FᵀF, shared)
 *
 *   r₀ = b − A x₀,  p₀ = r₀                       x₀ = the row's factors from the previous sweep
 *   for s = 0 .. steps − 1:
 *     q = A p_s = G p_s + λ_row p_s + Σ_j d_j (f_jᵀ p_s) f_j      (A is never formed: k² + 2nk flops)
 *     a = r_sᵀ r_s / p_sᵀ q
 *     x_{s+1} = x_s + a p_s,   r_{s+1} = r_s − a q
 *     p_{s+1} = r_{s+1} + (r_{s+1}ᵀ r_{s+1} / r_sᵀ r_s) p_s
 * </pre>
 *
 * A is symmetric positive definite (λ_row &gt; 0, or G of full rank), so each step minimises the row's quadratic
 * ½xᵀAx − bᵀx along p_s: the row's part of the ALS objective never increases, and in exact arithmetic k steps
 * reach A⁻¹b. A sweep costs (steps + 1)(k² + 2nk) + nk per row instead of the exact solve's n·k²/2 + k³/3
 * (direct) or about n²k/2 + n³/3 (Woodbury), so it pays on long rows (popular courses, active learners).
 * Scratch state; one per thread.
 */
final class ConjugateGradient {
  private final int k;
  private final double[] x;
  private final double[] r;
  private final double[] p;
  private final double[] q;

  ConjugateGradient(int k) {
    this.k = k;
    this.x = new double[k];
    this.r = new double[k];
    this.p = new double[k];
    this.q = new double[k];
  }

  /** Flops of {@code steps} warm-started steps on a row of n entries (the initial residual counts as a step). */
  static double flops(int n, int k, int steps) {
    return (steps + 1) * (k * (double) k + 2.0 * n * k) + n * (double) k;
  }

  /**
   * Improves {@code out[off..off+k)} in place by {@code steps} CG steps on the row whose entries are
   * {@code rows[0..n)} (indices into {@code side.f}) with weights {@code d} and preferences {@code pos}.
   */
  void solve(FixedSide side, int[] rows, double[] d, boolean[] pos, int n, double lambdaRow, int steps,
             float[] out, int off) {
    float[] f = side.f;
    for (int c = 0; c < k; c++) x[c] = out[off + c];
    // r = b − A x
    multiply(side.gram, f, rows, d, n, lambdaRow, x, r);
    for (int c = 0; c < k; c++) r[c] = -r[c];
    for (int j = 0; j < n; j++) {
      if (!pos[j]) continue;
      double cj = 1 + d[j];
      int o = rows[j] * k;
      for (int c = 0; c < k; c++) r[c] = Math.fma(cj, f[o + c], r[c]);
    }
    System.arraycopy(r, 0, p, 0, k);
    double rr = dot(r, r);
    for (int s = 0; s < steps && rr > 0; s++) {
      multiply(side.gram, f, rows, d, n, lambdaRow, p, q);
      double pq = dot(p, q);
      if (!(pq > 0)) break; // p is 0 or A lost definiteness to rounding: x is as good as this method gets
      double a = rr / pq;
      for (int c = 0; c < k; c++) {
        x[c] = Math.fma(a, p[c], x[c]);
        r[c] = Math.fma(-a, q[c], r[c]);
      }
      double next = dot(r, r);
      double beta = next / rr;
      for (int c = 0; c < k; c++) p[c] = Math.fma(beta, p[c], r[c]);
      rr = next;
    }
    for (int c = 0; c < k; c++) out[off + c] = (float) x[c];
  }

  /**
   * y = (G + λ_row I) v + Uᵀ D U v, where U's rows are read from F in place: (f_jᵀv) as a dot product, the
   * rest as sums of scaled rows (axpy loops the JIT vectorises; G is symmetric, so its row b is its column b).
   */
  private void multiply(double[] g, float[] f, int[] rows, double[] d, int n, double lambdaRow, double[] v,
                        double[] y) {
    for (int c = 0; c < k; c++) y[c] = lambdaRow * v[c];
    for (int b = 0; b < k; b++) {
      double vb = v[b];
      int o = b * k;
      for (int c = 0; c < k; c++) y[c] = Math.fma(vb, g[o + c], y[c]);
    }
    for (int j = 0; j < n; j++) {
      int o = rows[j] * k;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      int c = 0;
      for (; c + 3 < k; c += 4) {
        s0 = Math.fma(f[o + c], v[c], s0);
        s1 = Math.fma(f[o + c + 1], v[c + 1], s1);
        s2 = Math.fma(f[o + c + 2], v[c + 2], s2);
        s3 = Math.fma(f[o + c + 3], v[c + 3], s3);
      }
      for (; c < k; c++) s0 = Math.fma(f[o + c], v[c], s0);
      double w = d[j] * ((s0 + s1) + (s2 + s3));
      for (c = 0; c < k; c++) y[c] = Math.fma(w, f[o + c], y[c]);
    }
  }

  private double dot(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < k; c++) s = Math.fma(a[c], b[c], s);
    return s;
  }
}
