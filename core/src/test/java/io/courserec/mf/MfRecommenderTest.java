package io.courserec.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.cf.Fixtures;
import io.courserec.cf.UserHistory;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.UnknownEntityException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MfRecommenderTest {
  private static final Dataset DATA = SyntheticFeedback.generate(250, 40, 4000, 4, 17);

  private static MfRecommender trained(String method) {
    MfRecommender r = new MfRecommender(Fixtures.config(Map.of(ConfigKey.MF_METHOD, method, ConfigKey.MF_RANK, 6,
        ConfigKey.MF_ITERATIONS, 6)));
    r.train(DATA);
    return r;
  }

  /** The public fold-in of a learner's own events reproduces their trained factors (see AlsTrainerTest). */
  @ParameterizedTest
  @ValueSource(strings = {"als", "puresvd"})
  void foldInOfOwnEventsEqualsTrainedFactors(String method) {
    MfRecommender r = trained(method);
    assertThat(r.rank()).isEqualTo(6);
    for (int u = 0; u < 30; u++) {
      List<Interaction> events = DATA.eventsOf(u);
      int learner = r.snapshot().learnerOrdinal(DATA.learner(u).id());
      assertThat(r.foldIn(events)).isEqualTo(r.model().userFactors(learner));
    }
    assertThat(r.model().itemFactors(3)).hasSize(6);
    assertThatThrownBy(() -> r.foldIn(List.of(Interaction.of("x", "nope", EventType.VIEW))))
        .isInstanceOf(UnknownEntityException.class).hasMessageContaining("nope");
  }

  /**
   * A loaded model (what a server holds) keeps no learner factors and scores every learner by fold-in: the same
   * courses with the same scores, to the bit, as the trained model with its stored X.
   */
  @ParameterizedTest
  @ValueSource(strings = {"als", "puresvd"})
  void aLoadedModelFoldsInAndRanksExactlyAsTrained(String method, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    MfRecommender r = trained(method);
    r.save(dir);
    MfRecommender loaded = new MfRecommender(Fixtures.config(Map.of(ConfigKey.MF_METHOD, method, ConfigKey.MF_RANK, 6,
        ConfigKey.MF_ITERATIONS, 6)));
    loaded.load(dir, DATA);
    assertThat(r.model().hasLearnerFactors()).isTrue();
    assertThat(loaded.model().hasLearnerFactors()).isFalse();
    assertThatThrownBy(() -> loaded.model().userFactors(0)).isInstanceOf(IllegalStateException.class);
    int compared = 0;
    for (int u = 0; u < 60; u++) {
      io.courserec.rec.RecommendRequest q = io.courserec.rec.RecommendRequest.of(DATA.learner(u).id(), 10);
      if (!r.canRecommend(q)) continue;
      var a = r.recommend(q);
      var b = loaded.recommend(q);
      assertThat(b).extracting(io.courserec.rec.Recommendation::courseId)
          .containsExactlyElementsOf(a.stream().map(io.courserec.rec.Recommendation::courseId).toList());
      for (int i = 0; i < a.size(); i++) assertThat(b.get(i).score()).isEqualTo(a.get(i).score());
      compared++;
    }
    assertThat(compared).isGreaterThan(40);
  }

  /**
   * Explanations decompose the score: Σ_j contribution_j = x_uᵀ y_i (Hu et al. 2008, section 5 for ALS;
   * r₊V Vᵀ for PureSVD). Tolerance 1e-4 relative to the largest score: scores are float dot products.
   */
  @ParameterizedTest
  @ValueSource(strings = {"als", "puresvd"})
  void contributionsSumToTheScore(String method) {
    MfRecommender r = trained(method);
    for (int u = 0; u < 20; u++) {
      String id = DATA.learner(u).id();
      UserHistory h = r.snapshot().history(id, List.of());
      if (!h.hasPositive()) continue;
      List<Recommendation> recs = r.recommend(RecommendRequest.of(id, 5).withExplain(true));
      assertThat(recs).isNotEmpty();
      double scale = Math.abs(recs.get(0).score());
      for (Recommendation rec : recs) {
        int course = DATA.courseOrdinal(rec.courseId());
        double sum = 0;
        for (double c : r.model().contributions(h, course)[0]) sum += c;
        assertThat(sum).isCloseTo(rec.score(), within(1e-4 * Math.max(1, scale)));
        assertThat(rec.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.signal()).isEqualTo(io.courserec.rec.EvidenceSource.MF));
        assertThat(rec.evidence().get(0).text()).startsWith("because you ");
      }
    }
  }

  /** Recent events are folded in: the scores equal x = foldIn(training row + recent events) dotted with y_i. */
  @ParameterizedTest
  @ValueSource(strings = {"als", "puresvd"})
  void recentEventsAreFoldedIn(String method) {
    MfRecommender r = trained(method);
    String id = DATA.learner(7).id();
    List<Interaction> recent = List.of(Interaction.of(id, DATA.course(5).id(), EventType.COMPLETE),
        Interaction.of(id, DATA.course(9).id(), EventType.BOOKMARK));
    UserHistory h = r.snapshot().history(id, recent);
    float[] x = r.model().foldIn(h);
    assertThat(x).isNotEqualTo(r.model().userFactors(r.snapshot().learnerOrdinal(id)));
    List<Recommendation> recs = r.recommend(RecommendRequest.of(id, 5).withRecentEvents(recent));
    for (Recommendation rec : recs) {
      assertThat(rec.score()).isEqualTo(r.model().score(x, DATA.courseOrdinal(rec.courseId())));
    }
    assertThat(recs).extracting(Recommendation::courseId).doesNotContain(DATA.course(5).id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"svd", ""})
  void unknownMethodIsAConfigError(String method) {
    assertThatThrownBy(() -> new MfRecommender(Fixtures.config(Map.of(ConfigKey.MF_METHOD, method))).train(DATA))
        .isInstanceOf(ConfigException.class).hasMessageContaining("mf.method");
  }

  @ParameterizedTest
  @ValueSource(strings = {"als", "puresvd"})
  void learnerWithoutPositiveFeedbackHasNothingPersonal(String method) {
    MfRecommender r = trained(method);
    RecommendRequest onlyDismissals = RecommendRequest.of("fresh", 5)
        .withRecentEvents(List.of(Interaction.of("fresh", DATA.course(0).id(), EventType.DISMISS)));
    assertThat(r.canRecommend(onlyDismissals)).isFalse();
    assertThat(r.recommend(onlyDismissals)).isEmpty();
    assertThat(r.model().foldIn(r.snapshot().history("fresh", onlyDismissals.recentEvents()))).containsOnly(0f);
  }
}
