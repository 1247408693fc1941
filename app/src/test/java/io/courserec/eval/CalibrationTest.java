package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final double EPS = 1e-12;

  @Test
  void reliabilityTableAndEceMatchHandComputation() {
    double[] conf = {0.05, 0.15, 0.12, 0.95, 0.9, Double.NaN, 0.5, 1.0};
    boolean[] rel = {false, true, false, true, true, true, false, true};
    // 4 bins of width 0.25:
    //   b0 [0,.25): .05 F, .15 T, .12 F -> n 3, mean conf .32/3 = .1066667, observed 1/3, gap .2266667
    //   b1 [.25,.5): empty
    //   b2 [.5,.75): .5 F -> n 1, conf .5, observed 0, gap .5
    //   b3 [.75,1]: .95 T, .9 T, 1.0 T -> n 3, conf .95, observed 1, gap .05
    // NaN is absent. N = 7, base rate 4/7.
    // ECE = 3/7 * .2266667 + 1/7 * .5 + 3/7 * .05 = (.68 + .5 + .15) / 7 = 0.19; MCE = .5
    ReliabilityTable t = Calibration.reliability(conf, rel, 4);
    assertThat(t.scored()).isEqualTo(7);
    assertThat(t.absent()).isEqualTo(1);
    assertThat(t.bins()).hasSize(4);
    ReliabilityTable.Bin b0 = t.bins().get(0);
    assertThat(b0.count()).isEqualTo(3);
    assertThat(b0.meanConfidence()).isCloseTo(0.32 / 3, within(EPS));
    assertThat(b0.observedRate()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(t.bins().get(1).count()).isZero();
    assertThat(t.bins().get(1).meanConfidence()).isNaN();
    assertThat(t.bins().get(2).observedRate()).isZero();
    assertThat(t.bins().get(3).count()).isEqualTo(3); // 1.0 lands in the last bin
    assertThat(t.bins().get(3).lower()).isEqualTo(0.75);
    assertThat(t.bins().get(3).meanConfidence()).isCloseTo(0.95, within(EPS));
    assertThat(t.baseRate()).isCloseTo(4 / 7.0, within(EPS));
    assertThat(t.expectedCalibrationError()).isCloseTo(0.19, within(EPS));
    assertThat(t.maxCalibrationError()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void perfectlyCalibratedConfidenceHasZeroError() {
    // bin [0,.5): four at .25, one relevant -> observed .25; bin [.5,1]: four at .75, three relevant -> .75;
    // both gaps are 0, so ECE = 0
    double[] conf = {.25, .25, .25, .25, .75, .75, .75, .75};
    boolean[] rel = {true, false, false, false, true, true, true, false};
    assertThat(Calibration.reliability(conf, rel, 2).expectedCalibrationError()).isCloseTo(0.0, within(EPS));
  }

  @Test
  void noConfidenceAtAllAndBadInput() {
    ReliabilityTable t = Calibration.reliability(new double[] {Double.NaN, Double.NaN}, new boolean[] {true, false}, 10);
    assertThat(t.scored()).isZero();
    assertThat(t.absent()).isEqualTo(2);
    assertThat(t.expectedCalibrationError()).isNaN();
    assertThatThrownBy(() -> Calibration.reliability(new double[] {1.5}, new boolean[] {true}, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> Calibration.reliability(new double[] {0.5}, new boolean[0], 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Calibration.reliability(new double[0], new boolean[0], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
