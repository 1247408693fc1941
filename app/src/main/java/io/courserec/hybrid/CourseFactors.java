package io.courserec.hybrid;

/**
 * A per-request factor per course that multiplies the blended score inside the scoring query (so it changes which
 * courses reach the top k, unlike a filter on the results). The engine installs one (prerequisite penalty: 1 when
 * the learner meets a course's prerequisites, 1 - penalty otherwise); none by default.
 */
@FunctionalInterface
public interface CourseFactors {
  /**
   * @param history the learner's merged history, or null when they have none
   * @return a factor in [0,1] per course ordinal (not modified afterwards), or null to leave every score as it is
   */
  float[] of(io.courserec.cf.UserHistory history);
}
