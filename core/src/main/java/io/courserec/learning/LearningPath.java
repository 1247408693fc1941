package io.courserec.learning;

import java.util.List;

/**
 * An ordered plan from a learner's skills to their goals.
 *
 * @param goals the goal skills planned for (catalog names)
 * @param gap the goals not yet earned when planning started
 * @param uncovered gap skills no step covers (no course teaches them within the limits)
 * @param totalHours the known hours of every step
 * @param graphSource given or inferred: where the prerequisite edges came from
 */
public record LearningPath(String userId, List<String> goals, List<String> gap, List<PathStep> steps,
                           List<String> uncovered, double totalHours, String graphSource) {
  public LearningPath {
    goals = List.copyOf(goals);
    gap = List.copyOf(gap);
    steps = List.copyOf(steps);
    uncovered = List.copyOf(uncovered);
  }
}
