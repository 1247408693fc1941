package io.courserec.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.courserec.engine.RecommendQuery;
import io.courserec.engine.RecommendResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Cached recommendation responses keyed by (query, model version); a query holds the user and every parameter.
 *
 * <p>Layout: one Caffeine entry per user holding that user's small immutable map of responses, so that
 * "invalidate this user" (on feedback) is one O(1) removal. The Caffeine weight of a user entry is the estimated
 * heap bytes of its responses ({@link ResponseSize}), so {@code server.cache.max_bytes} bounds memory whatever k,
 * explanations and title lengths the requests ask for (the former bound, {@code server.cache.max_entries}, counted
 * responses: 100,000 answers of up to 100 explained items each could take gigabytes). A user keeps at most
 * {@value #MAX_PER_USER} responses (oldest dropped). Every response also carries its write time and is a miss
 * once older than {@code server.cache.ttl_seconds}, even if the user's entry was refreshed by a later write.
 *
 * <p>Race with feedback: a request that computed its answer before a feedback event must not store it after the
 * feedback invalidated the user. Each user hashes to one of {@value #STRIPES} counters; feedback bumps the
 * counter, then removes the entry. A request reads the counter ({@link #ticket}) before asking the engine and
 * stores only if the counter is unchanged, checked atomically with the write. Two users sharing a counter only
 * cost a skipped write.
 */
public final class RecommendationCache {
  static final int MAX_PER_USER = 64;
  private static final int STRIPES = 1024;

  /** One cached response: the query, the model version it was computed under, and when. */
  private record Stored(RecommendResult result, long writtenNanos, long bytes) {}

  /** Cache key within a user: the full query and the model version. */
  private record Key(RecommendQuery query, String modelVersion) {}

  private final Cache<String, Map<Key, Stored>> byUser;
  private final AtomicLongArray epochs = new AtomicLongArray(STRIPES);
  private final long ttlNanos;
  private final LongSupplier clock;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final boolean enabled;

  /**
   * @param maxBytes most estimated bytes of responses kept; 0 turns caching off (every lookup misses, nothing is
   *     stored)
   * @param ttl lifetime of a response
   * @param clock nanosecond clock (System::nanoTime; tests pass a fake)
   */
  RecommendationCache(long maxBytes, Duration ttl, LongSupplier clock) {
    this.enabled = maxBytes > 0;
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
    this.byUser = Caffeine.newBuilder()
        .maximumWeight(Math.max(1, maxBytes))
        .<String, Map<Key, Stored>>weigher((user, responses) -> weight(responses))
        .expireAfterWrite(ttl)
        .ticker(clock::getAsLong)
        .build();
  }

  /** The cached response, or null; counts a hit or a miss. */
  RecommendResult get(RecommendQuery query, String modelVersion) {
    Map<Key, Stored> responses = enabled ? byUser.getIfPresent(query.userId()) : null;
    Stored s = responses == null ? null : responses.get(new Key(query, modelVersion));
    if (s == null || clock.getAsLong() - s.writtenNanos() > ttlNanos) {
      misses.increment();
      return null;
    }
    hits.increment();
    return s.result();
  }

  /** Read before computing a response; pass to {@link #put}. */
  long ticket(String userId) {
    return epochs.get(stripe(userId));
  }

  /** Stores a response unless feedback for this user (or a stripe-mate) arrived since {@code ticket}. */
  void put(RecommendQuery query, String modelVersion, RecommendResult result, long ticket) {
    if (!enabled) return;
    String user = query.userId();
    long now = clock.getAsLong();
    byUser.asMap().compute(user, (u, old) -> {
      if (epochs.get(stripe(u)) != ticket) return old;
      Map<Key, Stored> next = new HashMap<>();
      if (old != null) {
        old.forEach((k, v) -> { if (now - v.writtenNanos() <= ttlNanos) next.put(k, v); });
        while (next.size() >= MAX_PER_USER) next.remove(oldest(next));
      }
      next.put(new Key(query, modelVersion), new Stored(result, now, ResponseSize.of(query, result)));
      return Map.copyOf(next);
    });
  }

  /** Drops every response of this user; call after their feedback is durable. */
  void invalidateUser(String userId) {
    byUser.asMap().compute(userId, (u, old) -> {
      epochs.incrementAndGet(stripe(u));
      return null;
    });
  }

  /** Drops everything (model swap). */
  void invalidateAll() {
    byUser.invalidateAll();
  }

  long hits() { return hits.sum(); }
  long misses() { return misses.sum(); }

  /** Responses currently held, after pending maintenance. */
  long entries() {
    byUser.cleanUp();
    long n = 0;
    for (Map<Key, Stored> m : byUser.asMap().values()) n += m.size();
    return n;
  }

  /** Estimated bytes currently held (sum of the user entries' weights, after pending maintenance). */
  long bytes() {
    byUser.cleanUp();
    return byUser.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  private static int weight(Map<Key, Stored> responses) {
    long n = 0;
    for (Stored s : responses.values()) n += s.bytes();
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  /** Hits / (hits + misses) since start; NaN before the first lookup. */
  double hitRatio() {
    long h = hits(), m = misses();
    return h + m == 0 ? Double.NaN : (double) h / (h + m);
  }

  private static Key oldest(Map<Key, Stored> m) {
    Key oldest = null;
    long t = Long.MAX_VALUE;
    for (Map.Entry<Key, Stored> e : m.entrySet()) {
      if (e.getValue().writtenNanos() < t) { t = e.getValue().writtenNanos(); oldest = e.getKey(); }
    }
    return oldest;
  }

  private static int stripe(String userId) {
    return (userId.hashCode() & 0x7fffffff) % STRIPES;
  }
}
