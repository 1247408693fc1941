package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Given edges in auto mode; the content score, the log's binomial test with Benjamini-Hochberg and the calibration of
 * content against the log, each on a catalog small enough to compute by hand.
 */
class PrerequisiteInferenceTest {
  private static Course course(String id, Level level, String org, List<String> prerequisites, String... skills) {
    return new Course(id, id, "", List.of(skills), org, level, "data", "en", 1.0, "", null, null, "", prerequisites);
  }

  private static int ordinal(List<Course> cs, String id) {
    for (int i = 0; i < cs.size(); i++) if (cs.get(i).id().equals(id)) return i;
    return -1;
  }

  private static PrerequisiteInference inference(double fdr) {
    return new PrerequisiteInference("inferred", 0.65, 2, fdr, 0.8);
  }

  private static Interaction at(String user, String course, EventType e, long second) {
    return new Interaction(user, course, e, null, Instant.ofEpochSecond(second));
  }

  @Test
  void theColumnWinsInAutoModeAndUnknownIdsAreCounted() {
    List<Course> cs = List.of(course("a", Level.BEGINNER, "X", List.of(), "SQL"),
        course("b", Level.INTERMEDIATE, "X", List.of("a", "zz"), "SQL"));
    PrerequisiteInference.Result r = new PrerequisiteInference("auto", 0.65, 2, 0.01, 0.8).build(cs, List.of(), id -> ordinal(cs, id));
    assertThat(r.summary().source()).isEqualTo("given");
    assertThat(r.summary().unknownPrerequisiteIds()).isEqualTo(1);
    assertThat(r.graph().edges()).containsExactly(new PrerequisiteEdge(0, 1, 1f, EdgeSource.GIVEN));
  }

  @Test
  void withoutALogLevelsSkillsAndOrganisationGiveContentEdges() {
    // a beginner {SQL, Joins} X; b intermediate {SQL, Joins} X; c intermediate {SQL} Y; all subject "data"
    List<Course> cs = List.of(course("a", Level.BEGINNER, "X", List.of(), "SQL", "Joins"),
        course("b", Level.INTERMEDIATE, "X", List.of(), "SQL", "Joins"),
        course("c", Level.INTERMEDIATE, "Y", List.of(), "SQL"));
    // a -> b: J 1, O 1, S 1, L 1 (adjacent): (0.3 + 0.2 + 0.1 + 0.2) / 0.8 = 1.0
    // a -> c: J 1/2, O 0, S 1, L 1: (0.15 + 0.1 + 0.2) / 0.8 = 0.5625 < 0.65, dropped; b, c same level: no candidates
    PrerequisiteInference.Result r = inference(0.01).build(cs, List.of(), id -> ordinal(cs, id));
    assertThat(r.summary().source()).isEqualTo("inferred");
    assertThat(r.graph().edges()).containsExactly(new PrerequisiteEdge(0, 1, 1f, EdgeSource.LEVEL));
    assertThat(r.summary().contentMargin()).isNaN(); // no log: content cannot be checked, so it is kept
  }

  @Test
  void theLogTestPicksTheCandidateLearnersCameThrough() {
    // b intermediate {SQL}; candidates a1, a2 beginner {SQL}, other providers (content: J 1, O 0, S 1, L 1 = 0.75 each,
    // a tie the lower ordinal a1 would win). Six learners complete a2, then enrol in b; six others complete a1 and
    // never take b. For b: x(a2) = 6, x(a1) = 0, M = 6; completers 6 and 6, so pi(a2) = 1/2 and
    // p(a2, b) = P(Bin(6, 1/2) >= 6) = 1/64 = 0.015625, the only tested pair (m = 1): BH adjusted p = 1/64.
    List<Course> cs = List.of(course("a1", Level.BEGINNER, "X", List.of(), "SQL"),
        course("a2", Level.BEGINNER, "Y", List.of(), "SQL"),
        course("b", Level.INTERMEDIATE, "Z", List.of(), "SQL"));
    List<Interaction> log = new ArrayList<>();
    for (int u = 0; u < 6; u++) {
      log.add(at("p" + u, "a2", EventType.COMPLETE, 1000 + u));
      log.add(at("p" + u, "b", EventType.ENROLL, 2000 + u));
      log.add(at("q" + u, "a1", EventType.COMPLETE, 1000 + u));
    }
    PrerequisiteInference.Result r = inference(0.05).build(cs, log, id -> ordinal(cs, id));
    assertThat(r.summary().testedPairs()).isEqualTo(1);
    assertThat(r.graph().edges()).hasSize(1);
    PrerequisiteEdge e = r.graph().edges().getFirst();
    assertThat(e.prerequisite()).isEqualTo(1);
    assertThat(e.source()).isEqualTo(EdgeSource.LEVEL_AND_SEQUENCE);
    assertThat((double) e.confidence()).isCloseTo(1 - 1.0 / 64, within(1e-6));
    // at FDR 0.01, 1/64 is not significant: b falls back to content, whose tie goes to a1 (content cannot be checked)
    PrerequisiteInference.Result strict = inference(0.01).build(cs, log, id -> ordinal(cs, id));
    assertThat(strict.graph().edges()).containsExactly(new PrerequisiteEdge(0, 2, 0.75f, EdgeSource.LEVEL));
    // the same learners taking b first: more take a2 after b than before, so the pair is not tested
    List<Interaction> reversed = log.stream().map(x -> at(x.userId(), x.courseId(), x.event(),
        x.courseId().equals("b") ? 500 : x.timestamp().getEpochSecond())).toList();
    assertThat(inference(0.05).build(cs, reversed, id -> ordinal(cs, id)).summary().testedPairs()).isZero();
  }

  @Test
  void contentIsTrustedFromTheMarginWhereItAgreesWithTheLog() {
    PrerequisiteInference inf = inference(0.01);
    int n = 25;
    int[] log = new int[n];
    int[] content = new int[n];
    double[] margin = new double[n];
    // dependant i has margin (25 - i) / 100; content agrees with the log except at i = 3, 7, 11, 15 (4 of the
    // first 20: 16 / 20 = 0.8 at margin 0.06) and at i = 20..24 (then 16 / 21 < 0.8 and below)
    for (int i = 0; i < n; i++) {
      log[i] = 100 + i;
      boolean disagree = i == 3 || i == 7 || i == 11 || i == 15 || i >= 20;
      content[i] = disagree ? 200 + i : 100 + i;
      margin[i] = (25 - i) / 100.0;
    }
    assertThat(inf.contentMargin(log, content, margin)).isCloseTo(0.06, within(1e-12));
    content[19] = 999; // now 15 / 20 at 0.06: never 0.8 with at least 20 dependants
    assertThat(inf.contentMargin(log, content, margin)).isInfinite();
    int[] few = java.util.Arrays.copyOf(log, n);
    for (int i = 19; i < n; i++) few[i] = -1; // 19 log-decided dependants: too few to check content
    assertThat(inf.contentMargin(few, content, margin)).isNaN();
  }
}
