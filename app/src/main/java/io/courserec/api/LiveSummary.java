package io.courserec.api;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operator page's live figures ({@code GET /admin/summary}), read from the same meters as {@code /metrics}, so
 * a browser need not parse Prometheus text. Counts are totals since the process started; a rate is the difference
 * of two summaries over the difference of their {@code at}.
 *
 * @param at when the figures were read
 * @param uptimeSeconds seconds since the server started
 * @param requests requests answered, all routes
 * @param routes per route template (method and path, over all statuses), busiest first
 * @param cache recommendation cache lookups since start
 * @param feedbackReceived events received by this process, by event type then outcome (accepted, duplicate)
 * @param feedbackStored events in the store, by event type (the engine status's snapshot)
 * @param modelVersion the serving model version, null before one is loaded
 * @param modelAgeSeconds seconds since that version was created, null before one is loaded
 */
record LiveSummary(Instant at, double uptimeSeconds, long requests, List<Route> routes, Cache cache,
                   Map<String, Map<String, Long>> feedbackReceived, Map<String, Long> feedbackStored,
                   String modelVersion, Double modelAgeSeconds) {

  /**
   * Latency of one route, estimated from the histogram buckets like Prometheus' {@code histogram_quantile} (linear
   * within the bucket holding the quantile, so at most one bucket's width off; buckets are about 10 % apart in the
   * millisecond range); {@code maxMs} is the largest recent value (Micrometer's decaying maximum).
   *
   * @param errors answers with a 5xx status
   */
  record Route(String route, long count, long errors, double p50Ms, double p99Ms, double maxMs) {}

  /** Recommendation cache lookups; {@code hitRatio} is hits / lookups, 0 before any lookup. */
  record Cache(long hits, long misses, double hitRatio, long entries, long bytes) {}

  /**
   * The {@code q}-quantile of a histogram given as cumulative counts per upper bound (ascending bounds; the count
   * of values at or below each bound), interpolated linearly inside the bucket that holds it, from the bucket's
   * lower bound (0 for the first). Values above the last bound are reported as the last bound. NaN for an empty
   * histogram.
   */
  static double quantile(double[] upperBounds, double[] cumulative, long total, double q) {
    if (total <= 0 || upperBounds.length == 0) return Double.NaN;
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (int i = 0; i < upperBounds.length; i++) {
      if (cumulative[i] >= rank) {
        double inBucket = cumulative[i] - below;
        double share = inBucket <= 0 ? 1 : (rank - below) / inBucket;
        return lower + (upperBounds[i] - lower) * share;
      }
      lower = upperBounds[i];
      below = cumulative[i];
    }
    return upperBounds[upperBounds.length - 1];
  }

  /** Bounds in milliseconds and cumulative counts of Micrometer buckets (bounds in nanoseconds). */
  static double quantileMs(CountAtBucket[] buckets, long total, double q) {
    double[] bounds = new double[buckets.length];
    double[] counts = new double[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      bounds[i] = buckets[i].bucket() / 1e6;
      counts[i] = buckets[i].count();
    }
    return quantile(bounds, counts, total, q);
  }
}
