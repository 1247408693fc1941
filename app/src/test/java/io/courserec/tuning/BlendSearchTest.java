package io.courserec.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.Signal;
import io.courserec.hybrid.SignalTable;
import io.courserec.hybrid.UserSegment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory blend search on two hand-made learners whose best blend is neither corner. */
class BlendSearchTest {
  static final Set<Signal> TWO = Set.of(Signal.ITEMCF, Signal.PRIOR);

  static Map<Signal, Double> v(double itemcf, double prior) {
    return Map.of(Signal.ITEMCF, itemcf, Signal.PRIOR, prior);
  }

  // learner 1 wants b: a (itemcf 1, prior 0), b (0.5, 1), c (0, 0.5)
  static final BlendSearch.Case ONE = new BlendSearch.Case(new SignalTable(UserSegment.WARM, TWO,
      List.of("a", "b", "c"), new int[] {0, 1, 2}, List.of(v(1, 0), v(0.5, 1), v(0, 0.5))), Set.of("b"));
  // learner 2 wants a: a (1, 0.2), b (0.2, 1)
  static final BlendSearch.Case TWO_ = new BlendSearch.Case(new SignalTable(UserSegment.WARM, TWO,
      List.of("a", "b"), new int[] {0, 1}, List.of(v(1, 0.2), v(0.2, 1))), Set.of("a"));

  @Test
  void ranksByTheRenormalisedBlendWithTiesByOrdinal() {
    assertThat(BlendSearch.rank(ONE.table(), BlendWeights.only(Signal.ITEMCF), 10)).containsExactly("a", "b", "c");
    assertThat(BlendSearch.rank(ONE.table(), BlendWeights.only(Signal.PRIOR), 10)).containsExactly("b", "c", "a");
    // 0.5/0.5 on learner 2: a = 0.6, b = 0.6, a tie broken by ordinal
    BlendWeights half = BlendWeights.of(v(1, 1));
    assertThat(BlendSearch.rank(TWO_.table(), half, 10)).containsExactly("a", "b");
    // a signal the learner does not have is renormalised away: MF only -> prior fallback
    assertThat(BlendSearch.rank(ONE.table(), BlendWeights.only(Signal.MF), 2)).containsExactly("b", "c");
  }

  @Test
  void findsTheBlendThatBeatsBothCornersAndReportsTheCorners() {
    // corners: itemcf -> learner 1 has b at rank 2 (NDCG 1/log2 3 = 0.6309), learner 2 rank 1 (1): mean 0.8155;
    // prior -> learner 1: 1, learner 2: a at rank 2 (0.6309): mean 0.8155. Equal raw weights put both first: 1.0.
    // From the configured prior-only start, the item-CF step reaches 1.0 first at raw weight 1 (0.75 still loses
    // learner 2: a = 0.543 < b = 0.657); the prior step then finds nothing strictly better.
    BlendSearch.Outcome o = BlendSearch.search(List.of(ONE, TWO_), BlendWeights.only(Signal.PRIOR), TWO,
        ListObjective.accuracy(), 0, m -> {});
    double ndcg2 = 1 / (Math.log(3) / Math.log(2));
    assertThat(o.corners().get(Signal.ITEMCF)).isCloseTo((ndcg2 + 1) / 2, within(1e-12));
    assertThat(o.corners().get(Signal.PRIOR)).isCloseTo((1 + ndcg2) / 2, within(1e-12));
    assertThat(o.startScore()).isCloseTo((1 + ndcg2) / 2, within(1e-12));
    assertThat(o.bestScore()).isEqualTo(1.0);
    assertThat(o.best()).isEqualTo(BlendWeights.of(v(1, 1)));
  }

  @Test
  void neverEndsBelowTheBestCorner() {
    // only learner 1: the prior corner is perfect; the search must not leave it for a worse blend
    BlendSearch.Outcome o = BlendSearch.search(List.of(ONE), BlendWeights.only(Signal.ITEMCF), TWO, ListObjective.accuracy(), 0, m -> {});
    assertThat(o.bestScore()).isEqualTo(1.0);
    assertThat(o.bestScore()).isGreaterThanOrEqualTo(o.corners().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }

  @Test
  void theGuardKeepsTheBestStartWhenTheBlendsGainIsWithinNoise() {
    // Over the two learners the blend gains 0 on learner 1 and 1 - 0.6309 = 0.3691 on learner 2 against the prior
    // start: mean 0.1845, sample sd 0.2610, se 0.1845, z = 1.0 exactly, below 1.645: the prior start is kept.
    BlendSearch.Outcome o = BlendSearch.search(List.of(ONE, TWO_), BlendWeights.only(Signal.PRIOR), TWO,
        ListObjective.accuracy(), 1.645, m -> {});
    assertThat(o.gainZ()).isCloseTo(1.0, within(1e-9));
    assertThat(o.guarded()).isTrue();
    assertThat(o.best()).isEqualTo(BlendWeights.only(Signal.PRIOR));
    assertThat(o.bestScore()).isEqualTo(o.startScore());
    assertThat(o.ascended()).isEqualTo(BlendWeights.of(v(1, 1)));
    assertThat(o.ascendedScore()).isEqualTo(1.0);
    // Ten copies of each learner: the same mean gain over 20 learners has se 0.0423 (sd 0.3691 * sqrt(100/380)),
    // z = 4.36: the blend is taken.
    List<BlendSearch.Case> twenty = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      twenty.add(ONE);
      twenty.add(TWO_);
    }
    BlendSearch.Outcome many = BlendSearch.search(twenty, BlendWeights.only(Signal.PRIOR), TWO, ListObjective.accuracy(), 1.645, m -> {});
    assertThat(many.gainZ()).isCloseTo(0.18454 / (0.36907 * Math.sqrt(100.0 / 380) / Math.sqrt(20)) , within(0.01));
    assertThat(many.guarded()).isFalse();
    assertThat(many.best()).isEqualTo(BlendWeights.of(v(1, 1)));
  }

  @Test
  void pairedZIsTheMeanDifferenceOverItsStandardError() {
    // differences 1, 2, 3: mean 2, sample sd 1, se 1/sqrt(3): z = 2 sqrt(3)
    assertThat(BlendSearch.pairedZ(new double[] {1, 2, 3}, new double[] {0, 0, 0})).isCloseTo(2 * Math.sqrt(3), within(1e-12));
    assertThat(BlendSearch.pairedZ(new double[] {1, 1}, new double[] {0, 0})).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(BlendSearch.pairedZ(new double[] {1, 1}, new double[] {1, 1})).isZero();
  }
}
