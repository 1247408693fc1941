package io.courserec.rec;

import java.util.List;

/**
 * One ranked course.
 *
 * @param courseId the course
 * @param score the algorithm's score (higher is better; only comparable within one list)
 * @param confidence in [0,1]; NaN when the algorithm does not estimate one
 * @param evidence reasons, largest contribution first; empty unless explanation was requested
 */
public record Recommendation(String courseId, double score, double confidence, List<Evidence> evidence) {
  public Recommendation {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  public static Recommendation of(String courseId, double score) {
    return new Recommendation(courseId, score, Double.NaN, List.of());
  }
}
