package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner on a hand-made chain (exact plan and reasons) and on seeded random DAGs and histories. */
class PathPlannerTest {

  static Course course(String id, Level level, double hours, String... skills) {
    return new Course(id, "Course " + id, "", List.of(skills), "Org", level, "data", "en", hours, "", null, null, "", List.of());
  }

  static PathPlanner.Learner learner(List<Course> catalog, SkillVocabulary v, List<String> goals, Map<Integer, String> taken,
                                     float[] preference) {
    String[] how = new String[catalog.size()];
    taken.forEach((c, h) -> how[c] = h);
    List<io.courserec.catalog.Interaction> events = new ArrayList<>();
    taken.forEach((c, h) -> events.add(io.courserec.catalog.Interaction.of("u", catalog.get(c).id(),
        h.equals("completed") ? io.courserec.catalog.EventType.COMPLETE : io.courserec.catalog.EventType.ENROLL)));
    Map<String, Course> byId = new HashMap<>();
    catalog.forEach(c -> byId.put(c.id(), c));
    LearnerSkills s = new SkillsModel(0.5, 1.0, 1.0).skills("u", events, byId::get, goals, v);
    float[] conf = new float[catalog.size()];
    Arrays.fill(conf, Float.NaN);
    return new PathPlanner.Learner(s, how, preference, conf);
  }

  @Test
  void aChainIsPlannedPrerequisiteFirstWithReasons() {
    // 0 SQL beginner -> 1 SQL intermediate -> 2 SQL advanced (covers "Query Tuning"); 3 Python beginner (taken)
    List<Course> catalog = List.of(
        course("sql1", Level.BEGINNER, 10, "SQL"),
        course("sql2", Level.INTERMEDIATE, 20, "SQL", "Joins"),
        course("sql3", Level.ADVANCED, 30, "SQL", "Query Tuning"),
        course("py1", Level.BEGINNER, 5, "Python"));
    PrerequisiteGraph g = PrerequisiteGraph.of(4, List.of(
        new PrerequisiteEdge(0, 1, 1f, EdgeSource.GIVEN), new PrerequisiteEdge(1, 2, 1f, EdgeSource.GIVEN),
        new PrerequisiteEdge(3, 1, 1f, EdgeSource.GIVEN)));
    SkillVocabulary v = SkillVocabulary.of(catalog);
    PathPlanner planner = new PathPlanner(catalog, g, v, "given");
    LearningPath p = planner.plan(learner(catalog, v, List.of("query tuning"), Map.of(3, "completed"), new float[4]),
        new PathLimits(8, null, null));
    // the only course with Query Tuning is sql3; its closure is sql1, sql2 (py1 is taken): 3 steps, 60 hours
    assertThat(p.steps()).extracting(PathStep::courseId).containsExactly("sql1", "sql2", "sql3");
    assertThat(p.totalHours()).isEqualTo(60.0);
    assertThat(p.steps().get(0).reasons()).containsExactly("prerequisite of step 3");
    assertThat(p.steps().get(1).reasons()).containsExactly("prerequisite of step 3", "builds on step 1",
        "next level after Course py1, which you completed");
    assertThat(p.steps().get(2).reasons()).containsExactly("covers your goal Query Tuning", "builds on step 2");
    assertThat(p.uncovered()).isEmpty();
    // two steps allowed: the closure (3 courses) does not fit, so nothing is planned and the goal stays uncovered
    LearningPath two = planner.plan(learner(catalog, v, List.of("Query Tuning"), Map.of(3, "completed"), new float[4]),
        new PathLimits(2, null, null));
    assertThat(two.steps()).isEmpty();
    assertThat(two.uncovered()).containsExactly("Query Tuning");
    // below advanced: sql3 is out
    assertThat(planner.plan(learner(catalog, v, List.of("Query Tuning"), Map.of(3, "completed"), new float[4]),
        new PathLimits(8, null, Level.INTERMEDIATE)).steps()).isEmpty();
  }

  @Test
  void coveragePerCourseDecidesAndTheHybridBreaksTies() {
    // two beginner SQL courses with no prerequisites: equal coverage, so the one the hybrid prefers is chosen
    List<Course> catalog = List.of(course("a", Level.BEGINNER, 1, "SQL"), course("b", Level.BEGINNER, 1, "SQL"));
    SkillVocabulary v = SkillVocabulary.of(catalog);
    PathPlanner planner = new PathPlanner(catalog, PrerequisiteGraph.empty(2), v, "inferred");
    assertThat(planner.plan(learner(catalog, v, List.of("SQL"), Map.of(), new float[] {0.2f, 0.9f}),
        new PathLimits(8, null, null)).steps()).extracting(PathStep::courseId).containsExactly("b");
    assertThat(planner.plan(learner(catalog, v, List.of("SQL"), Map.of(), new float[] {0f, 0f}),
        new PathLimits(8, null, null)).steps()).extracting(PathStep::courseId).containsExactly("a"); // lower ordinal
  }

  /**
   * 600 seeded random cases: a catalog of 5..60 courses with random levels, hours and skills, a random DAG (edges
   * only from a lower to a higher position of a random permutation), a random history and random goals and
   * limits. Every plan must order each step after its prerequisites or have them taken, contain no taken course
   * and no course twice, keep the limits, and report as uncovered exactly the gap skills no step teaches.
   */
  @Test
  void randomDagsAndHistoriesNeverGiveAnInvalidPlan() {
    Random rnd = new Random(20261205L);
    String[] skills = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"};
    Level[] levels = {Level.BEGINNER, Level.INTERMEDIATE, Level.ADVANCED, Level.MIXED, Level.UNKNOWN};
    int nonEmpty = 0;
    for (int round = 0; round < 600; round++) {
      int n = 5 + rnd.nextInt(56);
      List<Course> catalog = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        int k = 1 + rnd.nextInt(3);
        Set<String> s = new HashSet<>();
        while (s.size() < k) s.add(skills[rnd.nextInt(skills.length)]);
        catalog.add(course("c" + c, levels[rnd.nextInt(levels.length)], 1 + rnd.nextInt(40), s.toArray(String[]::new)));
      }
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) perm[i] = i;
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
      }
      List<PrerequisiteEdge> edges = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (rnd.nextDouble() < 2.0 / n) edges.add(new PrerequisiteEdge(perm[i], perm[j], rnd.nextFloat(), EdgeSource.LEVEL));
        }
      }
      PrerequisiteGraph g = PrerequisiteGraph.of(n, edges);
      assertThat(g.broken()).isEmpty(); // a DAG by construction
      Map<Integer, String> taken = new HashMap<>();
      for (int c = 0; c < n; c++) if (rnd.nextDouble() < 0.2) taken.put(c, rnd.nextBoolean() ? "completed" : "enrolled in");
      List<String> goals = new ArrayList<>();
      for (String s : skills) if (rnd.nextDouble() < 0.3) goals.add(s);
      float[] pref = new float[n];
      for (int c = 0; c < n; c++) pref[c] = rnd.nextDouble() < 0.5 ? rnd.nextFloat() : 0f;
      PathLimits limits = new PathLimits(1 + rnd.nextInt(12), rnd.nextBoolean() ? null : 10.0 + rnd.nextInt(150),
          rnd.nextBoolean() ? null : levels[rnd.nextInt(3)]);
      SkillVocabulary v = SkillVocabulary.of(catalog);
      LearningPath p = new PathPlanner(catalog, g, v, "given").plan(learner(catalog, v, goals, taken, pref), limits);
      check(p, catalog, g, taken, limits, v);
      if (!p.steps().isEmpty()) nonEmpty++;
    }
    assertThat(nonEmpty).as("cases with a non-empty plan").isGreaterThan(300);
  }

  private static void check(LearningPath p, List<Course> catalog, PrerequisiteGraph g, Map<Integer, String> taken,
                            PathLimits limits, SkillVocabulary v) {
    Map<String, Integer> ordinal = new HashMap<>();
    for (int c = 0; c < catalog.size(); c++) ordinal.put(catalog.get(c).id(), c);
    Set<Integer> before = new HashSet<>();
    double hours = 0;
    Set<String> covered = new HashSet<>();
    for (PathStep s : p.steps()) {
      int c = ordinal.get(s.courseId());
      assertThat(taken).as("taken course planned").doesNotContainKey(c);
      for (int pre : g.prerequisitesOf(c)) {
        assertThat(before.contains(pre) || taken.containsKey(pre)).as(s.courseId() + " before its prerequisite c" + pre).isTrue();
      }
      assertThat(before.add(c)).as("course twice").isTrue();
      assertThat(limits.allows(catalog.get(c).level())).isTrue();
      hours += catalog.get(c).durationHours();
      for (String k : catalog.get(c).skills()) covered.add(v.canonical(k));
    }
    assertThat(p.steps().size()).isLessThanOrEqualTo(limits.maxCourses());
    if (limits.maxHours() != null) assertThat(hours).isLessThanOrEqualTo(limits.maxHours());
    List<String> expectUncovered = p.gap().stream().filter(s -> !covered.contains(s)).toList();
    assertThat(p.uncovered()).containsExactlyInAnyOrderElementsOf(expectUncovered);
  }
}
