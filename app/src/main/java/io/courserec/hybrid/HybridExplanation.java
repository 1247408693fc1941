package io.courserec.hybrid;

/**
 * Why a course ranks where it does for a learner.
 *
 * @param rank 1-based rank among all eligible courses, or -1 when the course is excluded
 * @param eligible number of courses that were ranked
 * @param item the course's scores, signal values, contributions, confidence and evidence (null when excluded)
 * @param excludedBecause why it cannot be recommended (taken, dismissed, filtered), or null
 * @param luceneExplanation Lucene's own explanation tree of the score (null when excluded)
 */
public record HybridExplanation(String userId, String courseId, String title, int rank, long eligible,
                                UserSegment segment, BlendWeights weights, HybridItem item, String excludedBecause,
                                String luceneExplanation) {}
