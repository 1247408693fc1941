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
 */
public record RankedCourse(int rank, String courseId, String title, String level, String subject, double score,
                           double confidence, Map<String, Double> signals, List<Evidence> evidence) {}
