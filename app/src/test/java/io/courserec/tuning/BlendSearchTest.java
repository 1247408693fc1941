package io.courserec.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.Signal;
import io.courserec.hybrid.SignalTable;
import io.courserec.hybrid.UserSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The in-memory blend search on two hand-made learners whose best blend is neither corner, and its pruning of
 * signals that do not earn their place on hand-made groups of learners.
 */
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
        ListObjective.accuracy(), 0, 0, m -> {});
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
    BlendSearch.Outcome o = BlendSearch.search(List.of(ONE), BlendWeights.only(Signal.ITEMCF), TWO, ListObjective.accuracy(), 0, 0, m -> {});
    assertThat(o.bestScore()).isEqualTo(1.0);
    assertThat(o.bestScore()).isGreaterThanOrEqualTo(o.corners().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }

  @Test
  void theGuardKeepsTheBestStartWhenTheBlendsGainIsWithinNoise() {
    // Over the two learners the blend gains 0 on learner 1 and 1 - 0.6309 = 0.3691 on learner 2 against the prior
    // start: mean 0.1845, sample sd 0.2610, se 0.1845, z = 1.0 exactly, below 1.645: the prior start is kept.
    BlendSearch.Outcome o = BlendSearch.search(List.of(ONE, TWO_), BlendWeights.only(Signal.PRIOR), TWO,
        ListObjective.accuracy(), 1.645, 0, m -> {});
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
    BlendSearch.Outcome many = BlendSearch.search(twenty, BlendWeights.only(Signal.PRIOR), TWO, ListObjective.accuracy(), 1.645, 0, m -> {});
    assertThat(many.gainZ()).isCloseTo(0.18454 / (0.36907 * Math.sqrt(100.0 / 380) / Math.sqrt(20)) , within(0.01));
    assertThat(many.guarded()).isFalse();
    assertThat(many.best()).isEqualTo(BlendWeights.of(v(1, 1)));
  }

  // --- pruning: learners with two candidates each, item-CF and user-CF available ---------------------------------
  static final Set<Signal> CF = Set.of(Signal.ITEMCF, Signal.USERCF);

  static BlendSearch.Case cf(String relevant, double[] a, double[] b) {
    return new BlendSearch.Case(new SignalTable(UserSegment.RICH, CF, List.of("a", "b"), new int[] {0, 1},
        List.of(Map.of(Signal.ITEMCF, a[0], Signal.USERCF, a[1]), Map.of(Signal.ITEMCF, b[0], Signal.USERCF, b[1]))),
        Set.of(relevant));
  }

  static List<BlendSearch.Case> times(int n, BlendSearch.Case c) {
    return java.util.Collections.nCopies(n, c);
  }

  /**
   * Item-CF carries the ranking, user-CF at a share of 0.1 only flips some learners' top two either way:
   * <ul>
   *   <li>6 gain: a (1, 0), b (0.95, 1), b relevant; at 0.9 / 0.1 b = 0.955 beats a = 0.9 (NDCG 1 instead of
   *       1 / log2 3 = 0.6309);</li>
   *   <li>5 lose: the same table with a relevant (0.6309 instead of 1);</li>
   *   <li>10 carried by item-CF: a (1, 0), b (0.2, 1), a relevant; a stays first up to a user-CF share of 0.444, and
   *       user-CF alone puts b first.</li>
   * </ul>
   * Means over the 21: blend 0.9122, item-CF alone 0.8946, user-CF alone 0.7360, so the configured 0.9 / 0.1 is the
   * best start and no grid step of the ascent beats it strictly. Keep-gain of user-CF: differences +0.3691 (6),
   * -0.3691 (5), 0 (10): mean 0.01757, sample sd 0.2731, se 0.05960, z = 0.295. Of item-CF: 0 (11) and +0.3691 (10)
   * (user-CF alone loses the carried ten): mean 0.1757, sd 0.1889, se 0.04122, z = 4.26.
   */
  static List<BlendSearch.Case> noisyUserCf() {
    List<BlendSearch.Case> out = new ArrayList<>();
    out.addAll(times(6, cf("b", new double[] {1, 0}, new double[] {0.95, 1})));
    out.addAll(times(5, cf("a", new double[] {1, 0}, new double[] {0.95, 1})));
    out.addAll(times(10, cf("a", new double[] {1, 0}, new double[] {0.2, 1})));
    return out;
  }

  static final BlendWeights NINE_ONE = BlendWeights.of(Map.of(Signal.ITEMCF, 0.9, Signal.USERCF, 0.1));
  static final double NDCG2 = 1 / (Math.log(3) / Math.log(2));

  @Test
  void aSignalThatAddsOnlyNoiseIsPrunedAtTheThresholdAndKeptWithPruningOff() {
    BlendSearch.Outcome pruned = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 1.645, m -> {});
    assertThat(pruned.ascended()).isEqualTo(NINE_ONE);
    assertThat(pruned.ascendedScore()).isCloseTo((6 + 5 * NDCG2 + 10) / 21, within(1e-12));
    assertThat(pruned.best()).isEqualTo(BlendWeights.only(Signal.ITEMCF));
    assertThat(pruned.bestScore()).isCloseTo((6 * NDCG2 + 5 + 10) / 21, within(1e-12));
    assertThat(pruned.pruned()).hasSize(1);
    BlendSearch.Pruned p = pruned.pruned().get(0);
    assertThat(p.signal()).isEqualTo(Signal.USERCF);
    double d = 1 - NDCG2;
    double mean = d / 21;
    double sd = Math.sqrt((6 * Math.pow(d - mean, 2) + 5 * Math.pow(-d - mean, 2) + 10 * mean * mean) / 20);
    assertThat(p.keepGainZ()).isCloseTo(mean / (sd / Math.sqrt(21)), within(1e-9)).isCloseTo(0.295, within(0.001));
    assertThat(p.scoreChange()).isCloseTo(-d / 21, within(1e-12));
    assertThat(pruned.bestScore() - pruned.ascendedScore()).isCloseTo(p.scoreChange(), within(1e-12));
    assertThat(pruned.keptZ()).isEmpty(); // item-CF alone is the last signal: not examined again

    BlendSearch.Outcome off = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 0, m -> {});
    assertThat(off.best()).isEqualTo(NINE_ONE);
    assertThat(off.pruned()).isEmpty();
    // a threshold below user-CF's 0.295 keeps it too, and reports both signals' keep-gain z
    BlendSearch.Outcome low = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 0.25, m -> {});
    assertThat(low.best()).isEqualTo(NINE_ONE);
    assertThat(low.pruned()).isEmpty();
    assertThat(low.keptZ().get(Signal.USERCF)).isCloseTo(p.keepGainZ(), within(1e-12));
    assertThat(low.keptZ().get(Signal.ITEMCF)).isCloseTo(4.26, within(0.01));
  }

  /**
   * The loss bound: dropping user-CF above costs (1 - NDCG2) / 21 of a validation score of (16 + 5 NDCG2) / 21, i.e.
   * 1.93 % of it; a bound of 1 % keeps it, 2 % lets it go.
   */
  @Test
  void theLossBoundStopsPruningThatWouldCostMoreThanItsShare() {
    double share = (1 - NDCG2) / (16 + 5 * NDCG2);
    assertThat(share).isCloseTo(0.0193, within(0.0001));
    BlendSearch.Outcome bounded = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 1.645, 0.01, m -> {});
    assertThat(bounded.best()).isEqualTo(NINE_ONE);
    assertThat(bounded.pruned()).isEmpty();
    assertThat(bounded.keptZ().get(Signal.USERCF)).isCloseTo(0.295, within(0.001)); // below the threshold, kept by the bound
    BlendSearch.Outcome looser = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 1.645, 0.02, m -> {});
    assertThat(looser.best()).isEqualTo(BlendWeights.only(Signal.ITEMCF));
    assertThat(looser.pruned()).extracting(BlendSearch.Pruned::signal).containsExactly(Signal.USERCF);
  }

  @Test
  void pruningOffGivesExactlyTheUnprunedOutcome() {
    BlendSearch.Outcome on = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 1.645, m -> {});
    BlendSearch.Outcome off = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 0, m -> {});
    // without pruning the outcome is the guard's choice (here the ascent's blend, which is the configured start)
    assertThat(off).isEqualTo(new BlendSearch.Outcome(on.start(), on.startScore(), on.ascended(), on.ascendedScore(),
        on.corners(), on.trials(), on.ascended(), on.ascendedScore(), on.gainZ(), on.guarded(), List.of(), Map.of(), false));
    // and the hand-made pair of the tests above: every field as before pruning existed
    BlendSearch.Outcome pair = BlendSearch.search(List.of(ONE, TWO_), BlendWeights.only(Signal.PRIOR), TWO,
        ListObjective.accuracy(), 0, 0, m -> {});
    assertThat(pair.best()).isEqualTo(pair.ascended());
    assertThat(pair.bestScore()).isEqualTo(pair.ascendedScore()).isEqualTo(1.0);
    assertThat(pair.pruned()).isEmpty();
    assertThat(pair.keptZ()).isEmpty();
  }

  @Test
  void twoSignalsThatAreBothNeededAreKept() {
    // 10 learners want a: a (1, 0.5), b (0, 1) - user-CF alone puts b first; 10 want b: a (1, 0), b (0.8, 0.5) -
    // item-CF alone puts a first. At 0.5 / 0.5 a = 0.75 > b = 0.5 and b = 0.65 > a = 0.5: all 20 right (1.0).
    // Dropping either loses one group: differences 0.3691 (10) and 0 (10), mean 0.1845, sd 0.1893, z = 4.36.
    List<BlendSearch.Case> cases = new ArrayList<>();
    cases.addAll(times(10, cf("a", new double[] {1, 0.5}, new double[] {0, 1})));
    cases.addAll(times(10, cf("b", new double[] {1, 0}, new double[] {0.8, 0.5})));
    BlendWeights half = BlendWeights.of(Map.of(Signal.ITEMCF, 1.0, Signal.USERCF, 1.0));
    BlendSearch.Outcome o = BlendSearch.search(cases, half, CF, ListObjective.accuracy(), 1.645, 1.645, m -> {});
    assertThat(o.best()).isEqualTo(half);
    assertThat(o.bestScore()).isEqualTo(1.0);
    assertThat(o.pruned()).isEmpty();
    double z = (1 - NDCG2) / 2 / (Math.sqrt(10 * Math.pow((1 - NDCG2) / 2, 2) * 2 / 19) / Math.sqrt(20));
    assertThat(o.keptZ()).containsOnlyKeys(Signal.ITEMCF, Signal.USERCF);
    assertThat(o.keptZ().get(Signal.ITEMCF)).isCloseTo(z, within(1e-9)).isCloseTo(4.36, within(0.01));
    assertThat(o.keptZ().get(Signal.USERCF)).isCloseTo(z, within(1e-9));
  }

  @Test
  void neverPrunesToAnEmptyBlend() {
    // both signals put the relevant a first on their own and together: each one's keep-gain z is 0. Item-CF, the
    // first of the two smallest, goes; user-CF is then the last signal and stays though its z would be 0 too.
    List<BlendSearch.Case> cases = times(5, cf("a", new double[] {1, 1}, new double[] {0, 0}));
    BlendWeights half = BlendWeights.of(Map.of(Signal.ITEMCF, 1.0, Signal.USERCF, 1.0));
    BlendSearch.Outcome o = BlendSearch.search(cases, half, CF, ListObjective.accuracy(), 1.645, 10, m -> {});
    assertThat(o.pruned()).extracting(BlendSearch.Pruned::signal).containsExactly(Signal.ITEMCF);
    assertThat(o.pruned().get(0).keepGainZ()).isZero();
    assertThat(o.best()).isEqualTo(BlendWeights.only(Signal.USERCF));
    assertThat(o.bestScore()).isEqualTo(1.0);
    // a corner stays a corner at any threshold
    BlendSearch.Outcome corner = BlendSearch.search(cases, BlendWeights.only(Signal.USERCF), Set.of(Signal.USERCF),
        ListObjective.accuracy(), 1.645, 10, m -> {});
    assertThat(corner.best()).isEqualTo(BlendWeights.only(Signal.USERCF));
    assertThat(corner.pruned()).isEmpty();
  }

  @Test
  void whatPruningLeavesIsNeverBelowTheBestSingleSignal() {
    // Item-CF, user-CF and the prior on one table: a (1, 1, 0), b (0.6, 0, 1). Equal thirds: a = 0.667 > b = 0.533;
    // item-CF and prior halves: a = 0.5 < b = 0.8. 6 learners want a, 5 want b, so no blend serves both: the
    // configured thirds (a first: 6 x 1 + 5 x 0.6309) tie with item-CF alone and with user-CF alone (0.8322), and
    // the ascent finds nothing strictly better. Without item-CF, user-CF and prior halves tie a and b at 0.5 and
    // the ordinal keeps a first: nothing changes, z 0, item-CF goes first. Then user-CF's keep-gain: +0.3691 (6),
    // -0.3691 (5), z 0.289 (mean 0.0336, sd 0.3855, se 0.1162): it goes too, and the prior alone scores
    // (6 x 0.6309 + 5) / 11 = 0.7987, below item-CF's corner (item-CF and user-CF alone tie; the first is taken).
    Set<Signal> three = Set.of(Signal.ITEMCF, Signal.USERCF, Signal.PRIOR);
    List<Map<Signal, Double>> rows = List.of(Map.of(Signal.ITEMCF, 1.0, Signal.USERCF, 1.0, Signal.PRIOR, 0.0),
        Map.of(Signal.ITEMCF, 0.6, Signal.USERCF, 0.0, Signal.PRIOR, 1.0));
    List<BlendSearch.Case> cases = new ArrayList<>();
    for (String relevant : List.of("a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b")) {
      cases.add(new BlendSearch.Case(new SignalTable(UserSegment.WARM, three, List.of("a", "b"), new int[] {0, 1}, rows),
          Set.of(relevant)));
    }
    BlendWeights thirds = BlendWeights.of(Map.of(Signal.ITEMCF, 1.0, Signal.USERCF, 1.0, Signal.PRIOR, 1.0));
    BlendSearch.Outcome o = BlendSearch.search(cases, thirds, three, ListObjective.accuracy(), 1.645, 1.645, m -> {});
    assertThat(o.ascended()).isEqualTo(thirds);
    assertThat(o.pruned()).extracting(BlendSearch.Pruned::signal).containsExactly(Signal.ITEMCF, Signal.USERCF);
    assertThat(o.pruned().get(0).keepGainZ()).isZero();
    assertThat(o.pruned().get(1).keepGainZ()).isCloseTo(0.2887, within(0.0001));
    assertThat(o.pruned().get(1).scoreChange()).isCloseTo(-(1 - NDCG2) / 11, within(1e-12));
    assertThat(o.cornerAfterPruning()).isTrue();
    assertThat(o.best()).isEqualTo(BlendWeights.only(Signal.ITEMCF));
    assertThat(o.bestScore()).isEqualTo(o.corners().get(Signal.ITEMCF)).isCloseTo((6 + 5 * NDCG2) / 11, within(1e-12));
    assertThat(SelfTuner.pruningLine(UserSegment.WARM, o)).isEqualTo("warm: itemcf pruned (keep-gain z 0.00, +0.0000), "
        + "usercf pruned (keep-gain z 0.29, -0.0336); what remained scored below itemcf alone, which is taken instead");
    // off, the thirds stay
    assertThat(BlendSearch.search(cases, thirds, three, ListObjective.accuracy(), 1.645, 0, m -> {}).best()).isEqualTo(thirds);
  }

  @Test
  void thePrunedSignalsReadAsOneLinePerSegment() {
    BlendSearch.Outcome o = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 1.645, m -> {});
    assertThat(o.pruned().get(0)).hasToString("usercf pruned (keep-gain z 0.29, -0.0176)");
    assertThat(SelfTuner.pruningLine(UserSegment.RICH, o)).isEqualTo("rich: usercf pruned (keep-gain z 0.29, -0.0176); one signal left");
    BlendSearch.Outcome low = BlendSearch.search(noisyUserCf(), NINE_ONE, CF, ListObjective.accuracy(), 1.645, 0.25, m -> {});
    assertThat(SelfTuner.pruningLine(UserSegment.WARM, low)).isEqualTo("warm: nothing pruned; kept itemcf (z 4.26), usercf (z 0.29)");
  }

  @Test
  void pairedZIsTheMeanDifferenceOverItsStandardError() {
    // differences 1, 2, 3: mean 2, sample sd 1, se 1/sqrt(3): z = 2 sqrt(3)
    assertThat(BlendSearch.pairedZ(new double[] {1, 2, 3}, new double[] {0, 0, 0})).isCloseTo(2 * Math.sqrt(3), within(1e-12));
    assertThat(BlendSearch.pairedZ(new double[] {1, 1}, new double[] {0, 0})).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(BlendSearch.pairedZ(new double[] {1, 1}, new double[] {1, 1})).isZero();
  }
}
