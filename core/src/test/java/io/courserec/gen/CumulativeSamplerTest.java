package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CumulativeSamplerTest {
  // weights {1, 0, 3}: running sums {1, 1, 4}; u maps to target u x 4 and the first index whose sum exceeds it.
  private final CumulativeSampler sampler = CumulativeSampler.of(new double[] {1, 0, 3});

  @Test
  void drawsByCumulativeWeight() {
    assertThat(sampler.sample(0.0)).isEqualTo(0);    // target 0 < 1
    assertThat(sampler.sample(0.2499)).isEqualTo(0); // target 0.9996 < 1
    assertThat(sampler.sample(0.25)).isEqualTo(2);   // target 1.0: not < 1, and index 1 adds nothing
    assertThat(sampler.sample(0.9999)).isEqualTo(2);
  }

  @Test
  void zeroWeightIndexIsNeverDrawn() {
    for (int i = 0; i < 1000; i++) assertThat(sampler.sample(i / 1000.0)).isNotEqualTo(1);
  }

  @Test
  void rejectsBadWeights() {
    assertThatThrownBy(() -> CumulativeSampler.of(new double[] {1, -1})).hasMessageContaining("weight 1");
    assertThatThrownBy(() -> CumulativeSampler.of(new double[] {0, 0})).hasMessageContaining("all 2 weights are zero");
    assertThatThrownBy(() -> CumulativeSampler.of(new double[] {Double.NaN})).hasMessageContaining("weight 0");
  }
}
