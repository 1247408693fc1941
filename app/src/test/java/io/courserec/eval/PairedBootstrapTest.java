package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  @Test
  void aConstantDifferenceHasAZeroWidthInterval() {
    // every learner gains exactly 0.25: every resampled mean is 0.25
    PairedBootstrap.Interval i = PairedBootstrap.of(new double[] {0.5, 0.75, 1.0}, new double[] {0.25, 0.5, 0.75}, 500, 1);
    assertThat(i.mean()).isEqualTo(0.25);
    assertThat(i.low()).isEqualTo(0.25);
    assertThat(i.high()).isEqualTo(0.25);
    assertThat(i.verdict()).isEqualTo("better");
  }

  @Test
  void theIntervalBracketsTheMeanAndIsReproducible() {
    // 20 learners gain 1 (i divisible by 3), 10 lose 1 (i = 5 mod 6; none of them divisible by 3): mean 10/60
    double[] a = new double[60];
    double[] b = new double[60];
    for (int i = 0; i < 60; i++) {
      a[i] = i % 3 == 0 ? 1 : 0;
      b[i] = i % 6 == 5 ? 1 : 0;
    }
    PairedBootstrap.Interval i = PairedBootstrap.of(a, b, 2000, 7);
    assertThat(i.mean()).isEqualTo((20 - 10) / 60.0);
    assertThat(i.low()).isLessThan(i.mean()).isGreaterThanOrEqualTo(-1);
    assertThat(i.high()).isGreaterThan(i.mean()).isLessThanOrEqualTo(1);
    assertThat(PairedBootstrap.of(a, b, 2000, 7)).isEqualTo(i);
    assertThat(PairedBootstrap.of(a, a, 100, 7).verdict()).isEqualTo("level");
    assertThatThrownBy(() -> PairedBootstrap.of(a, new double[3], 10, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
