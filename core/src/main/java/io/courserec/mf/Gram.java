package io.courserec.mf;

import io.courserec.cf.ParallelLoop;

/**
 * FᵀF for a factor matrix F stored row-major as floats (n rows of k). Rows are summed in fixed blocks (each
 * transposed and fed to {@link SymmetricRankK}) whose partial sums are added in block order, so the result is
 * bit-identical for any thread count.
 */
final class Gram {
  private static final int BLOCK = 1024;

  private Gram() {}

  static double[] of(float[] f, int n, int k, int threads) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] partial = new double[blocks][];
    ParallelLoop.run(blocks, 1, threads, () -> new double[k * BLOCK], (t, from, to) -> {
      for (int blk = from; blk < to; blk++) {
        int start = blk * BLOCK;
        int len = Math.min(n, start + BLOCK) - start;
        for (int r = 0; r < len; r++) {
          int o = (start + r) * k;
          for (int a = 0; a < k; a++) t[a * len + r] = f[o + a];
        }
        double[] g = new double[k * k];
        SymmetricRankK.addLower(t, k, len, g, k);
        partial[blk] = g;
      }
    });
    double[] g = new double[k * k];
    for (double[] p : partial) for (int i = 0; i < g.length; i++) g[i] += p[i];
    mirrorLower(g, k);
    return g;
  }

  /** Copies the lower triangle onto the upper one. */
  static void mirrorLower(double[] g, int k) {
    for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) g[b * k + a] = g[a * k + b];
  }
}
