package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given edges in auto mode, and the inference's confidence on a three-course catalog, computed by hand. */
class PrerequisiteInferenceTest {
  private static Course course(String id, Level level, String org, List<String> prerequisites, String... skills) {
    return new Course(id, id, "", List.of(skills), org, level, "data", "en", 1.0, "", null, null, "", prerequisites);
  }

  private static int ordinal(List<Course> cs, String id) {
    for (int i = 0; i < cs.size(); i++) if (cs.get(i).id().equals(id)) return i;
    return -1;
  }

  @Test
  void theColumnWinsInAutoModeAndUnknownIdsAreCounted() {
    List<Course> cs = List.of(course("a", Level.BEGINNER, "X", List.of(), "SQL"),
        course("b", Level.INTERMEDIATE, "X", List.of("a", "zz"), "SQL"));
    PrerequisiteInference.Result r = new PrerequisiteInference("auto", 0.65, 3).build(cs, List.of(), id -> ordinal(cs, id));
    assertThat(r.summary().source()).isEqualTo("given");
    assertThat(r.summary().unknownPrerequisiteIds()).isEqualTo(1);
    assertThat(r.graph().edges()).containsExactly(new PrerequisiteEdge(0, 1, 1f, EdgeSource.GIVEN));
  }

  @Test
  void levelsSkillsOrganisationAndTheLogGiveTheConfidence() {
    // a beginner {SQL, Joins} X; b intermediate {SQL, Joins} X; c intermediate {SQL} Y; all subject "data"
    List<Course> cs = List.of(course("a", Level.BEGINNER, "X", List.of(), "SQL", "Joins"),
        course("b", Level.INTERMEDIATE, "X", List.of(), "SQL", "Joins"),
        course("c", Level.INTERMEDIATE, "Y", List.of(), "SQL"));
    PrerequisiteInference inf = new PrerequisiteInference("inferred", 0.65, 3);
    // no log. a -> b: J 1, O 1, S 1, L 1 (adjacent): (0.3 + 0.2 + 0.1 + 0.2) / 0.8 = 1.0
    // a -> c: J 1/2, O 0, S 1, L 1: (0.15 + 0.1 + 0.2) / 0.8 = 0.5625 < 0.65, dropped; b, c same level: no candidates
    PrerequisiteInference.Result r = inf.build(cs, List.of(), id -> ordinal(cs, id));
    assertThat(r.summary().source()).isEqualTo("inferred");
    assertThat(r.graph().edges()).containsExactly(new PrerequisiteEdge(0, 1, 1f, EdgeSource.LEVEL));
    // three learners enrol in a, then c: for a -> c, before 3, after 0: Q = 1, P = min(1, 2 x 3/3) = 1
    // (0.15 + 0.1 + 0.2 + 0.2 + 0.3) / (0.8 + 0.2 + 0.3) = 0.95 / 1.3 = 0.7308, kept
    List<Interaction> log = new ArrayList<>();
    for (int u = 0; u < 3; u++) {
      log.add(new Interaction("u" + u, "a", EventType.ENROLL, null, Instant.ofEpochSecond(1000 + u)));
      log.add(new Interaction("u" + u, "c", EventType.COMPLETE, null, Instant.ofEpochSecond(2000 + u)));
    }
    PrerequisiteGraph g = inf.build(cs, log, id -> ordinal(cs, id)).graph();
    assertThat(g.prerequisitesOf(2)).containsExactly(0);
    assertThat(g.confidencesOf(2)[0]).isCloseTo(0.95f / 1.3f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(g.edges()).filteredOn(e -> e.dependant() == 2).extracting(PrerequisiteEdge::source)
        .containsExactly(EdgeSource.LEVEL_AND_SEQUENCE);
    // the same learners taking c first: Q = -1 rules the pair out
    List<Interaction> reversed = log.stream().map(e -> new Interaction(e.userId(), e.courseId(), e.event(), null,
        Instant.ofEpochSecond(e.courseId().equals("a") ? 3000 : 1000))).toList();
    assertThat(inf.build(cs, reversed, id -> ordinal(cs, id)).graph().prerequisitesOf(2)).isEmpty();
  }
}
