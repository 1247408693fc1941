package io.courserec.gen;

import java.util.Arrays;

/**
 * Draws index i with probability w_i / sum(w) by binary search over the cumulative weights (O(log n) per draw).
 * Zero weights are never drawn. Used for static distributions (global popularity, subject demand); the per-learner
 * distributions reuse {@link #sample(double[], int, double)} on a scratch buffer to avoid allocation.
 */
public final class CumulativeSampler {
  private final double[] cumulative;

  private CumulativeSampler(double[] cumulative) {
    this.cumulative = cumulative;
  }

  /** Builds a sampler; weights must be finite, non-negative, and not all zero. */
  public static CumulativeSampler of(double[] weights) {
    double[] c = new double[weights.length];
    fill(weights, c, weights.length);
    return new CumulativeSampler(c);
  }

  public int size() { return cumulative.length; }

  /** Index for a uniform draw {@code u} in [0, 1). */
  public int sample(double u) { return sample(cumulative, cumulative.length, u); }

  /**
   * Writes the running sums of {@code weights[0..n)} into {@code cumulative}; returns the total.
   *
   * @throws IllegalArgumentException when a weight is negative or not finite, or all are zero
   */
  public static double fill(double[] weights, double[] cumulative, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + w);
      }
      sum += w;
      cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new IllegalArgumentException("all " + n + " weights are zero");
    return sum;
  }

  /**
   * Draws from running sums {@code cumulative[0..n)}: the first index whose running sum exceeds u x total.
   * Ties (zero weights) resolve to the later, non-empty bucket, so a zero-weight index is never returned.
   */
  public static int sample(double[] cumulative, int n, double u) {
    double target = u * cumulative[n - 1];
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  @Override
  public String toString() {
    return "CumulativeSampler" + Arrays.toString(Arrays.copyOf(cumulative, Math.min(8, cumulative.length)));
  }
}
