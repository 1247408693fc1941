package io.courserec.gen;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The popularity the behaviour simulation reads: log popularity per course (taste picks weigh courses by
 * popularity^a) and a sampler over exp(log popularity) (global-popularity picks).
 *
 * <p>By default ({@code spread} 0) these are the catalog's own Zipf-like values ({@link CourseTraits#logPopularity()},
 * {@link SyntheticCatalog#popularity()}), unchanged. With {@code spread} σ &gt; 0 the courses keep their popularity
 * <em>order</em> but get log-normal values: the course at position i (0 = most popular, ties by ordinal) of n gets
 * log p = σ Φ⁻¹(1 − (i + ½) / n). A Zipf law has a heavy head (the top 1 % of courses take a large share); a
 * log-normal with σ ≈ 1.5 has Gini 2Φ(σ/√2) − 1 ≈ 0.70 with the top 10 % at Φ(σ − 1.28) ≈ 57 % and the top 1 % at
 * Φ(σ − 2.33) ≈ 20 %, the shape of the real enrolment log in issue 8 (0.70, 54 %, 17 %).
 */
final class PopularityPrior {
  private final double[] logPopularity;
  private final CumulativeSampler sampler;

  private PopularityPrior(double[] logPopularity, CumulativeSampler sampler) {
    this.logPopularity = logPopularity;
    this.sampler = sampler;
  }

  static PopularityPrior of(SyntheticCatalog catalog, double spread) {
    int n = catalog.numCourses();
    double[] log = new double[n];
    for (int c = 0; c < n; c++) log[c] = catalog.traits(c).logPopularity();
    if (spread == 0) return new PopularityPrior(log, catalog.popularity());
    double[] original = log.clone();
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -original[c]).thenComparingInt(c -> c));
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      int c = order[i];
      log[c] = spread * inverseNormal(1 - (i + 0.5) / n);
      weights[c] = StrictMath.exp(log[c]);
    }
    return new PopularityPrior(log, CumulativeSampler.of(weights));
  }

  double logPopularity(int course) { return logPopularity[course]; }

  CumulativeSampler sampler() { return sampler; }

  /**
   * Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error below 1.2e-9), enough for a
   * popularity shape; StrictMath keeps it identical on every JVM.
   */
  static double inverseNormal(double p) {
    if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low || p > 1 - low) {
      double q = StrictMath.sqrt(-2 * StrictMath.log(p < low ? p : 1 - p));
      double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
      return p < low ? x : -x;
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
