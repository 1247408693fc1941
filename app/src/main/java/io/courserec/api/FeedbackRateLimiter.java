package io.courserec.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-learner token buckets for {@code POST /feedback}: each learner's bucket holds at most {@code burst} tokens and
 * refills at {@code ratePerMinute} tokens per minute; an event costs one token. A request whose events for some
 * learner exceed that learner's tokens is refused as a whole (429, nothing stored) and told how long until enough
 * tokens are back: {@code ceil((needed - available) / rate)} seconds.
 *
 * <pre>
 * tokens(t) = min(burst, tokens(t0) + (t - t0) * ratePerMinute / 60 s)
 * </pre>
 * Buckets of learners idle for longer than a full refill are forgotten (they would be full anyway), so memory
 * follows the active learners. A rate of 0 turns limiting off.
 */
final class FeedbackRateLimiter {
  /** A bucket: tokens at {@code atNanos}. Immutable; replaced on every take. */
  private record Bucket(double tokens, long atNanos) {}

  private final double perNano;
  private final int burst;
  private final LongSupplier clock;
  private final Cache<String, Bucket> buckets;

  FeedbackRateLimiter(int ratePerMinute, int burst, LongSupplier nanoClock) {
    this.perNano = ratePerMinute / 60e9;
    this.burst = burst;
    this.clock = nanoClock;
    long refillNanos = ratePerMinute == 0 ? 0 : (long) Math.ceil(burst / perNano);
    this.buckets = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofNanos(Math.max(1, refillNanos)))
        .ticker(nanoClock::getAsLong)
        .build();
  }

  /**
   * Takes {@code cost.get(user)} tokens from every learner's bucket, all or none.
   *
   * @return 0 when taken, else the seconds (&ge; 1) after which the whole request would fit
   */
  synchronized long take(Map<String, Integer> cost) {
    if (perNano == 0) return 0;
    long now = clock.getAsLong();
    double waitNanos = 0;
    for (Map.Entry<String, Integer> c : cost.entrySet()) {
      double available = available(c.getKey(), now);
      if (c.getValue() > burst) return Long.MAX_VALUE; // can never fit; the caller reports the burst
      if (available < c.getValue()) waitNanos = Math.max(waitNanos, (c.getValue() - available) / perNano);
    }
    if (waitNanos > 0) return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    for (Map.Entry<String, Integer> c : cost.entrySet()) {
      buckets.put(c.getKey(), new Bucket(available(c.getKey(), now) - c.getValue(), now));
    }
    return 0;
  }

  /** The burst: the most events one learner may send in one request. */
  int burst() { return burst; }

  private double available(String user, long now) {
    Bucket b = buckets.getIfPresent(user);
    if (b == null) return burst;
    return Math.min(burst, b.tokens() + (now - b.atNanos()) * perNano);
  }
}
