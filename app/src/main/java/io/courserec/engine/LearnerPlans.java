package io.courserec.engine;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.hybrid.HybridItem;
import io.courserec.hybrid.HybridRanking;
import io.courserec.learning.LearnerSkills;
import io.courserec.learning.LearningPath;
import io.courserec.learning.PathLimits;
import io.courserec.learning.PathPlanner;
import io.courserec.learning.SkillsModel;
import io.courserec.learning.UnknownSkillException;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Skills and learning paths for the engine ({@link Engine#skills}, {@link Engine#path}), from one generation: its
 * planner and graph, the learner's merged history (training data plus stored feedback), and the hybrid's ranking
 * of the learner's {@code learning.path.ranked} best courses, which gives the planner its preferences (score / the
 * best score) and each step its confidence. Goals name skills of the catalog; an unknown one is a
 * {@link InvalidInputException} on {@code goal} listing the closest skills.
 */
final class LearnerPlans {
  private final SkillsModel skills;
  private final EventWeights events;
  private final int defaultMaxCourses;
  private final int ranked;

  LearnerPlans(Config config) {
    this.skills = SkillsModel.from(config);
    this.events = EventWeights.from(config);
    this.defaultMaxCourses = config.integer(ConfigKey.LEARN_PATH_MAX_COURSES);
    this.ranked = config.integer(ConfigKey.LEARN_PATH_RANKED);
  }

  /**
   * @param id the id the model knows the learner by (differs for an erased learner, whose declared goals are gone)
   * @param history the learner's events, oldest first; {@code goals} as typed (empty: the declared goals)
   */
  LearnerSkills skills(Generation g, String user, String id, List<Interaction> history, List<String> goals) {
    PathPlanner p = g.planner();
    List<String> wanted = goals;
    if (wanted.isEmpty()) wanted = g.data().learner(id).map(Learner::goals).orElse(List.of());
    for (String goal : goals) {
      try {
        p.vocabulary().resolve(goal);
      } catch (UnknownSkillException e) {
        throw new InvalidInputException("goal", e.getMessage());
      }
    }
    return skills.skills(user, history, c -> g.data().course(c).orElse(null), wanted, p.vocabulary());
  }

  /**
   * @param id the id the model knows the learner by; {@code recent} their stored events since training
   */
  LearningPath path(Generation g, PathQuery q, String id, List<Interaction> history, List<Interaction> recent) {
    PathLimits limits = limits(q);
    LearnerSkills s = skills(g, q.userId(), id, history, q.goals());
    if (s.goals().isEmpty()) {
      throw new InvalidInputException("goal", "no goal given and learner " + q.userId() + " declares none"
          + (s.unknownGoals().isEmpty() ? "" : " the catalog teaches (declared: " + String.join(", ", s.unknownGoals()) + ")"));
    }
    int n = g.data().numCourses();
    String[] taken = new String[n];
    for (Interaction e : history) {
      int o = g.data().courseOrdinal(e.courseId());
      if (o < 0 || !events.marksTaken(e.event())) continue;
      String how = e.event() == EventType.COMPLETE ? "completed" : e.event() == EventType.RATE ? "rated" : "enrolled in";
      if (taken[o] == null || rank(how) > rank(taken[o])) taken[o] = how;
    }
    float[] preference = new float[n];
    float[] confidence = new float[n];
    Arrays.fill(confidence, Float.NaN);
    try {
      HybridRanking r = g.hybrid().rank(new RecommendRequest(id, ranked, 0, null, Set.of(), false, false, recent, List.of()));
      double best = r.items().isEmpty() ? 0 : r.items().get(0).score();
      for (HybridItem it : r.items()) {
        preference[it.ordinal()] = best > 0 ? (float) (it.score() / best) : 0f;
        confidence[it.ordinal()] = (float) it.confidence();
      }
    } catch (UnknownEntityException e) {
      if (!e.kind().equals("user")) throw e; // a learner the hybrid cannot rank plans on coverage alone
    }
    return g.planner().plan(new PathPlanner.Learner(s, taken, preference, confidence), limits);
  }

  private static int rank(String how) {
    return switch (how) { case "completed" -> 2; case "rated" -> 1; default -> 0; };
  }

  private PathLimits limits(PathQuery q) {
    int max = q.maxCourses() == null ? defaultMaxCourses : q.maxCourses();
    if (max < 1 || max > 100) throw new InvalidInputException("max_courses", "max_courses must be in [1, 100], got " + max);
    if (q.maxHours() != null && !(q.maxHours() > 0)) {
      throw new InvalidInputException("max_hours", "max_hours must be positive, got " + q.maxHours());
    }
    Level level = null;
    if (q.maxLevel() != null && !q.maxLevel().isBlank()) {
      level = Level.fromCode(q.maxLevel()).filter(l -> l.rank() >= 0).orElseThrow(() -> new InvalidInputException(
          "max_level", "max_level must be beginner, intermediate or advanced, got '" + q.maxLevel() + "'"));
    }
    return new PathLimits(max, q.maxHours(), level);
  }
}
