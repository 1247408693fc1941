package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Evidence;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EASE through the recommender on the two-learner matrix of {@link EaseTrainerTest} (u0 = {c0, c2},
 * u1 = {c1, c2}, λ = 1): N(c0) = {c2 0.4}, N(c1) = {c2 0.4}, N(c2) = {c0 0.5, c1 0.5}; B(1,0) = B(0,1) = −0.2 are
 * dropped. u0 completes c0 but only views c2, u1 enrolls in both: binary x makes them the same matrix.
 * Floats: tolerance 1e-6.
 */
class EaseRecommenderTest {
  private static Dataset data() {
    return Dataset.of(Fixtures.courses(3), List.of(Learner.anonymous("u0")), List.of(
        Fixtures.ev("u0", "c0", EventType.COMPLETE), Fixtures.ev("u0", "c2", EventType.VIEW),
        Fixtures.ev("u1", "c1", EventType.ENROLL), Fixtures.ev("u1", "c2", EventType.ENROLL)));
  }

  private static Config config(int maxCourses) {
    return Fixtures.config(Map.of(ConfigKey.EASE_LAMBDA, 1, ConfigKey.EASE_NEIGHBORS, 5, ConfigKey.EASE_MAX_COURSES, maxCourses));
  }

  /*
   * A new learner viewed c0 (r = 1 > 0, so x = 1): score(c2) = B(0,2) = 0.5; c1's list has only c2, so c1 has no
   * evidence; c0 itself: N(c0) = {c2}, not in the history. One recommendation, c2, explained by c0.
   * u0 (c0 completed = taken, c2 viewed): score(c1) = B(2,1)·1 = 0.4 (B(0,1) < 0 was dropped);
   * score(c2) = B(0,2)·1 = 0.5 and c2 is only viewed, so it may come back: c2, c1.
   */
  @Test
  void scoresSumTheColumnWeightsOfThePositiveHistory(@TempDir Path dir) throws IOException {
    EaseRecommender r = new EaseRecommender(config(100));
    r.train(data());
    assertThat(r.enabled()).isTrue();
    List<Recommendation> recs = r.recommend(RecommendRequest.of("new", 10).withExplain(true)
        .withRecentEvents(List.of(Fixtures.ev("new", "c0", EventType.VIEW))));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c2");
    assertThat(recs.get(0).score()).isCloseTo(0.5, within(1e-6));
    assertThat(recs.get(0).evidence()).extracting(Evidence::text)
        .containsExactly("learners who took Course c0, which you viewed, also take this");
    List<Recommendation> u0 = r.recommend(RecommendRequest.of("u0", 10));
    assertThat(u0).extracting(Recommendation::courseId).containsExactly("c2", "c1");
    assertThat(u0.get(1).score()).isCloseTo(0.4, within(1e-6));
    r.save(dir);
    EaseRecommender loaded = new EaseRecommender(config(100));
    loaded.load(dir, data());
    assertThat(loaded.recommend(RecommendRequest.of("u0", 10))).isEqualTo(u0);
  }

  @Test
  void offAboveTheCourseLimitAndStaysOffAfterLoading(@TempDir Path dir) throws IOException {
    EaseRecommender r = new EaseRecommender(config(2));
    r.train(data());
    RecommendRequest req = RecommendRequest.of("u0", 10);
    assertThat(r.enabled()).isFalse();
    assertThat(r.canRecommend(req)).isFalse();
    assertThat(r.recommend(req)).isEmpty();
    r.save(dir);
    EaseRecommender loaded = new EaseRecommender(config(2));
    loaded.load(dir, data());
    assertThat(loaded.enabled()).isFalse();
    assertThat(loaded.model().totalNeighbors()).isZero();
  }
}
