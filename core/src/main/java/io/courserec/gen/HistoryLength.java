package io.courserec.gen;

/**
 * How many courses a warm learner considers (picks): log-normal with σ {@code sigma} and mean m = events-per-user /
 * events-per-pick, i.e. exp(ln m − σ²/2 + σ N(0,1)), rounded, at least 2 and at most 400; then, with probability
 * {@code heavyShare}, multiplied by {@code heavyFactor} (m is divided by 1 + heavyShare (heavyFactor − 1) first, so
 * the overall mean stays the target) (a few heavy learners, as real logs have: a log-normal alone
 * cannot have the real enrolment log's mean 13 together with its p90 23 at median 8). For a log-normal,
 * mean / median = exp(σ² / 2) and p90 / median = exp(1.28 σ).
 *
 * @param sigma σ of the log-normal
 * @param heavyShare share of warm learners whose picks are multiplied; 0 draws no random number for it
 * @param heavyFactor the multiplier
 */
public record HistoryLength(double sigma, double heavyShare, double heavyFactor) {
  /** The calibrated default: σ 0.8, no heavy learners. */
  public static HistoryLength standard() {
    return new HistoryLength(0.8, 0, 1);
  }
}
