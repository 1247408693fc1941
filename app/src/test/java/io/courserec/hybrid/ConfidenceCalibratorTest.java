package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfidenceCalibratorTest {
  @Test
  void recoversKnownLogisticCoefficients() {
    // y ~ Bernoulli(sigma(-1 + 3 f)) with f uniform in [0,1]; 20k samples give the MLE within ~0.15 of the truth
    // (standard error of b1 here is about 0.06; 0.15 is 2.5 sigma).
    Random r = new Random(7);
    int n = 20_000;
    double[][] x = new double[n][1];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextDouble();
      y[i] = r.nextDouble() < ConfidenceCalibrator.sigmoid(-1 + 3 * x[i][0]) ? 1 : 0;
    }
    ConfidenceCalibrator c = ConfidenceCalibrator.fit(x, y, 0);
    assertThat(c.coefficients()[0]).isCloseTo(-1, within(0.15));
    assertThat(c.coefficients()[1]).isCloseTo(3, within(0.15));
    assertThat(c.probability(0.5)).isCloseTo(ConfidenceCalibrator.sigmoid(0.5), within(0.03));
  }

  @Test
  void constantFeatureGivesBaseRate() {
    // With an uninformative feature the fitted probability is the base rate, here 3/10 exactly (MLE).
    double[][] x = new double[10][] ;
    int[] y = new int[10];
    for (int i = 0; i < 10; i++) {
      x[i] = new double[] {0.5};
      y[i] = i < 3 ? 1 : 0;
    }
    ConfidenceCalibrator c = ConfidenceCalibrator.fit(x, y, 1e-3);
    assertThat(c.probability(0.5)).isCloseTo(0.3, within(1e-6));
  }

  @Test
  void identityPassesRawConfidenceThrough() {
    assertThat(ConfidenceCalibrator.identity().probability(0.9, 0.42, 0.3)).isEqualTo(0.42);
    assertThat(ConfidenceCalibrator.identity().fitted()).isFalse();
  }
}
