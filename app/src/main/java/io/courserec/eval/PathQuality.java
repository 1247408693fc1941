package io.courserec.eval;

/**
 * Learning-path quality on one split whose held-out course is each learner's next one (issue 10): for every test
 * learner with declared goals and a gap, a path is planned from the history before the held-out course, with the
 * default limits, the prerequisite graph built from the training part and the ranker's preferences.
 *
 * <pre>
 *   validity            = steps whose every direct prerequisite is an earlier step or was taken / steps   (must be 1)
 *   gap coverage        = sum of (gap skills - uncovered gap skills) / sum of gap skills
 *   next-step hit rate  = learners whose held-out course is among the first 3 steps / learners
 *   ranker hit rate @ 3 = learners whose held-out course is among the ranker's first 3 courses / learners
 * </pre>
 * The ranker is the plain hybrid in {@code evaluate}; both hit rates are over the same learners.
 *
 * @param split the split's name
 * @param ranker the label of the algorithm that ranked the learners' courses for the planner
 * @param graphSource where the graph's edges came from (given or inferred); {@code graphEdges} its edges
 * @param learners test learners with declared goals and a gap, the ones planned for
 * @param steps steps of all their paths; {@code validSteps} of them valid; {@code rankedSteps} of them among the
 *     ranker's {@code learning.path.ranked} best for the learner (the steps that carry the ranker's confidence)
 * @param gapSkills gap skills summed over the learners; {@code coveredSkills} of them covered by their paths
 * @param pathHits learners whose next course is among the first {@value PathEvaluation#FIRST_STEPS} steps
 * @param rankerHits learners whose next course is among the ranker's first {@value PathEvaluation#FIRST_STEPS}
 * @param seconds wall time of the whole measurement (graph, rankings and plans)
 */
public record PathQuality(String split, String ranker, String graphSource, int graphEdges, int learners, int steps,
                          int validSteps, int rankedSteps, int gapSkills, int coveredSkills, int pathHits, int rankerHits,
                          double seconds) {
  /** Share of valid steps; 1 (vacuously) without steps. */
  public double validity() { return steps == 0 ? 1.0 : (double) validSteps / steps; }

  /** Share of steps with the ranker's confidence; NaN without steps. */
  public double rankedShare() { return steps == 0 ? Double.NaN : (double) rankedSteps / steps; }

  /** Share of the gap skills the paths cover; NaN without learners. */
  public double gapCoverage() { return gapSkills == 0 ? Double.NaN : (double) coveredSkills / gapSkills; }

  /** Share of learners whose next course is among the first steps; NaN without learners. */
  public double nextStepHitRate() { return learners == 0 ? Double.NaN : (double) pathHits / learners; }

  /** Share of learners whose next course is among the ranker's first courses; NaN without learners. */
  public double rankerHitRate() { return learners == 0 ? Double.NaN : (double) rankerHits / learners; }
}
