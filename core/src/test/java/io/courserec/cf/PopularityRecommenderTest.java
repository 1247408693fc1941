package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.EventType;
import io.courserec.rec.Evidence;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Popularity on {@link Fixtures#knnMatrix()}: learners with positive weight per course. */
class PopularityRecommenderTest {
  /*
   * c0: u0, u1, u3 → 3; c1: u0, u1, u2 → 3; c2: u0, u2, u3 → 3; c3: u2 only (u1 dismissed it) → 1.
   * c0, c1, c2 tie at 3 and rank by ordinal.
   */
  @Test
  void countsLearnersWithPositiveFeedbackAndBreaksTiesByOrdinal() {
    PopularityRecommender r = new PopularityRecommender(Fixtures.config(Map.of()));
    r.train(Fixtures.knnMatrix());
    assertThat(List.of(r.popularity(0), r.popularity(1), r.popularity(2), r.popularity(3))).containsExactly(3, 3, 3, 1);
    // u2 took c2 (completed); c1 viewed and c3 bookmarked stay eligible.
    List<Recommendation> recs = r.recommend(RecommendRequest.of("u2", 10).withExplain(true));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c0", "c1", "c3");
    assertThat(recs.get(0).evidence()).extracting(Evidence::text).containsExactly("popular: 3 learners");
    assertThat(recs.get(2).evidence()).extracting(Evidence::text).containsExactly("popular: 1 learner");
  }

  @Test
  void recentDismissalIsExcluded() {
    PopularityRecommender r = new PopularityRecommender(Fixtures.config(Map.of()));
    r.train(Fixtures.knnMatrix());
    RecommendRequest req = RecommendRequest.of("u2", 10).withRecentEvents(List.of(Fixtures.ev("u2", "c0", EventType.DISMISS)));
    assertThat(r.recommend(req)).extracting(Recommendation::courseId).containsExactly("c1", "c3");
  }
}
