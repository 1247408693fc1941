package io.courserec.learning;

/**
 * Upper tail of the binomial distribution, {@code P(X >= x)} for {@code X ~ Binomial(n, p)}: the p-value of a
 * one-sided test that x successes in n trials are more than a success probability p explains.
 *
 * <pre>
 *   P(X &gt;= x) = sum_{k=x..n} C(n,k) p^k (1-p)^(n-k)
 * </pre>
 * summed from k = x upwards, each term from the previous by the ratio {@code (n-k)/(k+1) * p/(1-p)}, the first
 * in log space through {@link #logGamma} (Lanczos, g = 7, nine coefficients; relative error below 1e-14 for the
 * arguments used here), so large n neither overflows nor loses the tail. Summation stops past the mode once a term
 * no longer changes the sum in double precision.
 */
final class BinomialTail {
  private static final double[] LANCZOS = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private BinomialTail() {}

  /** {@code P(X >= x)}, X ~ Binomial(n, p); 1 for x &lt;= 0, 0 for x &gt; n. */
  static double upper(int x, int n, double p) {
    if (n < 0 || !(p >= 0 && p <= 1)) throw new IllegalArgumentException("need n >= 0 and p in [0, 1], got n=" + n + ", p=" + p);
    if (x <= 0) return 1.0;
    if (x > n) return 0.0;
    if (p == 0) return 0.0;
    if (p == 1) return 1.0;
    double logTerm = logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p);
    double term = Math.exp(logTerm);
    double sum = term;
    double odds = p / (1 - p);
    double mean = n * p;
    for (int k = x; k < n; k++) {
      term *= (double) (n - k) / (k + 1) * odds;
      double before = sum;
      sum += term;
      if (k + 1 > mean && (sum == before || term == 0)) break;
    }
    return Math.min(1.0, sum);
  }

  static double logChoose(int n, int k) {
    return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
  }

  /** ln Γ(z) for z &gt; 0 (Lanczos approximation). */
  static double logGamma(double z) {
    if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z); // reflection
    z -= 1;
    double a = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
