package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A five-learner log whose statistics are worked out by hand below. */
class LogStatisticsTest {
  private static final List<Course> CATALOG = List.of(course("A"), course("B"), course("C"), course("D"));

  private static Course course(String id) {
    return Course.of(id, "Course " + id, "", List.of("x"), Level.BEGINNER, "s");
  }

  private static Interaction e(String user, String course, EventType type, int minute) {
    return new Interaction(user, course, type, type == EventType.RATE ? 4.0 : null,
        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * minute));
  }

  /*
   * Taken sequences (enroll / complete / rate, first take, time order):
   *   u1 (position 0, fitting half): A, B   (the view of B does not take it; complete B repeats B)
   *   u2 (position 1, scored half):  B, C, A (B taken by a rating)
   *   u3 (position 2, fitting half): A, B   (listed out of time order in the log)
   *   u4 (position 3, scored half):  nothing (views only)
   *   u5 (position 4, fitting half): A, B, C, D
   * Popularity A 4, B 4, C 2, D 1 (total 11); ascending 1, 2, 4, 4:
   *   Gini = 2 (1·1 + 2·2 + 3·4 + 4·4) / (4 · 11) − 5/4 = 66/44 − 1.25 = 0.25.
   * Top 1 % and top 10 % of 4 courses round to 0, so the single most taken course: 4 / 11.
   * Courses per learner (u4 has none): 2, 3, 2, 4 → sorted 2, 2, 3, 4: median = 2nd value = 2, mean 11/4,
   *   p90 = value ceil(3.6) = 4th = 4.
   * Successors fitted on u1, u3, u5: A→B three times, B→C once, C→D once. Scored pairs of u2: B→C (hit),
   *   C→A (best after C is D: miss) → 1 of 2.
   * Events: 4 + 3 + 2 + 1 + 4 = 14; enroll 10, view 2, complete 1, rate 1.
   */
  private static final List<Interaction> LOG = List.of(
      e("u1", "A", EventType.ENROLL, 0), e("u1", "B", EventType.VIEW, 1), e("u1", "B", EventType.ENROLL, 2),
      e("u1", "B", EventType.COMPLETE, 3),
      e("u2", "B", EventType.RATE, 0), e("u2", "C", EventType.ENROLL, 1), e("u2", "A", EventType.ENROLL, 2),
      e("u3", "B", EventType.ENROLL, 5), e("u3", "A", EventType.ENROLL, 4),
      e("u4", "D", EventType.VIEW, 0),
      e("u5", "A", EventType.ENROLL, 0), e("u5", "B", EventType.ENROLL, 1), e("u5", "C", EventType.ENROLL, 2),
      e("u5", "D", EventType.ENROLL, 3));

  @Test
  void measuresTheHandWorkedLog() {
    LogStatistics s = LogStatistics.of(CATALOG, LOG);
    assertThat(s.courses()).isEqualTo(4);
    assertThat(s.learners()).isEqualTo(5);
    assertThat(s.learnersWithCourses()).isEqualTo(4);
    assertThat(s.events()).isEqualTo(14);
    assertThat(s.eventCounts()).containsEntry(EventType.ENROLL, 10L).containsEntry(EventType.VIEW, 2L)
        .containsEntry(EventType.COMPLETE, 1L).containsEntry(EventType.RATE, 1L).containsEntry(EventType.DISMISS, 0L);
    assertThat(s.eventShare(EventType.ENROLL)).isCloseTo(10 / 14.0, within(1e-12));
    assertThat(s.popularityGini()).isCloseTo(0.25, within(1e-12));
    assertThat(s.top1Share()).isCloseTo(4 / 11.0, within(1e-12));
    assertThat(s.top10Share()).isCloseTo(4 / 11.0, within(1e-12));
    assertThat(s.medianCourses()).isEqualTo(2);
    assertThat(s.meanCourses()).isCloseTo(2.75, within(1e-12));
    assertThat(s.p90Courses()).isEqualTo(4);
    assertThat(s.nextCoursePairs()).isEqualTo(2);
    assertThat(s.nextCourseHitRate()).isCloseTo(0.5, within(1e-12));
    assertThat(s.describe()).contains("Gini 0.25", "median 2, mean 2.8, p90 4", "50.0% of 2 transitions");
  }

  @Test
  void equalPopularityHasGiniZeroAndAnEmptyLogIsAllZeros() {
    // each of the four courses taken once: x = 1, 1, 1, 1 → 2 (1 + 2 + 3 + 4) / (4 · 4) − 5/4 = 0
    List<Interaction> flat = List.of(e("a", "A", EventType.ENROLL, 0), e("b", "B", EventType.ENROLL, 0),
        e("c", "C", EventType.ENROLL, 0), e("d", "D", EventType.ENROLL, 0));
    assertThat(LogStatistics.of(CATALOG, flat).popularityGini()).isCloseTo(0, within(1e-12));
    LogStatistics empty = LogStatistics.of(CATALOG, List.of());
    assertThat(empty.popularityGini()).isZero();
    assertThat(empty.medianCourses()).isZero();
    assertThat(empty.nextCourseHitRate()).isZero();
    assertThat(empty.eventShare(EventType.VIEW)).isZero();
  }

  @Test
  void coursesOnlyInTheLogJoinTheCatalog() {
    // E is not in the catalog: five courses, E taken once
    LogStatistics s = LogStatistics.of(CATALOG, List.of(e("a", "E", EventType.ENROLL, 0)));
    assertThat(s.courses()).isEqualTo(5);
    assertThat(s.top1Share()).isEqualTo(1.0);
  }
}
