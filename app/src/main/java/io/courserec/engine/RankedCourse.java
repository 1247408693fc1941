package io.courserec.engine;

import io.courserec.rec.Evidence;
import java.util.List;
import java.util.Map;

/**
 * One course in a ranked answer.
 *
 * @param rank 1-based position in the full list (offset included)
 * @param signals share of the score per signal (content, itemcf, usercf, mf, prior), summing to 1; empty when the
 *     algorithm is a single one
 * @param signalConfidences each signal's own calibrated confidence for the course (the probability that the signal
 *     alone is right about it), beside the ensemble's {@code confidence}; for the hybrid every signal with a value
 *     for the course, for a single algorithm its one signal; empty when not calibrated
 * @param prerequisitesMet whether the learner has taken every prerequisite of the course (null when not checked:
 *     similar courses, anonymous search)
 * @param takeFirst where not, the course to take first (an untaken prerequisite whose own prerequisites are met,
 *     following the strongest edges); null otherwise
 */
public record RankedCourse(int rank, String courseId, String title, String level, String subject, double score,
                           double confidence, Map<String, Double> signals, Map<String, Double> signalConfidences,
                           List<Evidence> evidence, Boolean prerequisitesMet, String takeFirst) {
  /** A course whose prerequisites are not checked. */
  public RankedCourse(int rank, String courseId, String title, String level, String subject, double score,
                      double confidence, Map<String, Double> signals, Map<String, Double> signalConfidences,
                      List<Evidence> evidence) {
    this(rank, courseId, title, level, subject, score, confidence, signals, signalConfidences, evidence, null, null);
  }

  /** A course whose prerequisites are not checked, without per-signal confidences. */
  public RankedCourse(int rank, String courseId, String title, String level, String subject, double score,
                      double confidence, Map<String, Double> signals, List<Evidence> evidence) {
    this(rank, courseId, title, level, subject, score, confidence, signals, Map.of(), evidence, null, null);
  }

  /** The same course marked with the learner's prerequisite status. */
  public RankedCourse withPrerequisites(boolean met, String first) {
    return new RankedCourse(rank, courseId, title, level, subject, score, confidence, signals, signalConfidences,
        evidence, met, first);
  }
}
