package io.courserec.learning;

import java.util.List;
import java.util.Map;

/**
 * What a learner knows and wants: the credit earned per skill (the best credit of any course teaching it, see
 * {@link SkillsModel}), the goal skills (catalog names), and the gap: goals whose credit is below the
 * {@code learning.skill.earned_at} threshold, in goal order.
 *
 * @param earned credit per skill in (0,1], skills sorted by name
 * @param sources for each earned skill, the course that gave its credit
 * @param goals goal skills as the catalog names them
 * @param unknownGoals declared goals no course teaches (kept to be shown, never planned for)
 * @param gap goals not yet earned
 */
public record LearnerSkills(String userId, Map<String, Double> earned, Map<String, String> sources, List<String> goals,
                            List<String> unknownGoals, List<String> gap) {
  public LearnerSkills {
    earned = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(earned));
    sources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sources));
    goals = List.copyOf(goals);
    unknownGoals = List.copyOf(unknownGoals);
    gap = List.copyOf(gap);
  }
}
