package io.courserec.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of recommendation confidence (Recommendation.confidence) against held-out relevance. A confidence c
 * in [0, 1] is calibrated when, among recommendations given confidence about c, a share of about c turns out
 * relevant. With B equal-width bins, recommendation j falls in bin b = min(floor(c_j B), B - 1); for each bin,
 * n_b = its size, conf_b = mean confidence, acc_b = share relevant. Expected calibration error
 * ECE = &Sigma;_b (n_b / N) |acc_b - conf_b| (Naeini, Cooper &amp; Hauskrecht, AAAI 2015; Guo et al., ICML 2017),
 * maximum calibration error MCE = max_b |acc_b - conf_b|, both over non-empty bins; N = scored recommendations.
 * NaN confidences mean "no estimate" and are counted as absent; any other value outside [0, 1] is rejected.
 */
public final class Calibration {
  private Calibration() {}

  /**
   * Builds the reliability table.
   *
   * @param confidence per recommendation, NaN when absent
   * @param relevant per recommendation, whether it was a held-out relevant course
   * @param bins number of equal-width bins, &ge; 1
   */
  public static ReliabilityTable reliability(double[] confidence, boolean[] relevant, int bins) {
    if (confidence.length != relevant.length) {
      throw new IllegalArgumentException("confidence and relevance lengths differ: " + confidence.length
          + " vs " + relevant.length);
    }
    if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    int[] count = new int[bins];
    int[] hits = new int[bins];
    double[] sumConf = new double[bins];
    int absent = 0;
    for (int j = 0; j < confidence.length; j++) {
      double c = confidence[j];
      if (Double.isNaN(c)) {
        absent++;
        continue;
      }
      if (c < 0 || c > 1) throw new IllegalArgumentException("confidence must be in [0, 1], got " + c + " at " + j);
      int b = Math.min((int) (c * bins), bins - 1);
      count[b]++;
      sumConf[b] += c;
      if (relevant[j]) hits[b]++;
    }
    int scored = confidence.length - absent;
    List<ReliabilityTable.Bin> rows = new ArrayList<>(bins);
    double ece = 0;
    double mce = 0;
    int allHits = 0;
    for (int b = 0; b < bins; b++) {
      allHits += hits[b];
      double lower = b / (double) bins;
      double upper = (b + 1) / (double) bins;
      if (count[b] == 0) {
        rows.add(new ReliabilityTable.Bin(lower, upper, 0, Double.NaN, Double.NaN));
        continue;
      }
      double conf = sumConf[b] / count[b];
      double acc = hits[b] / (double) count[b];
      rows.add(new ReliabilityTable.Bin(lower, upper, count[b], conf, acc));
      ece += count[b] / (double) scored * Math.abs(acc - conf);
      mce = Math.max(mce, Math.abs(acc - conf));
    }
    if (scored == 0) return new ReliabilityTable(rows, 0, absent, Double.NaN, Double.NaN, Double.NaN);
    return new ReliabilityTable(rows, scored, absent, allHits / (double) scored, ece, mce);
  }
}
