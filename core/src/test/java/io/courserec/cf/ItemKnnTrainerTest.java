package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exact item similarities on {@link Fixtures#knnMatrix()} (positive part: c3 keeps only u2's 2; u1's dismissal is
 * not a co-rating). Shrinkage λ = 1, K = 2. Float tolerance 1e-6: similarities are computed in double and stored
 * as float (relative rounding ≈ 6e-8).
 */
class ItemKnnTrainerTest {
  private static final float EPS = 1e-6f;

  private static InteractionMatrix matrix() {
    return InteractionSnapshot.build(Fixtures.knnMatrix(), Fixtures.config(Map.of())).matrix();
  }

  /*
   * Cosine. Column norms: ‖c0‖² = 25+9+1 = 35, ‖c1‖² = 9+25+1 = 35, ‖c2‖² = 1+25+9 = 35, ‖c3‖² = 4.
   * Dots (co-raters n): c0·c1 = 5·3+3·5 = 30 (2), c0·c2 = 5·1+1·3 = 8 (2), c1·c2 = 3·1+1·5 = 8 (2),
   * c1·c3 = 1·2 = 2 (1), c2·c3 = 5·2 = 10 (1), c0·c3: no co-rater.
   * sim = dot/(‖i‖‖j‖) · n/(n+1):
   *   c0-c1 = 30/35·2/3 = 4/7;  c0-c2 = c1-c2 = 8/35·2/3 = 16/105;  c1-c3 = 2/(2√35)·1/2;  c2-c3 = 10/(2√35)·1/2.
   */
  @Test
  void cosineWithShrinkageAndTopKTiesByOrdinal() {
    ItemKnnModel m = new ItemKnnTrainer(ItemSimilarity.COSINE, 2, 1.0, 2).train(matrix());
    double s01 = 4.0 / 7;
    double s02 = 16.0 / 105;
    double s13 = 1 / Math.sqrt(35) / 2;
    double s23 = 5 / Math.sqrt(35) / 2;
    assertThat(m.neighborOrdinals(0)).containsExactly(1, 2);
    assertThat(m.neighborSimilarities(0)[0]).isCloseTo((float) s01, within(EPS));
    assertThat(m.neighborSimilarities(0)[1]).isCloseTo((float) s02, within(EPS));
    // c1: c0 (4/7) and c2 (16/105) beat c3 (0.0845), which K = 2 drops.
    assertThat(m.neighborOrdinals(1)).containsExactly(0, 2);
    assertThat(s13).isLessThan(s02);
    // c2: c3 (0.4226) first; c0 and c1 tie exactly at 16/105 and the lower ordinal wins.
    assertThat(m.neighborOrdinals(2)).containsExactly(3, 0);
    assertThat(m.neighborSimilarities(2)[0]).isCloseTo((float) s23, within(EPS));
    assertThat(m.neighborSimilarities(2)[1]).isCloseTo((float) s02, within(EPS));
    assertThat(m.neighborOrdinals(3)).containsExactly(2, 1);
    assertThat(m.neighborSimilarities(3)[1]).isCloseTo((float) s13, within(EPS));
    assertThat(m.similarity(0, 3)).isZero();
  }

  /*
   * Adjusted cosine: learner means over positive pairs u0 = 3, u1 = 4, u2 = 8/3, u3 = 2, so the centred columns are
   * c0 = (2, -1, ., -1), c1 = (0, 1, -5/3, .), c2 = (-2, ., 7/3, 1), c3 = (., ., -2/3, .).
   * c0·c1 = -1, c0·c2 = -5, c1·c2 = -35/9, c2·c3 = -14/9 are negative and dropped; only
   * c1·c3 = (-5/3)(-2/3) = 10/9 with ‖c1‖ = √(34/9), ‖c3‖ = 2/3: sim = 10/√136 · 1/2 (n = 1).
   */
  @Test
  void adjustedCosineCentresByLearnerMean() {
    ItemKnnModel m = new ItemKnnTrainer(ItemSimilarity.ADJUSTED_COSINE, 2, 1.0, 1).train(matrix());
    assertThat(m.neighborOrdinals(0)).isEmpty();
    assertThat(m.neighborOrdinals(2)).isEmpty();
    assertThat(m.neighborOrdinals(1)).containsExactly(3);
    assertThat(m.neighborOrdinals(3)).containsExactly(1);
    assertThat(m.neighborSimilarities(1)[0]).isCloseTo((float) (10 / Math.sqrt(136) / 2), within(EPS));
  }

  @Test
  void noShrinkageGivesPlainCosine() {
    ItemKnnModel m = new ItemKnnTrainer(ItemSimilarity.COSINE, 3, 0.0, 1).train(matrix());
    // c2-c3 without shrinkage: 10 / (√35 · 2)
    assertThat(m.neighborSimilarities(3)[0]).isCloseTo((float) (5 / Math.sqrt(35)), within(EPS));
    assertThat(m.neighborOrdinals(1)).containsExactly(0, 2, 3);
  }

  @Test
  void similarityIsReadFromConfigAndValidated() {
    assertThat(ItemSimilarity.from(Fixtures.config(Map.of(ConfigKey.ITEMKNN_SIMILARITY, "adjusted_cosine"))))
        .isEqualTo(ItemSimilarity.ADJUSTED_COSINE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            ItemSimilarity.from(Fixtures.config(Map.of(ConfigKey.ITEMKNN_SIMILARITY, "jaccard"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cf.item.similarity").hasMessageContaining("jaccard");
  }
}
