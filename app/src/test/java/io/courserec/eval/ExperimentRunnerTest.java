package io.courserec.eval;

import static io.courserec.eval.EvalFixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Recommendation;
import io.courserec.split.RandomHoldoutSplitter;
import io.courserec.split.Split;
import io.courserec.split.UserTemporalSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runner end to end on a hand-built split, with the expected aggregates derived by hand below. Tolerance 1e-9
 * for double arithmetic; 1e-6 where the content similarity (float weights) enters.
 */
class ExperimentRunnerTest {
  private static final double EPS = 1e-9;
  private static final double FLOAT_EPS = 1e-6;
  private static final int K = 3;

  // Catalog c1..c6; c4 and c5 have the same title ("delta") -> content cosine 1; all other pairs share no token -> 0.
  // Training:  u1 enroll c1, view c2 | u2 enroll c2, complete c3 | u3 view c4 | u4 enroll c1, enroll c2, bookmark c5
  // Held out:  u1 {c3, c5} | u2 {c1} | u3 {c6}          (u4 is not a test learner)
  // Popularity n(i) = learners with any training event: c1 2, c2 3, c3 1, c4 1, c5 1, c6 0; U = 4 active learners;
  //   p(i) = (n + 1) / 5: c1 .6, c2 .8, c3 .4, c4 .4, c5 .4, c6 .2; ranking c2 c1 c3 c4 c5 c6.
  // Expected (popularity) lists for serendipity, excluding taken/dismissed training courses:
  //   u1 (took c1): c2 c3 c4;  u2 (took c2, c3): c1 c4 c5;  u3 (only a view): c2 c1 c3.
  static Split split() {
    List<Course> courses = List.of(EvalFixtures.course("c1", "alpha"), EvalFixtures.course("c2", "beta"),
        EvalFixtures.course("c3", "gamma"), EvalFixtures.course("c4", "delta"), EvalFixtures.course("c5", "delta"),
        EvalFixtures.course("c6", "zeta"));
    Dataset train = EvalFixtures.dataset(courses, List.of(
        ev("u1", "c1", EventType.ENROLL, 1), ev("u1", "c2", EventType.VIEW, 2),
        ev("u2", "c2", EventType.ENROLL, 1), ev("u2", "c3", EventType.COMPLETE, 2),
        ev("u3", "c4", EventType.VIEW, 1),
        ev("u4", "c1", EventType.ENROLL, 1), ev("u4", "c2", EventType.ENROLL, 2), ev("u4", "c5", EventType.BOOKMARK, 3)));
    return new Split("manual", train, Map.of("u1", Set.of("c3", "c5"), "u2", Set.of("c1"), "u3", Set.of("c6")),
        Map.of(), 4);
  }

  // u1: c3 (.9) c4 (.2) c5 (.6); u2: c4 (.3) c1 (.7) c5 (.1); u3 unknown to the recommender (not served)
  static FixedListRecommender fixed() {
    return new FixedListRecommender(Map.of(
        "u1", List.of(rec("c3", 0.9), rec("c4", 0.2), rec("c5", 0.6)),
        "u2", List.of(rec("c4", 0.3), rec("c1", 0.7), rec("c5", 0.1))));
  }

  static Recommendation rec(String course, double confidence) {
    return new Recommendation(course, 1.0, confidence, List.of());
  }

  static ExperimentRunner runner(Config c, Split s) {
    return new ExperimentRunner(c, ContentSimilarity.of(s.train()), null);
  }

  static Config config(int threads) {
    return Config.defaults().with(ConfigKey.EVAL_CALIBRATION_BINS, 2).with(ConfigKey.EVAL_THREADS, threads);
  }

  @Test
  void fixedListsAggregateToHandComputedValues() {
    Split s = split();
    FixedListRecommender fixed = fixed();
    List<AlgorithmResult> results = runner(config(2), s).run(s, List.of(new AlgorithmSpec("fixed", () -> fixed)), K);
    assertThat(fixed.trainedOn).isSameAs(s.train());
    AlgorithmResult r = results.getFirst();
    assertThat(r.algorithm()).isEqualTo("fixed");
    assertThat(r.split()).isEqualTo("manual");
    assertThat(r.testUsers()).isEqualTo(3);
    assertThat(r.servedUsers()).isEqualTo(2);
    assertThat(r.contractViolations()).isZero();
    MetricSummary m = r.metrics();
    // u1 rel 1 0 1, u2 rel 0 1 0, u3 nothing (0 everywhere)
    // P@3: (2/3 + 1/3 + 0) / 3 = 1/3;  R@3: (2/2 + 1/1 + 0) / 3 = 2/3
    assertThat(m.precision()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(m.recall()).isCloseTo(2 / 3.0, within(EPS));
    // NDCG u1 = (1 + 1/log2 4) / (1 + 1/log2 3) = 1.5 / 1.6309297536 = 0.9197207891; u2 = (1/log2 3) / 1 = 0.6309297536
    // mean = (0.9197207891 + 0.6309297536 + 0) / 3 = 0.5168835142
    assertThat(m.ndcg()).isCloseTo(0.5168835142398817, within(EPS));
    // AP u1 = (1/1 + 2/3) / 2 = 5/6; u2 = (1/2) / 1 = 1/2; MAP = (5/6 + 1/2) / 3 = 4/9
    assertThat(m.map()).isCloseTo(4 / 9.0, within(EPS));
    // RR: 1, 1/2, 0 -> 1/2; hits: 1, 1, 0 -> 2/3
    assertThat(m.mrr()).isCloseTo(0.5, within(EPS));
    assertThat(m.hitRate()).isCloseTo(2 / 3.0, within(EPS));
    // recommended {c3, c4, c5, c1} of 6
    assertThat(m.coverage()).isCloseTo(4 / 6.0, within(EPS));
    // both lists hold c4 and c5 (cosine 1) and one unrelated course: ILD = 1 - (0 + 0 + 1)/3 = 2/3 each
    assertThat(m.diversity()).isCloseTo(2 / 3.0, within(FLOAT_EPS));
    // novelty u1 = -log2 .4 = 1.3219280949; u2 = (1.3219280949 + 0.7369655942 + 1.3219280949)/3 = 1.1269405946
    // mean over the two served lists = 1.2244343448
    assertThat(m.novelty()).isCloseTo(1.2244343447671695, within(EPS));
    // serendipity: u1 hits c3 (expected: in u1's popularity list) and c5 (unexpected) -> 1/3; u2 hits c1 (expected)
    // -> 0; u3 -> 0; mean = 1/9
    assertThat(m.serendipity()).isCloseTo(1 / 9.0, within(EPS));
    // personalisation over the non-empty lists {c3,c4,c5}, {c4,c1,c5}: overlap 2/3 -> 1/3
    assertThat(m.personalisation()).isCloseTo(1 / 3.0, within(EPS));
    // calibration, 2 bins: [0,.5) = .2 F, .3 F, .1 F -> conf .2, observed 0; [.5,1] = .9 T, .6 T, .7 T -> conf
    // .7333333, observed 1; ECE = 3/6 * .2 + 3/6 * .2666667 = .2333333; base rate 3/6
    ReliabilityTable t = r.calibration();
    assertThat(t.scored()).isEqualTo(6);
    assertThat(t.bins()).extracting(ReliabilityTable.Bin::count).containsExactly(3, 3);
    assertThat(t.expectedCalibrationError()).isCloseTo(0.7 / 3, within(EPS));
    assertThat(t.baseRate()).isCloseTo(0.5, within(EPS));
    assertThat(r.ranking().count()).isEqualTo(3);
    assertThat(r.ranking().meanMs()).isPositive();
    assertThat(r.ranking().p99Ms()).isGreaterThanOrEqualTo(r.ranking().p50Ms());
    assertThat(r.trainSeconds()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void popularityBaselineEndToEnd() {
    Split s = split();
    AlgorithmResult r = runner(config(2), s)
        .run(s, List.of(new AlgorithmSpec("pop", CountingPopularityRecommender::new)), K).getFirst();
    MetricSummary m = r.metrics();
    // lists: u1 c2 c3 c4 (rel 0 1 0), u2 c1 c4 c5 (rel 1 0 0), u3 c2 c1 c3 (no hit); everyone served
    assertThat(r.servedUsers()).isEqualTo(3);
    assertThat(m.precision()).isCloseTo(2 / 9.0, within(EPS)); // (1/3 + 1/3 + 0) / 3
    assertThat(m.recall()).isCloseTo(0.5, within(EPS)); // (1/2 + 1 + 0) / 3
    // NDCG u1 = 0.6309297536 / 1.6309297536 = 0.3868528072; u2 = 1; mean = 1.3868528072 / 3
    assertThat(m.ndcg()).isCloseTo(0.46228426907818054, within(EPS));
    // AP u1 = (1/2) / 2 = 1/4; u2 = 1; MAP = 1.25 / 3
    assertThat(m.map()).isCloseTo(1.25 / 3, within(EPS));
    assertThat(m.mrr()).isCloseTo(0.5, within(EPS)); // (1/2 + 1 + 0) / 3
    assertThat(m.coverage()).isCloseTo(5 / 6.0, within(EPS)); // {c1..c5}
    // the popularity lists are the "expected" lists themselves: nothing is unexpected
    assertThat(m.serendipity()).isZero();
    // ILD: u1 1, u2 (c4, c5 identical) 2/3, u3 1 -> 8/9
    assertThat(m.diversity()).isCloseTo(8 / 9.0, within(FLOAT_EPS));
    // novelty: u1 (0.3219280949 + 2 * 1.3219280949) / 3 = 0.9885947616; u2 1.1269405946;
    //          u3 (0.3219280949 + 0.7369655942 + 1.3219280949) / 3 = 0.7936072613; mean 0.9697142058
    assertThat(m.novelty()).isCloseTo(0.9697142058382164, within(EPS));
    // overlaps: u1-u2 {c4} 1/3, u1-u3 {c2, c3} 2/3, u2-u3 {c1} 1/3 -> mean 4/9 -> 5/9
    assertThat(m.personalisation()).isCloseTo(5 / 9.0, within(EPS));
    assertThat(r.calibration()).isNull(); // no confidences
    assertThat(r.contractViolations()).isZero();
  }

  @Test
  void resultsDoNotDependOnThreadCount() {
    Dataset d = EvalFixtures.generated(400, 60, 30, 5);
    Split s = new RandomHoldoutSplitter(0.2, 3, 42).split(d);
    List<AlgorithmSpec> specs = List.of(new AlgorithmSpec("pop", CountingPopularityRecommender::new));
    AlgorithmResult one = runner(config(1), s).run(s, specs, 10).getFirst();
    AlgorithmResult two = runner(config(2), s).run(s, specs, 10).getFirst();
    assertThat(two.metrics()).isEqualTo(one.metrics());
    assertThat(one.testUsers()).isEqualTo(s.heldOut().size());
  }

  @Test
  void aggregatesEqualAMeanOfPerLearnerMetricsOnGeneratedData() {
    Dataset d = EvalFixtures.generated(300, 50, 30, 9);
    Split s = new UserTemporalSplitter(2, 3).split(d);
    CountingPopularityRecommender pop = new CountingPopularityRecommender();
    pop.train(s.train());
    AlgorithmResult r = runner(config(2), s).evaluate(s, "pop", pop, 0, 10);
    double ndcg = 0;
    double recall = 0;
    for (Map.Entry<String, Set<String>> e : s.heldOut().entrySet()) {
      List<String> ids = pop.recommend(io.courserec.rec.RecommendRequest.of(e.getKey(), 10)).stream()
          .map(Recommendation::courseId).toList();
      ndcg += RankingMetrics.ndcgAtK(ids, e.getValue(), 10);
      recall += RankingMetrics.recallAtK(ids, e.getValue(), 10);
    }
    assertThat(r.metrics().ndcg()).isCloseTo(ndcg / s.heldOut().size(), within(EPS));
    assertThat(r.metrics().recall()).isCloseTo(recall / s.heldOut().size(), within(EPS));
    assertThat(r.metrics().ndcg()).isBetween(0.0, 1.0);
  }

  @Test
  void maxUsersTakesASeededSample() {
    Split s = split();
    ExperimentRunner small = runner(config(2).with(ConfigKey.EVAL_MAX_USERS, 2), s);
    List<String> users = small.testUsers(s);
    assertThat(users).hasSize(2).isSubsetOf("u1", "u2", "u3");
    assertThat(runner(config(1).with(ConfigKey.EVAL_MAX_USERS, 2), s).testUsers(s)).isEqualTo(users);
    assertThat(small.run(s, List.of(new AlgorithmSpec("fixed", ExperimentRunnerTest::fixed)), K).getFirst()
        .testUsers()).isEqualTo(2);
  }

  @Test
  void takenCoursesInAListAreCountedAsViolations() {
    Split s = split();
    // u1 took c1 in training; u2 took c2 and c3
    FixedListRecommender bad = new FixedListRecommender(Map.of(
        "u1", List.of(rec("c1", Double.NaN), rec("c3", Double.NaN)),
        "u2", List.of(rec("c2", Double.NaN), rec("c3", Double.NaN)),
        "u3", List.of(rec("c6", Double.NaN))));
    AlgorithmResult r = runner(config(1), s).run(s, List.of(new AlgorithmSpec("bad", () -> bad)), K).getFirst();
    assertThat(r.contractViolations()).isEqualTo(3);
    assertThat(r.calibration()).isNull(); // only NaN confidences
  }

  @Test
  void progressLinesAndFailuresNameTheAlgorithm() {
    Split s = split();
    List<String> lines = new ArrayList<>();
    new ExperimentRunner(config(1), ContentSimilarity.of(s.train()), io.courserec.progress.Progress.stages(lines::add))
        .run(s, List.of(new AlgorithmSpec("pop", CountingPopularityRecommender::new)), K);
    assertThat(lines).anyMatch(l -> l.startsWith("manual/pop: trained in"))
        .anyMatch(l -> l.startsWith("manual/pop: NDCG@3 0.4623"));
    FixedListRecommender broken = new FixedListRecommender(Map.of()) {
      @Override
      public List<Recommendation> recommend(io.courserec.rec.RecommendRequest request) {
        throw new IllegalStateException("boom");
      }
    };
    assertThatThrownBy(() -> runner(config(2), s).run(s, List.of(new AlgorithmSpec("broken", () -> broken)), K))
        .hasMessageContaining("failed for learner").hasMessageContaining("boom");
    FixedListRecommender overconfident = new FixedListRecommender(Map.of("u1", List.of(rec("c3", 1.5))));
    assertThatThrownBy(() -> runner(config(1), s).run(s, List.of(new AlgorithmSpec("over", () -> overconfident)), K))
        .hasMessageContaining("over returned an invalid confidence").hasMessageContaining("1.5");
  }
}
