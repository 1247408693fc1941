package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The binomial tail against hand values, exact rational sums and the identity P(X >= x) + P(Y >= n - x + 1) = 1. */
class BinomialTailTest {
  /** Exact sum in BigDecimal: sum_{k >= x} C(n,k) p^k (1-p)^(n-k). */
  private static double exact(int x, int n, double p) {
    MathContext mc = MathContext.DECIMAL128;
    BigDecimal bp = new BigDecimal(p), bq = BigDecimal.ONE.subtract(bp);
    BigDecimal sum = BigDecimal.ZERO;
    BigInteger choose = BigInteger.ONE;
    for (int k = 0; k <= n; k++) {
      if (k > 0) choose = choose.multiply(BigInteger.valueOf(n - k + 1)).divide(BigInteger.valueOf(k));
      if (k >= x) sum = sum.add(new BigDecimal(choose).multiply(bp.pow(k, mc), mc).multiply(bq.pow(n - k, mc), mc), mc);
    }
    return sum.doubleValue();
  }

  @Test
  void smallCasesByHand() {
    // P(Bin(4, 3/8) >= 3) = 4 (3/8)^3 (5/8) + (3/8)^4 = 540/4096 + 81/4096 = 621/4096
    assertThat(BinomialTail.upper(3, 4, 0.375)).isCloseTo(621.0 / 4096, within(1e-15));
    assertThat(BinomialTail.upper(6, 6, 0.5)).isCloseTo(1.0 / 64, within(1e-15));
    assertThat(BinomialTail.upper(0, 6, 0.5)).isEqualTo(1.0);
    assertThat(BinomialTail.upper(7, 6, 0.5)).isZero();
    assertThat(BinomialTail.upper(1, 6, 0.0)).isZero();
  }

  @Test
  void agreesWithExactSumsAndTheComplementIdentity() {
    int[][] cases = {{60, 100, 50}, {5, 200, 1}, {30, 1000, 2}, {480, 1000, 50}, {9, 40, 10}};
    for (int[] c : cases) {
      double p = c[2] / 100.0;
      double v = BinomialTail.upper(c[0], c[1], p);
      assertThat(v).as("x=%d n=%d p=%s", c[0], c[1], p).isCloseTo(exact(c[0], c[1], p), within(1e-12 + 1e-10 * v));
      double complement = BinomialTail.upper(c[1] - c[0] + 1, c[1], 1 - p);
      assertThat(v + complement).isCloseTo(1.0, within(1e-10));
    }
  }

  @Test
  void farTailsStayPositiveAndTiny() {
    double v = BinomialTail.upper(500, 1000, 0.01);
    assertThat(v).isGreaterThanOrEqualTo(0).isLessThan(1e-300);
    assertThat(BinomialTail.logGamma(171.0)).isCloseTo(706.5730622457874, within(1e-9)); // ln(170!)
  }
}
