package io.courserec.hybrid;

import java.util.Arrays;
import org.apache.lucene.search.Query;

/**
 * The per-request, per-learner side of the hybrid: small arrays built once per request from the current generation
 * (training history plus feedback since training). Immutable once built; arrays are not copied, callers must not
 * modify them after construction.
 *
 * @param learnerId the learner (may be unknown to the models)
 * @param segment cold / warm / rich, chosen from {@code positiveEvents}
 * @param positiveEvents number of distinct courses with positive weight in the learner's history
 * @param historyOrdinals course ordinals with positive history weight, ascending
 * @param historyWeights weight of each history course, divided by the learner's largest weight (so in (0,1])
 * @param userFactors MF factors (trained or folded in), or null when MF has nothing for this learner
 * @param factorSupport number of courses the factors rest on (0 when null)
 * @param userCfScores user-CF score per course ordinal, already divided by its maximum (so in [0,1]), or null
 * @param userCfSupport number of neighbours behind each user-CF score, or null
 * @param neighbourCount number of similar learners found
 * @param contentQuery the profile query (BM25 over the course text fields), or null when there is no profile
 * @param contentMax the highest score {@code contentQuery} reaches on any course (its normaliser), > 0 when set
 * @param profileSources number of profile inputs (interests, goals, history courses) the content query rests on
 * @param itemCfMax the highest raw item-CF score over all courses for this learner (its normaliser), 0 if none
 */
public record UserContext(String learnerId, UserSegment segment, int positiveEvents, int[] historyOrdinals,
                          float[] historyWeights, float[] userFactors, int factorSupport, float[] userCfScores,
                          int[] userCfSupport, int neighbourCount, Query contentQuery, double contentMax,
                          int profileSources, double itemCfMax) {

  /** The learner's normalised weight for a course ordinal, 0 when it is not in the history. */
  public float historyWeight(int ordinal) {
    int p = Arrays.binarySearch(historyOrdinals, ordinal);
    return p >= 0 ? historyWeights[p] : 0f;
  }

  public boolean hasFactors() { return userFactors != null; }
  public boolean hasUserCf() { return userCfScores != null; }
  public boolean hasContent() { return contentQuery != null && contentMax > 0; }
  public boolean hasHistory() { return historyOrdinals.length > 0; }
}
