package io.courserec.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of a mean difference (Efron &amp; Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13):
 * two algorithms scored on the same learners give per-learner differences {@code d_i = a_i - b_i}; the learners are
 * resampled with replacement {@code B} times, and the 2.5th and 97.5th percentiles of the resampled means bound the
 * 95 % interval. Pairing removes the between-learner variance both algorithms share, so the interval is much
 * narrower than two independent ones. Deterministic for a seed.
 */
public final class PairedBootstrap {
  /** The observed mean difference and its 95 % percentile interval. */
  public record Interval(double mean, double low, double high, int resamples) {
    /** "better" when the whole interval is above 0, "worse" when below, "level" otherwise. */
    public String verdict() { return low > 0 ? "better" : high < 0 ? "worse" : "level"; }
  }

  private PairedBootstrap() {}

  /**
   * @throws IllegalArgumentException when the vectors differ in length or are empty
   */
  public static Interval of(double[] a, double[] b, int resamples, long seed) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("need two non-empty vectors of one length, got " + a.length + " and " + b.length);
    }
    int n = a.length;
    double[] d = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
      sum += d[i];
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double s = 0;
      for (int i = 0; i < n; i++) s += d[rnd.nextInt(n)];
      means[r] = s / n;
    }
    Arrays.sort(means);
    return new Interval(sum / n, means[(int) Math.floor(0.025 * (resamples - 1))], means[(int) Math.ceil(0.975 * (resamples - 1))], resamples);
  }
}
