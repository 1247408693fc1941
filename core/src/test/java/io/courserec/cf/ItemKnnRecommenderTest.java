package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.EventType;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Evidence;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item-kNN scores on {@link Fixtures#knnMatrix()} with cosine, K = 2, λ = 1 (neighbour lists derived in
 * {@link ItemKnnTrainerTest}): N(c0) = {c1 4/7, c2 16/105}, N(c1) = {c0 4/7, c2 16/105},
 * N(c2) = {c3 5/(2√35), c0 16/105}, N(c3) = {c2 5/(2√35), c1 1/(2√35)}.
 */
class ItemKnnRecommenderTest {
  private static ItemKnnRecommender trained() {
    ItemKnnRecommender r = new ItemKnnRecommender(Fixtures.config(Map.of(ConfigKey.ITEMKNN_NEIGHBORS, 2,
        ConfigKey.ITEMKNN_SHRINK, 1, ConfigKey.ITEMKNN_SIMILARITY, "cosine")));
    r.train(Fixtures.knnMatrix());
    return r;
  }

  /*
   * u3 viewed c0 (r = 1) and enrolled in c2 (r = 3, taken, so excluded):
   *   score(c3) = sim(c3,c2)·3 = 15/(2√35) = 1.26773
   *   score(c1) = sim(c1,c0)·1 + sim(c1,c2)·3 = 4/7 + 16/35 = 36/35
   *   score(c0) = sim(c0,c2)·3 = 16/35 (c0 was only viewed, so it may be recommended)
   */
  @Test
  void scoresAreSumsOfSimilarityTimesHistoryWeight() {
    List<Recommendation> recs = trained().recommend(RecommendRequest.of("u3", 10).withExplain(true));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c3", "c1", "c0");
    assertThat(recs.get(0).score()).isCloseTo(15 / (2 * Math.sqrt(35)), within(1e-6));
    assertThat(recs.get(1).score()).isCloseTo(36.0 / 35, within(1e-6));
    assertThat(recs.get(2).score()).isCloseTo(16.0 / 35, within(1e-6));
    List<Evidence> why = recs.get(1).evidence();
    assertThat(why).extracting(Evidence::text)
        .containsExactly("similar to Course c0, which you viewed", "similar to Course c2, which you enrolled in");
    assertThat(why.get(0).contribution()).isCloseTo(4.0 / 7, within(1e-6));
    assertThat(why.stream().mapToDouble(Evidence::contribution).sum()).isCloseTo(recs.get(1).score(), within(1e-6));
  }

  /*
   * u1: c0 = 3 (enrolled), c1 = 5 (completed), c3 = -5 (dismissed): every course is excluded except c2, whose
   * neighbours c3 (-5) and c0 (3) give 5/(2√35)·(-5) + 16/105·3 = -2.1129 + 0.4571 < 0: no evidence for, no result.
   * With c3's dismissal offset by recent events nothing changes the exclusion of c3 itself.
   */
  @Test
  void negativeFeedbackPushesNeighboursDownAndDismissedNeverReturns() {
    ItemKnnRecommender r = trained();
    assertThat(r.recommend(RecommendRequest.of("u1", 10))).isEmpty();
    RecommendRequest withTaken = new RecommendRequest("u1", 10, 0, null, null, true, false, List.of(), List.of());
    assertThat(r.recommend(withTaken)).extracting(Recommendation::courseId).doesNotContain("c3").contains("c0", "c1");
  }

  /*
   * A learner unknown to training with one recent completion of c2 (r = 5): score(c3) = 5·5/(2√35) = 2.1129,
   * score(c0) = 5·16/105 = 0.7619, score(c1) = 5·16/105 = 0.7619 (tie: c0 first by ordinal); c2 itself is taken.
   */
  @Test
  void learnerNotInTrainingIsServedFromRecentEvents() {
    ItemKnnRecommender r = trained();
    RecommendRequest req = RecommendRequest.of("newbie", 10)
        .withRecentEvents(List.of(Fixtures.ev("newbie", "c2", EventType.COMPLETE)));
    assertThat(r.canRecommend(req)).isTrue();
    List<Recommendation> recs = r.recommend(req);
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c3", "c0", "c1");
    assertThat(recs.get(0).score()).isCloseTo(25 / (2 * Math.sqrt(35)), within(1e-5));
    assertThat(recs.get(1).score()).isEqualTo(recs.get(2).score());
  }

  @Test
  void neighbourListsAreExposedForTheIndex() {
    ItemKnnModel m = trained().model();
    Neighbors n = m.neighbors(2);
    assertThat(n.ids()).containsExactly(3, 0);
    assertThat(n.similarities()).hasSize(2);
    assertThat(m.neighborCount(2)).isEqualTo(2);
    assertThat(m.countNeighbors(2, j -> j == 3)).isEqualTo(1);
    assertThat(m.countNeighbors(2, j -> j != 1)).isEqualTo(2);
    assertThat(m.countNeighbors(3, j -> j == 0)).isZero(); // N(c3) = {c2, c1}
  }

  /**
   * The sparse form against a brute-force sum over the forward lists, Σ_{j ∈ H(u) ∩ N(i)} sim(i,j)·r(u,j), for every
   * learner of the fixture (u1's c2 sums to a negative value, so a course can be listed with a score below 0): the
   * courses listed, each once, are those with a history course in their list; values as summed, 0 elsewhere; the
   * dense form is NaN exactly where nothing is listed.
   */
  @Test
  void sparseScoresListEveryCourseWithEvidenceOnce() {
    ItemKnnRecommender r = trained();
    ItemKnnModel m = r.model();
    InteractionSnapshot snap = r.snapshot();
    for (int u = 0; u < snap.numLearners(); u++) {
      UserHistory h = snap.history(snap.learnerId(u), List.of());
      SparseScores sparse = r.sparseScores(h);
      float[] dense = r.scores(h);
      java.util.Set<Integer> listed = new java.util.HashSet<>();
      for (int z = 0; z < sparse.count(); z++) assertThat(listed.add(sparse.courses()[z])).as("listed once").isTrue();
      for (int i = 0; i < m.numCourses(); i++) {
        boolean met = false;
        double sum = 0;
        for (int p = 0; p < h.size(); p++) {
          float sim = m.similarity(i, h.course(p));
          if (sim > 0 && h.weights()[p] != 0f) {
            met = true;
            sum += sim * h.weights()[p];
          }
        }
        assertThat(listed.contains(i)).as("learner %d course %d listed", u, i).isEqualTo(met);
        assertThat(Float.isNaN(dense[i])).isEqualTo(!met);
        // float accumulation against a double sum of a few terms near 1: rounding stays far below 1e-6
        assertThat((double) sparse.values()[i]).as("learner %d course %d", u, i).isCloseTo(sum, within(1e-6));
        if (met) assertThat(dense[i]).isEqualTo(sparse.values()[i]);
      }
    }
  }
}
