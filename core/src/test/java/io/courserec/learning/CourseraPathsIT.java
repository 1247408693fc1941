package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.courserec.catalog.CatalogImporter;
import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.CleaningRules;
import io.courserec.catalog.Course;
import io.courserec.catalog.ImportFormat;
import io.courserec.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths on the real Coursera import (no prerequisites column, no log): the graph is inferred from levels, skills
 * and organisations alone, and 200 seeded learners (random taken courses, goals drawn from skills of courses that
 * have inferred prerequisites) get valid plans. Skips when the shared catalogs are not next to the project.
 */
class CourseraPathsIT {
  @TempDir Path out;

  @Test
  void inferredEdgesOnlyGiveValidPlans() throws Exception {
    Path source = Stream.of(Path.of("../shared/data/catalogs"), Path.of("../../shared/data/catalogs"))
        .map(d -> d.resolve("coursera-2024-skills.csv")).filter(Files::isRegularFile).findFirst().orElse(null);
    assumeTrue(source != null, "shared Coursera catalog not found next to the project; skipping");
    var imported = CatalogImporter.run(ImportFormat.COURSERA, source, out, CleaningRules.from(Config.defaults()));
    List<Course> cs = CatalogLoader.loadCourses(imported.coursesCsv(), Config.defaults()).dataset().courses();
    Map<String, Integer> ord = new HashMap<>();
    for (int i = 0; i < cs.size(); i++) ord.put(cs.get(i).id(), i);
    PrerequisiteInference.Result r = PrerequisiteInference.from(Config.defaults()).build(cs, List.of(), id -> ord.getOrDefault(id, -1));
    assertThat(r.summary().source()).isEqualTo("inferred");
    PrerequisiteGraph g = r.graph();
    assertThat(g.edges()).isNotEmpty().allMatch(e -> e.source() == EdgeSource.LEVEL);
    SkillVocabulary v = SkillVocabulary.of(cs);
    PathPlanner planner = new PathPlanner(cs, g, v, "inferred");
    List<Integer> dependants = g.edges().stream().map(PrerequisiteEdge::dependant).distinct().sorted().toList();
    Random rnd = new Random(2758);
    int withPrerequisiteSteps = 0;
    for (int round = 0; round < 200; round++) {
      Map<Integer, String> taken = new HashMap<>();
      for (int k = rnd.nextInt(4); k > 0; k--) taken.put(rnd.nextInt(cs.size()), "completed");
      List<String> goals = new ArrayList<>();
      for (int k = 1 + rnd.nextInt(2); k > 0; k--) {
        List<String> skills = cs.get(dependants.get(rnd.nextInt(dependants.size()))).skills();
        if (!skills.isEmpty()) goals.add(skills.get(rnd.nextInt(skills.size())));
      }
      String[] how = new String[cs.size()];
      taken.forEach((c, h) -> how[c] = h);
      float[] conf = new float[cs.size()];
      Arrays.fill(conf, Float.NaN);
      LearnerSkills s = new SkillsModel(0.5, 1, 1).skills("u", List.of(), id -> null, goals, v);
      LearningPath p = planner.plan(new PathPlanner.Learner(s, how, new float[cs.size()], conf), new PathLimits(8, null, null));
      Set<Integer> before = new HashSet<>();
      for (PathStep step : p.steps()) {
        int c = ord.get(step.courseId());
        assertThat(taken).doesNotContainKey(c);
        for (int pre : g.prerequisitesOf(c)) assertThat(before.contains(pre) || taken.containsKey(pre)).isTrue();
        if (step.reasons().stream().anyMatch(x -> x.startsWith("builds on step"))) withPrerequisiteSteps++;
        before.add(c);
      }
      assertThat(p.steps()).isNotEmpty();
    }
    assertThat(withPrerequisiteSteps).as("steps that build on an inferred prerequisite").isPositive();
  }
}
