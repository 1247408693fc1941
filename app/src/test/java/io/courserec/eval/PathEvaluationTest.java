package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Recommendation;
import io.courserec.split.Split;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Path quality on a four-course catalog with given prerequisites (c1 -> c2, c3 -> c4), computed by hand.
 *
 * <pre>
 * c1 beginner {SQL}   c2 intermediate {SQL, Joins} needs c1   c3 beginner {Python}   c4 intermediate {Python, Pandas} needs c3
 * max_courses 2; utility of a closure = goal skills it covers / its courses x (1 + preference of the course)
 *
 * u1 goals Joins, completed c1, next c2; ranker c3 4, c4 3, c2 2
 *    gap {Joins}: c2 (closure {c2}, c1 taken) -> path [c2]: 1 step, valid (c1 taken); covers 1 of 1; path hit;
 *    ranker's first 3 hold c2: ranker hit
 * u2 goals Pandas, SQL, Joins, completed c3, next c2; ranker c4 2 (pref 1), c1 1 (pref 0.5)
 *    round 1: c4 1/1 x 2 = 2, c1 1/1 x 1.5 = 1.5, c2 (closure {c1, c2}: SQL, Joins) 2/2 x 1 = 1 -> c4
 *    round 2: c1 1.5; c2's closure would make 3 steps > 2 -> c1; Joins uncovered
 *    path [c1, c4] (lowest level first): 2 steps, valid (c4's c3 taken); covers 2 of 3; no path hit; no ranker hit
 * u3 no goals; u4 goals SQL but completed c1 (no gap): not planned for
 * u5 goals Joins, no history, unknown to the ranker, next c1: c2 with closure {c1, c2} -> [c1, c2], both valid;
 *    covers 1 of 1; path hit; no ranker hit
 * learners 3, steps 5, valid 5, gap 5, covered 4 (0.8), path hits 2 (2/3), ranker hits 1 (1/3);
 * steps the ranker listed: u1's c2, u2's c1 and c4 = 3 of 5
 * </pre>
 */
class PathEvaluationTest {
  private static Course course(String id, Level level, List<String> prerequisites, String... skills) {
    return new Course(id, id, "", List.of(skills), "Org", level, "data", "en", 1.0, "", null, null, "", prerequisites);
  }

  private static Interaction completed(String user, String course) {
    return new Interaction(user, course, EventType.COMPLETE, null, Instant.parse("2024-01-02T00:00:00Z"));
  }

  static Split split() {
    List<Course> courses = List.of(course("c1", Level.BEGINNER, List.of(), "SQL"),
        course("c2", Level.INTERMEDIATE, List.of("c1"), "SQL", "Joins"),
        course("c3", Level.BEGINNER, List.of(), "Python"),
        course("c4", Level.INTERMEDIATE, List.of("c3"), "Python", "Pandas"));
    List<Learner> learners = List.of(new Learner("u1", List.of(), List.of("Joins"), Level.BEGINNER, "en"),
        new Learner("u2", List.of(), List.of("Pandas", "SQL", "Joins"), Level.BEGINNER, "en"),
        new Learner("u3", List.of(), List.of(), Level.BEGINNER, "en"),
        new Learner("u4", List.of(), List.of("SQL"), Level.BEGINNER, "en"),
        new Learner("u5", List.of(), List.of("Joins"), Level.BEGINNER, "en"));
    Dataset train = Dataset.of(courses, learners, List.of(completed("u1", "c1"), completed("u2", "c3"),
        completed("u3", "c3"), completed("u4", "c1")));
    Map<String, Set<String>> next = new LinkedHashMap<>();
    next.put("u1", Set.of("c2"));
    next.put("u2", Set.of("c2"));
    next.put("u3", Set.of("c1"));
    next.put("u4", Set.of("c2"));
    next.put("u5", Set.of("c1"));
    return new Split("leave-last-out", train, next, Map.of(), 5);
  }

  static FixedListRecommender ranker() {
    return new FixedListRecommender(Map.of(
        "u1", List.of(Recommendation.of("c3", 4), Recommendation.of("c4", 3), Recommendation.of("c2", 2)),
        "u2", List.of(Recommendation.of("c4", 2), Recommendation.of("c1", 1))));
  }

  @Test
  void countsMatchTheHandComputation() {
    Config config = Config.defaults().with(ConfigKey.LEARN_PATH_MAX_COURSES, 2).with(ConfigKey.EVAL_THREADS, 2);
    Split s = split();
    PathQuality q = new PathEvaluation(config).evaluate(s, List.copyOf(s.heldOut().keySet()), "fixed", ranker());
    assertThat(q.graphSource()).isEqualTo("given");
    assertThat(q.graphEdges()).isEqualTo(2);
    assertThat(List.of(q.learners(), q.steps(), q.validSteps(), q.rankedSteps(), q.gapSkills(), q.coveredSkills(),
        q.pathHits(), q.rankerHits())).containsExactly(3, 5, 5, 3, 5, 4, 2, 1);
    assertThat(q.validity()).isEqualTo(1.0);
    assertThat(q.gapCoverage()).isCloseTo(0.8, within(1e-12));
    assertThat(q.nextStepHitRate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(q.rankerHitRate()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void theReportsShowTheTable() {
    PathQuality q = new PathQuality("leave-last-out", "hybrid", "given", 2, 3, 5, 5, 3, 5, 4, 2, 1, 0.25);
    ExperimentReport r = new ExperimentReport("2025-01-02T03:04:05Z", "fixture", null, "h", null, 42, 10, Map.of(),
        Map.of("cores", "2"), List.of(), List.of(), List.of(q));
    assertThat(MarkdownReport.render(r)).contains("## Learning paths")
        .contains("| leave-last-out | hybrid | given (2) | 3 | 5 | 100.0 % | 60.0 % | 80.0 % | 0.6667 | 0.3333 | 0.3 |");
    assertThat(HtmlReport.render(r)).contains("<h2 id=\"paths\">Learning paths</h2>")
        .contains("<td>100.0 %</td><td>60.0 %</td><td>80.0 %</td><td>0.6667</td><td>0.3333</td>");
    assertThat(ReportJson.line(r)).contains("\"paths\":[{").contains("\"pathHits\":2");
    ExperimentReport none = new ExperimentReport(r.timestamp(), r.dataSource(), null, "h", null, 42, 10, Map.of(),
        Map.of("cores", "2"), List.of(), List.of());
    assertThat(MarkdownReport.render(none)).doesNotContain("Learning paths");
  }
}
