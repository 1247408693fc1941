package io.courserec.mf;

/**
 * out += T·Tᵀ on the lower triangle, for T stored row-major as {@code rows} rows of length {@code len}: the one
 * dense kernel behind FᵀF, FᵀDF and the Woodbury matrix. Rows are taken four by four and their 16 dot products
 * accumulated together with {@link Math#fma} (16 independent chains, each loaded value used four times), which
 * runs several times faster than row-by-row rank-1 updates or single dot products. The summation order is fixed
 * by the loop structure, so results are deterministic.
 */
final class SymmetricRankK {
  private SymmetricRankK() {}

  /** out[r·dim + c] += Σ_j t[r·len + j]·t[c·len + j] for 0 ≤ c ≤ r &lt; rows. */
  static void addLower(double[] t, int rows, int len, double[] out, int dim) {
    int r = 0;
    for (; r + 3 < rows; r += 4) {
      for (int c = 0; c <= r; c += 4) block(t, len, r, c, out, dim);
    }
    for (; r < rows; r++) {
      for (int c = 0; c <= r; c++) out[r * dim + c] += dot(t, r * len, c * len, len);
    }
  }

  private static void block(double[] t, int len, int r, int c, double[] out, int dim) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    int a0 = r * len, a1 = a0 + len, a2 = a1 + len, a3 = a2 + len;
    int b0 = c * len, b1 = b0 + len, b2 = b1 + len, b3 = b2 + len;
    for (int j = 0; j < len; j++) {
      double x0 = t[a0 + j], x1 = t[a1 + j], x2 = t[a2 + j], x3 = t[a3 + j];
      double u0 = t[b0 + j], u1 = t[b1 + j], u2 = t[b2 + j], u3 = t[b3 + j];
      c00 = Math.fma(x0, u0, c00);
      c01 = Math.fma(x0, u1, c01);
      c02 = Math.fma(x0, u2, c02);
      c03 = Math.fma(x0, u3, c03);
      c10 = Math.fma(x1, u0, c10);
      c11 = Math.fma(x1, u1, c11);
      c12 = Math.fma(x1, u2, c12);
      c13 = Math.fma(x1, u3, c13);
      c20 = Math.fma(x2, u0, c20);
      c21 = Math.fma(x2, u1, c21);
      c22 = Math.fma(x2, u2, c22);
      c23 = Math.fma(x2, u3, c23);
      c30 = Math.fma(x3, u0, c30);
      c31 = Math.fma(x3, u1, c31);
      c32 = Math.fma(x3, u2, c32);
      c33 = Math.fma(x3, u3, c33);
    }
    int o0 = r * dim + c, o1 = o0 + dim, o2 = o1 + dim, o3 = o2 + dim;
    boolean diagonal = r == c;
    out[o0] += c00;
    out[o1] += c10;
    out[o1 + 1] += c11;
    out[o2] += c20;
    out[o2 + 1] += c21;
    out[o2 + 2] += c22;
    out[o3] += c30;
    out[o3 + 1] += c31;
    out[o3 + 2] += c32;
    out[o3 + 3] += c33;
    if (!diagonal) {
      out[o0 + 1] += c01;
      out[o0 + 2] += c02;
      out[o0 + 3] += c03;
      out[o1 + 2] += c12;
      out[o1 + 3] += c13;
      out[o2 + 3] += c23;
    }
  }

  static double dot(double[] t, int a, int b, int len) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = 0;
    for (; j + 3 < len; j += 4) {
      s0 = Math.fma(t[a + j], t[b + j], s0);
      s1 = Math.fma(t[a + j + 1], t[b + j + 1], s1);
      s2 = Math.fma(t[a + j + 2], t[b + j + 2], s2);
      s3 = Math.fma(t[a + j + 3], t[b + j + 3], s3);
    }
    for (; j < len; j++) s0 = Math.fma(t[a + j], t[b + j], s0);
    return (s0 + s1) + (s2 + s3);
  }
}
