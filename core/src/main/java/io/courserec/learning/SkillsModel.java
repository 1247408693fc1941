package io.courserec.learning;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Earned skills from a learner's events. A course gives each of its skills a credit by the learner's strongest event
 * on it: complete 1, rate {@code learning.credit.rated}, enroll {@code learning.credit.enrolled}; views, bookmarks
 * and dismissals give nothing (an intention is not a skill). A skill's credit is the best over the courses teaching
 * it (credits do not add up: two half-finished SQL courses are not one finished one). Ties between courses giving the
 * same credit keep the first course in event order as the source.
 */
public final class SkillsModel {
  private final double enrolled;
  private final double rated;
  private final double earnedAt;

  public SkillsModel(double enrolled, double rated, double earnedAt) {
    this.enrolled = enrolled;
    this.rated = rated;
    this.earnedAt = earnedAt;
  }

  public static SkillsModel from(Config config) {
    return new SkillsModel(config.number(ConfigKey.LEARN_CREDIT_ENROLLED), config.number(ConfigKey.LEARN_CREDIT_RATED),
        config.number(ConfigKey.LEARN_EARNED_AT));
  }

  public double earnedAt() { return earnedAt; }

  /** Credit of one event type (0 for events that teach nothing). */
  public double credit(EventType type) {
    return switch (type) {
      case COMPLETE -> 1.0;
      case RATE -> rated;
      case ENROLL -> enrolled;
      default -> 0.0;
    };
  }

  /**
   * @param events the learner's events in time order (unknown courses are skipped)
   * @param course the catalog's course by id, or null
   * @param goals goals as typed; resolved through the vocabulary, unknown ones reported, duplicates dropped
   */
  public LearnerSkills skills(String userId, List<Interaction> events, Function<String, Course> course,
                              List<String> goals, SkillVocabulary vocabulary) {
    Map<String, Double> earned = new TreeMap<>();
    Map<String, String> sources = new TreeMap<>();
    for (Interaction e : events) {
      double c = credit(e.event());
      if (c <= 0) continue;
      Course k = course.apply(e.courseId());
      if (k == null) continue;
      for (String s : k.skills()) {
        String name = vocabulary.canonical(s);
        if (name == null) continue;
        if (c > earned.getOrDefault(name, 0.0)) {
          earned.put(name, c);
          sources.put(name, k.id());
        }
      }
    }
    Set<String> resolved = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String g : goals) {
      if (g == null || g.isBlank()) continue;
      String name = vocabulary.canonical(g);
      if (name == null) unknown.add(g.trim()); else resolved.add(name);
    }
    List<String> gap = new ArrayList<>();
    for (String g : resolved) if (earned.getOrDefault(g, 0.0) < earnedAt) gap.add(g);
    return new LearnerSkills(userId, earned, sources, List.copyOf(resolved), unknown, gap);
  }
}
