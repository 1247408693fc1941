package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recency-weighted item-kNN on {@link Fixtures#knnMatrix()} with cosine, K = 2, λ = 1, whose lists are derived in
 * {@link ItemKnnTrainerTest}: N(c0) = {c1 4/7, c2 16/105}, N(c1) = {c0 4/7, c2 16/105},
 * N(c2) = {c3 5/(2√35), c0 16/105}, N(c3) = {c2 5/(2√35), c1 1/(2√35)}; 5/(2√35) = 0.42258.
 * A new learner viewed c0 and c2 (r = 1 each, not taken, so every course may be returned).
 * Scores are float sums: tolerance 1e-5.
 */
class RecentItemKnnRecommenderTest {
  private static Config config(String mode, double decay) {
    Map<ConfigKey, Object> m = new HashMap<>(Map.of(ConfigKey.ITEMKNN_NEIGHBORS, 2, ConfigKey.ITEMKNN_SHRINK, 1,
        ConfigKey.RECENT_MODE, mode, ConfigKey.RECENT_DECAY, decay, ConfigKey.RECENT_HALF_LIFE_DAYS, 10));
    return Fixtures.config(m);
  }

  private static List<String> ranking(RecentItemKnnRecommender r, List<Interaction> recent) {
    return r.recommend(RecommendRequest.of("new", 10).withRecentEvents(recent)).stream()
        .map(Recommendation::courseId).toList();
  }

  private static RecentItemKnnRecommender trained(Config c, Dataset d) {
    RecentItemKnnRecommender r = new RecentItemKnnRecommender(c);
    r.train(d);
    return r;
  }

  /*
   * Position mode, decay 0.7. Viewed c2 then c0 (c0 newest: x(c0) = 1, x(c2) = 0.7):
   *   c1 = 4/7 + 16/105·0.7 = 0.67810, c3 = 0.42258·0.7 = 0.29580, c2 = 16/105 = 0.15238 (via c0),
   *   c0 = 16/105·0.7 = 0.10667 (via c2)                                    → c1, c3, c2, c0
   * Viewed c0 then c2 (x(c2) = 1, x(c0) = 0.7):
   *   c1 = 4/7·0.7 + 16/105 = 0.55238, c3 = 0.42258, c0 = 0.15238, c2 = 0.10667   → c1, c3, c0, c2
   * decay 1 is plain item-kNN: c0 and c2 tie at 16/105, the lower ordinal first → c1, c3, c0, c2 either way.
   */
  @Test
  void recentCoursesWeighMoreByPosition() {
    RecentItemKnnRecommender r = trained(config("position", 0.7), Fixtures.knnMatrix());
    List<Interaction> c2ThenC0 = List.of(Fixtures.ev("new", "c2", EventType.VIEW), Fixtures.ev("new", "c0", EventType.VIEW));
    List<Interaction> c0ThenC2 = List.of(Fixtures.ev("new", "c0", EventType.VIEW), Fixtures.ev("new", "c2", EventType.VIEW));
    assertThat(ranking(r, c2ThenC0)).containsExactly("c1", "c3", "c2", "c0");
    assertThat(ranking(r, c0ThenC2)).containsExactly("c1", "c3", "c0", "c2");
    List<Recommendation> recs = r.recommend(RecommendRequest.of("new", 10).withRecentEvents(c2ThenC0));
    assertThat(recs.get(0).score()).isCloseTo(4.0 / 7 + 16.0 / 105 * 0.7, within(1e-5));
    assertThat(recs.get(1).score()).isCloseTo(5 / (2 * Math.sqrt(35)) * 0.7, within(1e-5));
    RecentItemKnnRecommender plain = trained(config("position", 1.0), Fixtures.knnMatrix());
    assertThat(ranking(plain, c2ThenC0)).containsExactly("c1", "c3", "c0", "c2");
  }

  /*
   * Time mode, half-life 10 days. The training events all carry 2024-02-01 (reference time; the lists do not
   * change, there is no event decay). The learner viewed c2 on 2024-01-01 and c0 on 2024-01-11, listed in the
   * opposite order: time decides, not the list. Ages 31 and 21 days, newest 21: x(c0) = 1, x(c2) = 0.5^(10/10) = 0.5:
   *   c1 = 4/7 + 16/105·0.5 = 0.64762, c3 = 0.42258·0.5 = 0.21129, c2 = 0.15238, c0 = 0.07619   → c1, c3, c2, c0
   */
  @Test
  void recentCoursesWeighMoreByTime() {
    Instant ref = Instant.parse("2024-02-01T00:00:00Z");
    Dataset timed = Fixtures.knnMatrix().withInteractions(Fixtures.knnMatrix().interactions().stream()
        .map(e -> new Interaction(e.userId(), e.courseId(), e.event(), e.rating(), ref)).toList());
    RecentItemKnnRecommender r = trained(config("time", 0.7), timed);
    List<Interaction> recent = List.of(
        new Interaction("new", "c0", EventType.VIEW, null, Instant.parse("2024-01-11T00:00:00Z")),
        new Interaction("new", "c2", EventType.VIEW, null, Instant.parse("2024-01-01T00:00:00Z")));
    List<Recommendation> recs = r.recommend(RecommendRequest.of("new", 10).withRecentEvents(recent));
    assertThat(recs).extracting(Recommendation::courseId).containsExactly("c1", "c3", "c2", "c0");
    assertThat(recs.get(0).score()).isCloseTo(4.0 / 7 + 16.0 / 105 * 0.5, within(1e-5));
  }

  /* u1 of the fixture (no timestamps: file order c0, c1, c3) ranks the same after save -> load. */
  @Test
  void sameAnswersAfterSaveAndLoad(@TempDir Path dir) throws IOException {
    RecentItemKnnRecommender r = trained(config("position", 0.7), Fixtures.knnMatrix());
    RecommendRequest req = new RecommendRequest("u1", 10, 0, null, null, true, true, List.of(), List.of());
    List<Recommendation> before = r.recommend(req);
    assertThat(before).isNotEmpty();
    r.save(dir);
    RecentItemKnnRecommender loaded = new RecentItemKnnRecommender(config("position", 0.7));
    loaded.load(dir, Fixtures.knnMatrix());
    assertThat(loaded.recommend(req)).isEqualTo(before);
  }

  @Test
  void unknownModeIsAConfigError() {
    assertThatThrownBy(() -> new RecentItemKnnRecommender(config("sideways", 0.7)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cf.recent.mode").hasMessageContaining("sideways");
  }
}
