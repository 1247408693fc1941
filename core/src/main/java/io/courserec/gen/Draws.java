package io.courserec.gen;

import java.util.random.RandomGenerator;

/**
 * Random draws computed with {@link StrictMath}, so a seed gives the same numbers on every JVM and CPU (the
 * platform-specific intrinsics of {@link Math} and {@code RandomGenerator#nextGaussian} could differ in the last
 * bit, and one flipped comparison would change the generated files).
 */
final class Draws {
  private Draws() {}

  /** Standard normal, Box-Muller with one value used per call. */
  static double gaussian(RandomGenerator rng) {
    double u1 = 1.0 - rng.nextDouble(); // (0, 1]
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** Exponential with the given mean. */
  static double exponential(RandomGenerator rng, double mean) {
    return -mean * StrictMath.log(1.0 - rng.nextDouble());
  }

  /** exp(mu + sigma x N(0,1)). */
  static double logNormal(RandomGenerator rng, double mu, double sigma) {
    return StrictMath.exp(mu + sigma * gaussian(rng));
  }

  static boolean chance(RandomGenerator rng, double p) {
    return rng.nextDouble() < p;
  }

  /** Index drawn from a small weight array by linear scan (weights need not sum to 1). */
  static int pick(RandomGenerator rng, double[] weights) {
    double sum = 0;
    for (double w : weights) sum += w;
    double u = rng.nextDouble() * sum;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0 && weights[i] > 0) return i;
    }
    for (int i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    throw new IllegalArgumentException("all weights are zero");
  }

  /** Fisher-Yates shuffle of a permutation array in place. */
  static void shuffle(RandomGenerator rng, int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  static double sigmoid(double x) {
    return 1.0 / (1.0 + StrictMath.exp(-x));
  }
}
