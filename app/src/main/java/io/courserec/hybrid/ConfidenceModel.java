package io.courserec.hybrid;

import java.util.EnumMap;
import java.util.Map;

/**
 * Evidence strength of each signal's contribution, in [0,1], multiplied by the signal's normalised value:
 *
 * <ul>
 *   <li>content: {@code 1 - exp(-sources/3)} (profile richness: goals, interests and history courses behind it);
 *   <li>item-CF: {@code 1 - exp(-n/2)}, n = the course's neighbours found in the learner's history;
 *   <li>user-CF: {@code 1 - exp(-m/3)}, m = similar learners with positive feedback on the course;
 *   <li>MF: {@code h / (h + 5)}, h = positive history courses the learner's factors rest on;
 *   <li>prior: 0.5 (popularity says little about one learner).
 * </ul>
 *
 * The raw ensemble confidence is {@code sum_s w_s * value_s * strength_s} (in [0, score]); it is then calibrated
 * into a probability of relevance by {@link ConfidenceCalibrator} on held-out data.
 */
final class ConfidenceModel {
  private ConfidenceModel() {}

  static Map<Signal, Double> strengths(UserContext ctx, int ordinal, int itemCfSupport) {
    Map<Signal, Double> m = new EnumMap<>(Signal.class);
    m.put(Signal.CONTENT, 1 - Math.exp(-ctx.profileSources() / 3.0));
    m.put(Signal.ITEMCF, 1 - Math.exp(-itemCfSupport / 2.0));
    int users = ctx.userCfSupport() == null || ordinal < 0 || ordinal >= ctx.userCfSupport().length ? 0 : ctx.userCfSupport()[ordinal];
    m.put(Signal.USERCF, 1 - Math.exp(-users / 3.0));
    double h = ctx.positiveCourses();
    m.put(Signal.MF, h / (h + 5));
    m.put(Signal.PRIOR, 0.5);
    // neighbour-list signals rest on the learner's history like MF does
    for (Signal s : Signal.values()) if (s.neighbourList()) m.put(s, h / (h + 5));
    return m;
  }

  static double raw(Map<Signal, Double> contributions, Map<Signal, Double> strengths) {
    double s = 0;
    for (Map.Entry<Signal, Double> e : contributions.entrySet()) s += e.getValue() * strengths.getOrDefault(e.getKey(), 0.0);
    return s;
  }

  /**
   * Features the ensemble's calibrator sees: the blended score, the raw confidence, the contribution-weighted mean
   * of the signals' own calibrated confidences ({@link SignalCalibration#weightedMean}: the ensemble's confidence
   * is built from its parts'), 1/log2(rank + 1), and indicators of the cold and warm segments (the base rate of
   * relevance differs by how much is known about the learner). Six features: a calibrator saved with the five of
   * older versions no longer matches and falls back to the raw confidence until the next training.
   */
  static double[] features(double score, double raw, double signalsMean, int rank, UserSegment segment) {
    return new double[] {score, raw, signalsMean, 1.0 / (Math.log(rank + 1.0) / Math.log(2)),
        segment == UserSegment.COLD ? 1 : 0, segment == UserSegment.WARM ? 1 : 0};
  }
}
