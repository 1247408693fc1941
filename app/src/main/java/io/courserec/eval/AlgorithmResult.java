package io.courserec.eval;

import io.courserec.hybrid.UserSegment;

/**
 * One algorithm evaluated on one split.
 *
 * @param algorithm the algorithm's label
 * @param split the split's name
 * @param k the cut-off
 * @param testUsers learners evaluated
 * @param servedUsers learners for whom the algorithm returned a list (the others raised
 *     {@link io.courserec.rec.UnknownEntityException} or returned nothing, and count with zeros)
 * @param contractViolations recommended courses the learner had taken or dismissed in training (must be 0)
 * @param metrics the metric values
 * @param trainSeconds wall time of {@code train} on the training part (0 when a trained model was given)
 * @param ranking per-learner ranking latency (one {@code recommend} call over the whole catalog)
 * @param calibration reliability of the algorithm's confidence values; null when it gave none
 * @param perUserNdcg NDCG@k of each test learner, in the split's test-learner order (the same for every algorithm
 *     of a split), for paired comparisons; not written to the JSON report
 * @param perUserSegment each test learner's hybrid segment in the same order (the same for every algorithm of a
 *     split), for the paired comparison per segment; not written to the JSON report
 */
public record AlgorithmResult(String algorithm, String split, int k, int testUsers, int servedUsers,
                              long contractViolations, MetricSummary metrics, double trainSeconds,
                              LatencySummary ranking, ReliabilityTable calibration,
                              @com.fasterxml.jackson.annotation.JsonIgnore double[] perUserNdcg,
                              @com.fasterxml.jackson.annotation.JsonIgnore UserSegment[] perUserSegment) {
  public AlgorithmResult {
    perUserNdcg = perUserNdcg == null ? new double[0] : perUserNdcg;
    perUserSegment = perUserSegment == null ? new UserSegment[0] : perUserSegment;
  }
}
