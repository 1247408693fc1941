package io.courserec.eval;

import static io.courserec.eval.RankingMetrics.averagePrecisionAtK;
import static io.courserec.eval.RankingMetrics.hitAtK;
import static io.courserec.eval.RankingMetrics.ndcgAtK;
import static io.courserec.eval.RankingMetrics.precisionAtK;
import static io.courserec.eval.RankingMetrics.recallAtK;
import static io.courserec.eval.RankingMetrics.reciprocalRankAtK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every ranking metric against a hand computation; tolerance 1e-12 covers only floating-point rounding. */
class RankingMetricsTest {
  private static final double EPS = 1e-12;
  // list a b c d e; relevant {b, d, x}: rel = 0 1 0 1 0, |Rel| = 3
  private static final List<String> LIST = List.of("a", "b", "c", "d", "e");
  private static final Set<String> REL = Set.of("b", "d", "x");

  @Test
  void precisionAndRecall() {
    assertThat(precisionAtK(LIST, REL, 5)).isCloseTo(2 / 5.0, within(EPS)); // 2 hits / K=5
    assertThat(recallAtK(LIST, REL, 5)).isCloseTo(2 / 3.0, within(EPS)); // 2 hits / |Rel|=3
    assertThat(precisionAtK(LIST, REL, 3)).isCloseTo(1 / 3.0, within(EPS)); // top 3 = a b c: 1 hit
    assertThat(recallAtK(LIST, REL, 3)).isCloseTo(1 / 3.0, within(EPS));
    // K beyond the list: the denominator stays K = 10
    assertThat(precisionAtK(LIST, REL, 10)).isCloseTo(2 / 10.0, within(EPS));
  }

  @Test
  void ndcgUsesBinaryGainsLog2DiscountAndIdealOverMinRelK() {
    // DCG@5 = 1/log2(3) + 1/log2(5) = 0.6309297536 + 0.4306765581 = 1.0616063116
    // IDCG@5 over min(3,5)=3 positions = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.6309297536 + 0.5 = 2.1309297536
    assertThat(ndcgAtK(LIST, REL, 5)).isCloseTo(1.0616063116448506 / 2.1309297535714578, within(EPS));
    assertThat(ndcgAtK(LIST, REL, 5)).isCloseTo(0.4981892574664129, within(1e-12));
    // @3: DCG = 0.6309297536, IDCG still 3 positions -> 0.2960819110
    assertThat(ndcgAtK(LIST, REL, 3)).isCloseTo(0.2960819109658652, within(EPS));
    // @10 on a 5-item list: same DCG, IDCG over min(3,10)=3 -> same as @5
    assertThat(ndcgAtK(LIST, REL, 10)).isCloseTo(ndcgAtK(LIST, REL, 5), within(EPS));
    // perfect lists score 1, also when |Rel| > K (IDCG over K positions only)
    assertThat(ndcgAtK(List.of("x", "y"), Set.of("x", "y"), 2)).isCloseTo(1.0, within(EPS));
    assertThat(ndcgAtK(List.of("a", "b"), Set.of("a", "b", "c", "d"), 2)).isCloseTo(1.0, within(EPS));
  }

  @Test
  void averagePrecisionIsNormalisedByMinRelK() {
    // hits at ranks 2 and 4: P@2 = 1/2, P@4 = 2/4; AP@5 = (1/2 + 2/4) / min(3,5) = 1/3
    assertThat(averagePrecisionAtK(LIST, REL, 5)).isCloseTo(1 / 3.0, within(EPS));
    // @3: only the hit at rank 2 counts: (1/2) / min(3,3) = 1/6
    assertThat(averagePrecisionAtK(LIST, REL, 3)).isCloseTo(1 / 6.0, within(EPS));
    // 4 relevant, perfect top 2: (1/1 + 2/2) / min(4,2) = 1
    assertThat(averagePrecisionAtK(List.of("a", "b"), Set.of("a", "b", "c", "d"), 2)).isCloseTo(1.0, within(EPS));
    // one relevant found at rank 3 of 3: (1/3) / min(1,3) = 1/3
    assertThat(averagePrecisionAtK(List.of("p", "q", "r"), Set.of("r"), 3)).isCloseTo(1 / 3.0, within(EPS));
  }

  @Test
  void reciprocalRankAndHit() {
    assertThat(reciprocalRankAtK(LIST, REL, 5)).isCloseTo(0.5, within(EPS)); // first hit at rank 2
    assertThat(reciprocalRankAtK(LIST, REL, 1)).isZero(); // rank 2 is beyond K = 1
    assertThat(hitAtK(LIST, REL, 5)).isEqualTo(1.0);
    assertThat(hitAtK(LIST, REL, 1)).isEqualTo(0.0);
  }

  @Test
  void noHitAndEmptyListGiveZeros() {
    List<String> miss = List.of("q");
    Set<String> rel = Set.of("x");
    assertThat(precisionAtK(miss, rel, 3)).isZero();
    assertThat(recallAtK(miss, rel, 3)).isZero();
    assertThat(ndcgAtK(miss, rel, 3)).isZero();
    assertThat(averagePrecisionAtK(miss, rel, 3)).isZero();
    assertThat(reciprocalRankAtK(miss, rel, 3)).isZero();
    assertThat(ndcgAtK(List.of(), rel, 3)).isZero();
  }

  @Test
  void repeatedCourseEarnsOnlyOnce() {
    // b b d vs {b, d}: rel = 1 0 1 -> P@3 = 2/3; AP@3 = (1/1 + 2/3) / min(2,3) = 5/6
    List<String> dup = List.of("b", "b", "d");
    Set<String> rel = Set.of("b", "d");
    assertThat(precisionAtK(dup, rel, 3)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(averagePrecisionAtK(dup, rel, 3)).isCloseTo(5 / 6.0, within(EPS));
    assertThat(recallAtK(dup, rel, 3)).isCloseTo(1.0, within(EPS));
  }

  @Test
  void emptyRelevantSetOrBadKIsRejected() {
    assertThatThrownBy(() -> ndcgAtK(LIST, Set.of(), 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relevant");
    assertThatThrownBy(() -> precisionAtK(LIST, REL, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }
}
