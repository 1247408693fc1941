package io.courserec.hybrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The hybrid's own small files next to its components' models: {@code hybrid.json} (version and calibration). */
final class HybridFiles {
  static final String FILE = "hybrid.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HybridFiles() {}

  /**
   * @param signalCalibration per-signal coefficients by signal code ({@link SignalCalibration}); absent in files
   *     written before per-signal calibration (read as none)
   */
  record Saved(String modelVersion, double[] calibration, int calibratedOn, Map<String, double[]> signalCalibration,
               Map<String, Integer> signalCalibratedOn) {
    ConfidenceCalibrator calibrator() {
      return calibration == null || calibration.length == 0 ? ConfidenceCalibrator.identity()
          : ConfidenceCalibrator.ofCoefficients(calibration, calibratedOn);
    }

    SignalCalibration signals() {
      return SignalCalibration.fromCoefficients(signalCalibration, signalCalibratedOn);
    }
  }

  static void writeCalibrator(Path dir, ConfidenceCalibrator c, SignalCalibration signals, String version) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(),
        new Saved(version, c.coefficients(), c.fittedOn(), signals.coefficients(), signals.fittedOn()));
  }

  static Saved readCalibrator(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) throw new IOException("no hybrid model in " + dir + " (" + FILE + " missing)");
    return JSON.readValue(f.toFile(), Saved.class);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    }
  }
}
