package io.courserec.eval;

import java.util.List;

/**
 * A reliability table: recommendations grouped by their confidence, with how often each group was relevant.
 * Built by {@link Calibration#reliability}.
 *
 * @param bins the equal-width bins over [0, 1], lowest first (empty bins have count 0 and NaN means)
 * @param scored recommendations with a confidence (NaN confidences are not scored)
 * @param absent recommendations whose confidence was NaN
 * @param baseRate share of the scored recommendations that were relevant (NaN when none was scored)
 * @param expectedCalibrationError ECE = &Sigma;_b (n_b / N) |observed_b - meanConfidence_b| over non-empty bins
 * @param maxCalibrationError MCE = max_b |observed_b - meanConfidence_b| over non-empty bins
 */
public record ReliabilityTable(List<Bin> bins, int scored, int absent, double baseRate,
                               double expectedCalibrationError, double maxCalibrationError) {
  public ReliabilityTable {
    bins = List.copyOf(bins);
  }

  /**
   * One confidence bin [lower, upper) (the last one includes 1).
   *
   * @param lower bin start
   * @param upper bin end
   * @param count recommendations whose confidence falls in the bin
   * @param meanConfidence their mean confidence (NaN when empty)
   * @param observedRate share of them that were relevant (NaN when empty)
   */
  public record Bin(double lower, double upper, int count, double meanConfidence, double observedRate) {}
}
