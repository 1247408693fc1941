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
import io.courserec.hybrid.UserSegment;
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
    SplitContext byDefault = new SplitContext(split, 3, List.of("u"), EventWeights.defaults(), 3, 8);
    assertThat(byDefault.excluded("u")).containsExactlyInAnyOrder("a", "b", "d");
    SplitContext withoutRate = new SplitContext(split, 3, List.of("u"),
        EventWeights.from(Config.defaults().with(ConfigKey.EXCLUDE_EVENTS, "enroll,complete")), 3, 8);
    assertThat(withoutRate.excluded("u")).containsExactly("d");
  }

  @Test
  void eachTestLearnerGetsTheSegmentTheHybridWouldGiveThem() {
    List<Course> courses = List.of(course("a"), course("b"), course("c"), course("d"), course("e"));
    Dataset train = Dataset.of(courses, List.of(Learner.anonymous("u"), Learner.anonymous("w"), Learner.anonymous("x")),
        List.of(
            // u: a rating of 1 (below neutral: negative), a dismissal (negative), a rating of 5 and a view
            // (positive): 2 positive courses
            new Interaction("u", "a", EventType.RATE, 1.0, null),
            new Interaction("u", "b", EventType.RATE, 5.0, null),
            Interaction.of("u", "c", EventType.VIEW),
            Interaction.of("u", "d", EventType.DISMISS),
            // w: three enrolments, one of them completed too: 3 positive courses
            Interaction.of("w", "a", EventType.ENROLL),
            Interaction.of("w", "b", EventType.ENROLL),
            Interaction.of("w", "c", EventType.ENROLL),
            Interaction.of("w", "c", EventType.COMPLETE)));
    // x has no training event at all (a cold-start test learner): 0 positive courses
    Split split = new Split("random", train, Map.of("u", Set.of("e"), "w", Set.of("e"), "x", Set.of("e")), Map.of(), 1);
    List<String> users = List.of("u", "w", "x");
    assertThat(new SplitContext(split, 3, users, EventWeights.defaults(), 3, 8).segments)
        .containsExactly(UserSegment.COLD, UserSegment.WARM, UserSegment.COLD);
    assertThat(new SplitContext(split, 3, users, EventWeights.defaults(), 2, 3).segments)
        .containsExactly(UserSegment.WARM, UserSegment.RICH, UserSegment.COLD);
  }

  private static Course course(String id) {
    return Course.of(id, "Course " + id, "", List.of(), Level.BEGINNER, "s");
  }
}
