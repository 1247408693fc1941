package io.courserec.learning;

import java.util.List;

/**
 * One step of a learning path.
 *
 * @param step 1-based position
 * @param goalSkills the learner's gap skills this course teaches (catalog names)
 * @param reasons why it is there, most important first ("covers your goal SQL", "prerequisite of step 4",
 *     "next level after Intro to Python, which you completed")
 * @param hours study hours, null when the catalog does not know them
 * @param confidence the hybrid's calibrated confidence for this course and learner, null when the course is not
 *     among the learner's {@code learning.path.ranked} best (its confidence was not computed)
 * @param prerequisites the course's direct prerequisites (ids), each earlier in the plan or taken
 */
public record PathStep(int step, String courseId, String title, String level, Double hours, List<String> goalSkills,
                       List<String> reasons, Double confidence, List<String> prerequisites) {
  public PathStep {
    goalSkills = List.copyOf(goalSkills);
    reasons = List.copyOf(reasons);
    prerequisites = List.copyOf(prerequisites);
  }

  /** The reasons as one sentence. */
  public String reason() { return String.join("; ", reasons); }
}
