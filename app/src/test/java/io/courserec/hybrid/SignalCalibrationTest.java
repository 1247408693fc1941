package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-signal confidences: the formula, the ensemble's weighted mean, and saving them with the hybrid. */
class SignalCalibrationTest {
  @TempDir Path tmp;

  private static SignalCalibration twoSignals() {
    Map<Signal, ConfidenceCalibrator> m = new EnumMap<>(Signal.class);
    // P = sigma(b0 + b1 v + b2 cold + b3 warm)
    m.put(Signal.ITEMCF, ConfidenceCalibrator.ofCoefficients(new double[] {-3, 2, -1, 0.5}, 100));
    m.put(Signal.MF, ConfidenceCalibrator.ofCoefficients(new double[] {-2, 1, 0, 0}, 80));
    return SignalCalibration.of(m);
  }

  private static double sigma(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void theHistoryLengthEntersAsLogOnePlusPositives() {
    Map<Signal, ConfidenceCalibrator> m = new EnumMap<>(Signal.class);
    // P = sigma(b0 + b1 v + b2 cold + b3 warm + b4 log(1 + h))
    m.put(Signal.PRIOR, ConfidenceCalibrator.ofCoefficients(new double[] {-3, 2, -1, 0.5, -0.4}, 100));
    SignalCalibration c = SignalCalibration.of(m);
    assertThat(c.probability(Signal.PRIOR, 0.5, UserSegment.RICH, 9)).isCloseTo(sigma(-3 + 1 - 0.4 * Math.log(10)), within(1e-12));
    assertThat(c.probability(Signal.PRIOR, 0.5, UserSegment.WARM, 0)).isCloseTo(sigma(-3 + 1 + 0.5), within(1e-12));
    // round trip of the five-coefficient form
    SignalCalibration back = SignalCalibration.fromCoefficients(c.coefficients(), Map.of("prior", 100));
    assertThat(back.probability(Signal.PRIOR, 0.3, UserSegment.COLD, 2)).isEqualTo(c.probability(Signal.PRIOR, 0.3, UserSegment.COLD, 2));
  }

  /** Calibrators saved before the history feature (four coefficients) are served with their own three features. */
  @Test
  void probabilityFollowsTheLogisticFormulaAndIsNaNForAnUncalibratedSignal() {
    SignalCalibration c = twoSignals();
    assertThat(c.probability(Signal.ITEMCF, 0.5, UserSegment.RICH, 7)).isCloseTo(sigma(-3 + 1), within(1e-12));
    assertThat(c.probability(Signal.ITEMCF, 0.5, UserSegment.COLD, 7)).isCloseTo(sigma(-3 + 1 - 1), within(1e-12));
    assertThat(c.probability(Signal.ITEMCF, 0.5, UserSegment.WARM, 7)).isCloseTo(sigma(-3 + 1 + 0.5), within(1e-12));
    assertThat(c.probability(Signal.CONTENT, 0.5, UserSegment.RICH, 7)).isNaN();
    assertThat(c.has(Signal.CONTENT)).isFalse();
    assertThat(SignalCalibration.none().probability(Signal.MF, 1, UserSegment.RICH, 7)).isNaN();
  }

  @Test
  void theEnsemblesFeatureIsTheContributionWeightedMeanOfCalibratedSignals() {
    SignalCalibration c = twoSignals();
    Map<Signal, Double> values = Map.of(Signal.ITEMCF, 1.0, Signal.MF, 0.5, Signal.CONTENT, 0.9, Signal.PRIOR, 0.0);
    // contributions w_s v_s: content has no calibrator, the prior contributes nothing: both left out
    Map<Signal, Double> contributions = Map.of(Signal.ITEMCF, 0.3, Signal.MF, 0.1, Signal.CONTENT, 0.27, Signal.PRIOR, 0.0);
    double itemcf = sigma(-3 + 2);
    double mf = sigma(-2 + 0.5);
    assertThat(c.weightedMean(values, contributions, UserSegment.RICH, 7)).isCloseTo((0.3 * itemcf + 0.1 * mf) / 0.4, within(1e-12));
    assertThat(c.weightedMean(values, Map.of(Signal.CONTENT, 1.0), UserSegment.RICH, 7)).isZero();
  }

  @Test
  void savedWithTheHybridAndReadBackOlderFilesReadAsNone() throws Exception {
    SignalCalibration c = twoSignals();
    HybridFiles.writeCalibrator(tmp, ConfidenceCalibrator.identity(), c, "v1");
    SignalCalibration back = HybridFiles.readCalibrator(tmp).signals();
    for (Signal s : Signal.values()) {
      assertThat(back.has(s)).as(s.code()).isEqualTo(c.has(s));
      if (c.has(s)) {
        assertThat(back.probability(s, 0.7, UserSegment.WARM, 7)).isEqualTo(c.probability(s, 0.7, UserSegment.WARM, 7));
      }
    }
    assertThat(back.fittedOn()).containsEntry("itemcf", 100).containsEntry("mf", 80);
    // a hybrid.json written before per-signal calibration
    java.nio.file.Files.writeString(tmp.resolve(HybridFiles.FILE), "{\"modelVersion\":\"v0\",\"calibration\":[],\"calibratedOn\":0}");
    assertThat(HybridFiles.readCalibrator(tmp).signals().has(Signal.ITEMCF)).isFalse();
  }

  @Test
  void everySignalNamesTheAlgorithmItRanksAsAndBack() {
    for (Signal s : Signal.values()) {
      assertThat(Signal.ofAlgorithm(s.algorithm())).isEqualTo(s);
      assertThat(s.evidenceSource().code()).isEqualTo(s.code());
    }
    assertThat(Signal.ofAlgorithm("hybrid")).isNull();
    // every single algorithm but cbr (whose reasons are content's) names its reasons by its registry name
    for (String name : Recommenders.NAMES) {
      if (!name.equals("hybrid") && !name.equals("cbr")) assertThat(io.courserec.rec.EvidenceSource.of(name).code()).isEqualTo(name);
    }
  }
}
