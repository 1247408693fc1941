package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.config.Config;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlendWeightsTest {
  @Test
  void weightsAreNormalisedSharesAndValues() {
    BlendWeights w = BlendWeights.of(Map.of(Signal.CONTENT, 1.0, Signal.ITEMCF, 3.0));
    assertThat(w.of(Signal.CONTENT)).isEqualTo(0.25);
    assertThat(w.of(Signal.ITEMCF)).isEqualTo(0.75);
    assertThat(w.of(Signal.MF)).isZero();
    assertThat(w.asMap()).containsOnlyKeys(Signal.values());
    assertThat(w).isEqualTo(BlendWeights.of(Map.of(Signal.CONTENT, 2.0, Signal.ITEMCF, 6.0))).hasSameHashCodeAs(
        BlendWeights.of(Map.of(Signal.CONTENT, 2.0, Signal.ITEMCF, 6.0)));
    assertThat(w.toString()).isEqualTo("BlendWeights[content=0.250, itemcf=0.750]");
  }

  @Test
  void restrictingRenormalisesOverWhatTheLearnerHasOrFallsBack() {
    BlendWeights w = BlendWeights.of(Map.of(Signal.CONTENT, 0.2, Signal.MF, 0.6, Signal.PRIOR, 0.2));
    BlendWeights noFactors = w.restrictedTo(Set.of(Signal.CONTENT, Signal.PRIOR), Signal.PRIOR);
    assertThat(noFactors.of(Signal.CONTENT)).isCloseTo(0.5, within(1e-12)); // 0.2 / (0.2 + 0.2)
    assertThat(noFactors.of(Signal.MF)).isZero();
    assertThat(w.restrictedTo(Set.of(Signal.ITEMCF), Signal.PRIOR)).isEqualTo(BlendWeights.only(Signal.PRIOR));
    assertThat(w.with(Signal.CONTENT, 0.0).with(Signal.MF, 0.0).with(Signal.PRIOR, 0.0)).isNull();
  }

  @Test
  void badWeightsNameTheSignal() {
    assertThatThrownBy(() -> BlendWeights.of(Map.of(Signal.MF, -1.0))).hasMessage("weight of mf must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> BlendWeights.of(Map.of(Signal.MF, 0.0))).hasMessage("at least one weight must be positive");
  }

  @Test
  void segmentWeightsComeFromTheirKeys() {
    Config c = Config.defaults();
    BlendWeights warm = BlendWeights.forSegment(c, UserSegment.WARM);
    double sum = 0;
    for (Signal s : Signal.values()) sum += warm.of(s);
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    assertThat(BlendWeights.key(UserSegment.RICH, Signal.ITEMCF)).isEqualTo("hybrid.rich.itemcf");
  }
}
