package io.courserec.tuning;

import java.util.List;

/**
 * The tuning budget. A parameter trial may start when the time left, minus what is kept back for the blend search,
 * covers the mean duration of the trials of the same search so far (a search never starts a trial it cannot
 * finish in time, as far as its past trials tell).
 */
final class Deadline {
  private final long endNanos;
  private final long reserveNanos;

  Deadline(long budgetSeconds, double reserveShare) {
    long budget = budgetSeconds * 1_000_000_000L;
    this.endNanos = System.nanoTime() + budget;
    this.reserveNanos = (long) (budget * reserveShare);
  }

  long leftMillis() { return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000); }

  /** Whether a further parameter trial fits before the blend search's reserve. */
  boolean allowsAnother(List<ParameterSearch.Trial> done) {
    double mean = done.stream().mapToLong(ParameterSearch.Trial::millis).average().orElse(0) * 1_000_000;
    return System.nanoTime() + mean <= endNanos - reserveNanos;
  }

  /** Whether anything optional may still start (the blend search itself always runs). */
  boolean hasTime() { return System.nanoTime() < endNanos; }
}
