package io.courserec.hybrid;

import io.courserec.cbr.LearnerProfile;
import io.courserec.cf.UserHistory;
import java.util.Set;

/**
 * The per-request, per-learner side of the hybrid, built once per request from the current generation (training
 * history plus feedback since training). Arrays are owned by the context and never modified after construction.
 *
 * @param history the learner's merged history (null for a learner with no events at all)
 * @param segment cold / warm / rich, chosen from the number of positive history courses
 * @param positiveCourses number of distinct courses with positive history weight
 * @param historyOrdinals course ordinals with positive history weight, ascending
 * @param historyWeights their weights divided by the learner's largest (so in (0,1])
 * @param excludedIds course ids no list may contain (taken unless asked, dismissed, request exclusions)
 * @param userFactors MF factors (trained, or folded in from the history), null when there is no positive history
 * @param mfMax the learner's largest MF dot product over eligible courses (0: no usable factors)
 * @param mfDots every course's MF dot product when the exact candidate pass computed them, else null
 * @param userCfScores user-kNN score per course ordinal divided by its maximum, or null
 * @param userCfSupport number of neighbours with positive feedback per course ordinal, or null
 * @param neighbourCount similar learners found
 * @param profile content profile, or null when nothing is known to build one from
 * @param contentScores normalised exact content score per course ordinal, or null
 * @param candidates course ordinals worth scoring (ascending), or null to score every eligible course
 * @param listScores per array signal computed from a neighbour-list model (item-CF and each
 *     {@link Signal#neighbourList()} signal) that has evidence for this learner,
 *     its score per course ordinal divided by the learner's best over eligible courses (0 where none or negative)
 * @param courseFactors per course ordinal, a factor multiplying the blended score ({@link CourseFactors}), or null
 */
public record UserContext(UserHistory history, UserSegment segment, int positiveCourses, int[] historyOrdinals,
                          float[] historyWeights, Set<String> excludedIds, float[] userFactors, double mfMax, float[] mfDots, float[] userCfScores,
                          int[] userCfSupport, int neighbourCount, LearnerProfile profile,
                          float[] contentScores, int[] candidates, java.util.Map<Signal, float[]> listScores,
                          float[] courseFactors) {

  /** The same context with per-course factors. */
  public UserContext withCourseFactors(float[] f) {
    return new UserContext(history, segment, positiveCourses, historyOrdinals, historyWeights, excludedIds, userFactors,
        mfMax, mfDots, userCfScores, userCfSupport, neighbourCount, profile, contentScores, candidates, listScores, f);
  }

  public boolean hasFactors() { return userFactors != null && mfMax > 0; }
  public boolean hasUserCf() { return userCfScores != null; }
  public boolean hasItemCf() { return listScores.containsKey(Signal.ITEMCF); }
  public boolean hasContent() { return contentScores != null; }
  public int profileSources() { return profile == null ? 0 : profile.sources().size(); }
}
