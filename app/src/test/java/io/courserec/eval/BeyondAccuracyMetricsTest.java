package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/** Beyond-accuracy metrics against hand computations; 1e-12 covers floating-point rounding only. */
class BeyondAccuracyMetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void coverageIsDistinctRecommendedOverCatalog() {
    // union {a, b, c} = 3 of 10 courses
    assertThat(BeyondAccuracyMetrics.catalogCoverage(List.of(List.of("a", "b"), List.of("b", "c"), List.of()), 10))
        .isCloseTo(0.3, within(EPS));
  }

  @Test
  void intraListDiversityIsOneMinusMeanPairwiseSimilarity() {
    Map<String, Double> sims = Map.of("ab", 0.5, "ac", 0.1, "bc", 0.3);
    ToDoubleBiFunction<String, String> sim = (x, y) -> sims.get(x.compareTo(y) < 0 ? x + y : y + x);
    // pairs ab, ac, bc: mean (0.5 + 0.1 + 0.3) / 3 = 0.3 -> ILD 0.7
    assertThat(BeyondAccuracyMetrics.intraListDiversity(List.of("a", "b", "c"), sim)).isCloseTo(0.7, within(EPS));
    // one pair: 1 - 0.5
    assertThat(BeyondAccuracyMetrics.intraListDiversity(List.of("b", "a"), sim)).isCloseTo(0.5, within(EPS));
    assertThat(BeyondAccuracyMetrics.intraListDiversity(List.of("a"), sim)).isNaN();
  }

  @Test
  void noveltyIsMeanSelfInformationInBits() {
    Map<String, Double> p = Map.of("a", 0.5, "b", 0.25, "c", 1.0);
    // -log2 0.5 = 1, -log2 0.25 = 2 -> mean 1.5; adding c (p = 1 -> 0 bits): (1 + 2 + 0) / 3 = 1
    assertThat(BeyondAccuracyMetrics.novelty(List.of("a", "b"), p::get)).isCloseTo(1.5, within(EPS));
    assertThat(BeyondAccuracyMetrics.novelty(List.of("a", "b", "c"), p::get)).isCloseTo(1.0, within(EPS));
    assertThat(BeyondAccuracyMetrics.novelty(List.of(), p::get)).isNaN();
    assertThatThrownBy(() -> BeyondAccuracyMetrics.novelty(List.of("z"), x -> 0.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z");
  }

  @Test
  void serendipityCountsRelevantAndUnexpectedOverK() {
    // list a b c d; relevant {a, c, d}; expected (popular) {a, b}: relevant and unexpected = c, d -> 2 / K=4
    List<String> list = List.of("a", "b", "c", "d");
    Set<String> rel = Set.of("a", "c", "d");
    Set<String> expected = Set.of("a", "b");
    assertThat(BeyondAccuracyMetrics.serendipity(list, rel, expected, 4)).isCloseTo(0.5, within(EPS));
    assertThat(BeyondAccuracyMetrics.serendipity(list, rel, expected, 4))
        .isLessThanOrEqualTo(RankingMetrics.precisionAtK(list, rel, 4)); // 0.5 <= 3/4
    // @2: only a (expected) and b (not relevant) -> 0
    assertThat(BeyondAccuracyMetrics.serendipity(list, rel, expected, 2)).isZero();
    // nothing expected: serendipity = precision = 3/4
    assertThat(BeyondAccuracyMetrics.serendipity(list, rel, Set.of(), 4)).isCloseTo(0.75, within(EPS));
  }

  @Test
  void personalisationIsOneMinusMeanPairwiseOverlap() {
    // A={a,b,c}, B={a,b,d}, C={e,f,g}: overlaps AB 2/sqrt(9)=2/3, AC 0, BC 0 -> mean 2/9 -> 7/9
    List<List<String>> lists = List.of(List.of("a", "b", "c"), List.of("a", "b", "d"), List.of("e", "f", "g"),
        List.of());
    assertThat(BeyondAccuracyMetrics.personalisation(lists)).isCloseTo(7 / 9.0, within(EPS));
    // unequal lengths: {a,b} vs {a,b,c,d}: 2 / sqrt(2*4) = 0.7071067812 -> 0.2928932188
    assertThat(BeyondAccuracyMetrics.personalisation(List.of(List.of("a", "b"), List.of("a", "b", "c", "d"))))
        .isCloseTo(1 - 2 / Math.sqrt(8), within(EPS));
    // identical lists: nothing personal
    assertThat(BeyondAccuracyMetrics.personalisation(List.of(List.of("a", "b"), List.of("b", "a")))).isZero();
    assertThat(BeyondAccuracyMetrics.personalisation(List.of(List.of("a"), List.of()))).isNaN();
  }
}
