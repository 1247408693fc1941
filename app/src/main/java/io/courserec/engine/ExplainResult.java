package io.courserec.engine;

import io.courserec.rec.Evidence;
import java.util.List;
import java.util.Map;

/**
 * Why a course ranked where it did.
 *
 * @param rank 1-based rank among all eligible courses, or -1 when the course is excluded (with {@code excludedBecause})
 * @param signals per signal: normalised value, weight and contribution (weight x value)
 * @param summary one readable sentence
 */
public record ExplainResult(String userId, String courseId, String title, int rank, double score, double confidence,
                            String segment, Map<String, SignalPart> signals, List<Evidence> evidence,
                            String excludedBecause, String summary) {
  /** One signal's part of the blended score. */
  public record SignalPart(double value, double weight, double contribution, double confidence) {}
}
