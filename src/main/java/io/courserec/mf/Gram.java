package io.courserec.mf;

import io.courserec.cf.ParallelLoop;

/**
 * FᵀF for a factor matrix F stored row-major as floats (n rows of k). Rows are summed in fixed blocks whose
 * partial sums are added in block order, so the result is bit-identical for any thread count; only the lower
 * triangle is accumulated (the inner loop runs over contiguous memory and vectorises), then mirrored.
 */
final class Gram {
  private static final int BLOCK = 2048;

  private Gram() {}

  static double[] of(float[] f, int n, int k, int threads) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] partial = new double[blocks][];
    ParallelLoop.run(blocks, 1, threads, () -> new double[k], (y, from, to) -> {
      for (int blk = from; blk < to; blk++) {
        double[] g = new double[k * k];
        int end = Math.min(n, (blk + 1) * BLOCK);
        for (int r = blk * BLOCK; r < end; r++) {
          int off = r * k;
          for (int a = 0; a < k; a++) y[a] = f[off + a];
          for (int a = 0; a < k; a++) {
            double ya = y[a];
            if (ya == 0) continue;
            int row = a * k;
            for (int b = 0; b <= a; b++) g[row + b] += ya * y[b];
          }
        }
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
