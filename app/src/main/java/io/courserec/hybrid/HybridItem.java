package io.courserec.hybrid;

import io.courserec.rec.Evidence;
import java.util.List;
import java.util.Map;

/**
 * One course ranked by the hybrid.
 *
 * @param values normalised value of each signal in the blend, in [0,1]
 * @param contributions weight x value per signal; they sum to {@code score}
 * @param confidences evidence strength per signal in [0,1] (see {@link ConfidenceModel})
 * @param confidence the calibrated probability that the course is relevant
 * @param evidence human reasons, largest contribution first (empty unless asked for)
 */
public record HybridItem(String courseId, int ordinal, int doc, double score, Map<Signal, Double> values,
                         Map<Signal, Double> contributions, Map<Signal, Double> confidences, double rawConfidence,
                         double confidence, List<Evidence> evidence) {

  /** Each signal's share of the score (contributions divided by the score; empty when the score is 0). */
  public Map<String, Double> shares() {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    if (score <= 0) return m;
    contributions.forEach((s, c) -> m.put(s.code(), c / score));
    return m;
  }
}
