package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner rates a course they took: with the default {@code recommend.exclude_events} a rated course is taken and
 * no algorithm of the registry recommends it again, whatever the rating. The fixture is chosen so that the rule is
 * visible: (learner, course) pairs whose ONLY events are rate events, some below neutral, some above.
 */
class RatedCoursesTest {
  @TempDir static Path dir;
  static Dataset data = SyntheticFeedback.generate(200, 80, 6000, 4, 5);
  static Map<String, Set<String>> rateOnly = new HashMap<>();

  @BeforeAll
  static void findRateOnlyPairs() {
    Map<String, Map<String, Set<EventType>>> kinds = new HashMap<>();
    for (Interaction e : data.interactions()) {
      kinds.computeIfAbsent(e.userId(), u -> new HashMap<>()).computeIfAbsent(e.courseId(), c -> new HashSet<>()).add(e.event());
    }
    kinds.forEach((u, byCourse) -> byCourse.forEach((c, ks) -> {
      if (ks.equals(Set.of(EventType.RATE))) rateOnly.computeIfAbsent(u, x -> new HashSet<>()).add(c);
    }));
    // the rule must be exercised by low and high ratings alike
    assertThat(data.interactions()).anySatisfy(e -> assertThat(e.event() == EventType.RATE && e.rating() <= 2).isTrue());
    assertThat(rateOnly.values().stream().mapToInt(Set::size).sum()).isGreaterThan(50);
  }

  @Test
  void noAlgorithmRecommendsARatedCourse() {
    Config config = Config.defaults().with(ConfigKey.MF_RANK, 8).with(ConfigKey.MF_ITERATIONS, 5);
    for (String name : Recommenders.NAMES) {
      Recommender r = Recommenders.create(name, config, dir.resolve(name));
      r.train(data);
      for (Map.Entry<String, Set<String>> u : rateOnly.entrySet()) {
        List<Recommendation> recs = r.recommend(RecommendRequest.of(u.getKey(), 80));
        assertThat(recs).as(name + " for " + u.getKey()).extracting(Recommendation::courseId).doesNotContainAnyElementsOf(u.getValue());
      }
      if (r instanceof AutoCloseable c) {
        try { c.close(); } catch (Exception e) { throw new AssertionError(e); }
      }
    }
  }

  @Test
  void withRateRemovedFromTheTakenSetARatedCourseMayComeBack() {
    // the configured set is the rule, not a constant: without rate, popularity (which returns every eligible course
    // when k = the catalog size) must return some rate-only course again
    Config config = Config.defaults().with(ConfigKey.EXCLUDE_EVENTS, "enroll,complete");
    Recommender pop = Recommenders.create("pop", config);
    pop.train(data);
    boolean cameBack = false;
    for (Map.Entry<String, Set<String>> u : rateOnly.entrySet()) {
      for (Recommendation rec : pop.recommend(RecommendRequest.of(u.getKey(), 80))) cameBack |= u.getValue().contains(rec.courseId());
    }
    assertThat(cameBack).isTrue();
  }
}
