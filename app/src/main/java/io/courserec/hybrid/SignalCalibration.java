package io.courserec.hybrid;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A calibrated confidence for each signal alone, which is also each single algorithm's (a signal alone ranks as its
 * algorithm: {@link Signal#algorithm()}): the probability that a course is relevant given that the signal
 * recommends it with normalised value {@code v} to a learner of a given segment,
 *
 * <pre>  P_s(relevant | v, segment, h) = sigma(b0 + b1 v + b2 [cold] + b3 [warm] + b4 log(1 + h))</pre>
 *
 * with h the learner's positive courses. The history length is there because calibration fits on an inner split
 * whose held-out course is each learner's second-to-last, while serving predicts the next after the last: on the
 * sample, next-course hit rates of the popularity and recency signals fall with longer histories, and calibrators
 * fitted without h over-predicted them by 26-35 % on the outer test ({@code SignalConfidenceIT}). Models saved
 * with the three-feature form are read and served with it.
 *
 * one {@link ConfidenceCalibrator} per signal, fitted on held-out outcomes of the signal's own top-10 lists
 * ({@link CalibrationFit}). The value is the hybrid's normalised signal value, known in one pass for every scored
 * course, so {@code /recommend} can show each signal's confidence beside the ensemble's, and the ensemble's
 * calibration can be built from them. No rank feature: a course's rank within one signal is not known when the
 * blend scores it. A signal without enough outcomes (never available, or no relevant course among its lists) has
 * no calibrator and no confidence ({@link Double#NaN}).
 */
public final class SignalCalibration {
  private static final SignalCalibration NONE = new SignalCalibration(Map.of());
  private final Map<Signal, ConfidenceCalibrator> bySignal;

  private SignalCalibration(Map<Signal, ConfidenceCalibrator> bySignal) {
    this.bySignal = bySignal.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(bySignal));
  }

  /** No signal calibrated (a model saved before per-signal calibration, or calibration off). */
  public static SignalCalibration none() {
    return NONE;
  }

  static SignalCalibration of(Map<Signal, ConfidenceCalibrator> bySignal) {
    return new SignalCalibration(bySignal);
  }

  /** The calibrator's features: the value, the segment indicators (rich is the base case) and log(1 + positives). */
  static double[] features(double value, UserSegment segment, int positives) {
    return new double[] {value, segment == UserSegment.COLD ? 1 : 0, segment == UserSegment.WARM ? 1 : 0,
        Math.log1p(Math.max(0, positives))};
  }

  /** Features of the form before the history length (3), for calibrators saved then. */
  private static final int OLD_FEATURES = 3;

  /** Whether {@code s} has a calibrator. */
  public boolean has(Signal s) {
    return bySignal.containsKey(s);
  }

  /** P_s(relevant | value, segment, positives), or NaN when the signal has no calibrator. */
  public double probability(Signal s, double value, UserSegment segment, int positives) {
    ConfidenceCalibrator c = bySignal.get(s);
    if (c == null) return Double.NaN;
    double[] f = features(value, segment, positives);
    if (c.features() == OLD_FEATURES) f = java.util.Arrays.copyOf(f, OLD_FEATURES);
    return c.probability(f);
  }

  /**
   * The ensemble's view of its parts: the mean of the signals' confidences weighted by their contributions to the
   * score ({@code w_s v_s}); 0 when no contributing signal is calibrated.
   */
  double weightedMean(Map<Signal, Double> values, Map<Signal, Double> contributions, UserSegment segment, int positives) {
    double num = 0;
    double den = 0;
    for (Map.Entry<Signal, Double> e : contributions.entrySet()) {
      double c = e.getValue();
      if (c <= 0 || !has(e.getKey())) continue;
      num += c * probability(e.getKey(), values.getOrDefault(e.getKey(), 0.0), segment, positives);
      den += c;
    }
    return den == 0 ? 0 : num / den;
  }

  /** Coefficients by signal code, for saving; {@link #fromCoefficients} reads them back. */
  Map<String, double[]> coefficients() {
    Map<String, double[]> m = new LinkedHashMap<>();
    bySignal.forEach((s, c) -> m.put(s.code(), c.coefficients()));
    return m;
  }

  /** Outcomes each calibrator was fitted on, by signal code. */
  Map<String, Integer> fittedOn() {
    Map<String, Integer> m = new LinkedHashMap<>();
    bySignal.forEach((s, c) -> m.put(s.code(), c.fittedOn()));
    return m;
  }

  /** The inverse of {@link #coefficients()}; unknown signal codes or wrongly sized rows are skipped. */
  static SignalCalibration fromCoefficients(Map<String, double[]> coefficients, Map<String, Integer> fittedOn) {
    if (coefficients == null || coefficients.isEmpty()) return none();
    Map<Signal, ConfidenceCalibrator> m = new EnumMap<>(Signal.class);
    int width = features(0, UserSegment.RICH, 0).length + 1;
    for (Signal s : Signal.values()) {
      double[] b = coefficients.get(s.code());
      if (b != null && (b.length == width || b.length == OLD_FEATURES + 1)) {
        m.put(s, ConfidenceCalibrator.ofCoefficients(b, fittedOn == null ? 0 : fittedOn.getOrDefault(s.code(), 0)));
      }
    }
    return of(m);
  }
}
