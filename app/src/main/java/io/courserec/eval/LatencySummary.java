package io.courserec.eval;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Per-learner ranking latency in milliseconds. The mean is exact; percentiles come from an HdrHistogram with three
 * significant digits (relative error &le; 0.1 %).
 *
 * @param count measured calls
 * @param meanMs mean
 * @param p50Ms median
 * @param p99Ms 99th percentile
 * @param maxMs slowest call
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p99Ms, double maxMs) {
  private static final double NANOS_PER_MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** Summarises call durations given in nanoseconds. */
  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    Histogram h = new Histogram(3);
    long sum = 0;
    for (long n : nanos) {
      long v = Math.max(1, n);
      h.recordValue(v);
      sum += v;
    }
    return new LatencySummary(nanos.length, sum / (double) nanos.length / NANOS_PER_MS,
        h.getValueAtPercentile(50) / NANOS_PER_MS, h.getValueAtPercentile(99) / NANOS_PER_MS,
        h.getMaxValue() / NANOS_PER_MS);
  }
}
