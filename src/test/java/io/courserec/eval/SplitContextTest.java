package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.split.Split;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Evaluation excludes from a learner's ranking exactly what the service excludes: the same rule. */
class SplitContextTest {
  @Test
  void ratedCoursesAreExcludedFromTheRankingLikeTheServiceDoes() {
    List<Course> courses = List.of(course("a"), course("b"), course("c"), course("d"), course("e"));
    Dataset train = Dataset.of(courses, List.of(Learner.anonymous("u")), List.of(
        new Interaction("u", "a", EventType.RATE, 1.0, null),
        new Interaction("u", "b", EventType.RATE, 5.0, null),
        Interaction.of("u", "c", EventType.VIEW),
        Interaction.of("u", "d", EventType.DISMISS)));
    Split split = new Split("random", train, Map.of("u", Set.of("e")), Map.of(), 1);
    SplitContext byDefault = new SplitContext(split, 3, List.of("u"), EventWeights.defaults());
    assertThat(byDefault.excluded("u")).containsExactlyInAnyOrder("a", "b", "d");
    SplitContext withoutRate = new SplitContext(split, 3, List.of("u"),
        EventWeights.from(Config.defaults().with(ConfigKey.EXCLUDE_EVENTS, "enroll,complete")));
    assertThat(withoutRate.excluded("u")).containsExactly("d");
  }

  private static Course course(String id) {
    return Course.of(id, "Course " + id, "", List.of(), Level.BEGINNER, "s");
  }
}
