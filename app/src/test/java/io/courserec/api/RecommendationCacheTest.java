package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.engine.RankedCourse;
import io.courserec.engine.RecommendQuery;
import io.courserec.engine.RecommendResult;
import java.time.Duration;
import io.courserec.rec.Evidence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache's rules, with a hand-driven nanosecond clock. */
class RecommendationCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final RecommendationCache cache = new RecommendationCache(1_000_000, Duration.ofSeconds(10), now::get);

  private static RecommendQuery query(String user, int k) {
    return new RecommendQuery(user, k, 0, null, null, false, List.of());
  }

  private static RecommendResult result(String user, String tag) {
    return new RecommendResult(user, "hybrid", io.courserec.rec.Strategy.PERSONAL, tag, "v1", List.of());
  }

  private void put(RecommendQuery q, String version, RecommendResult r) {
    cache.put(q, version, r, cache.ticket(q.userId()));
  }

  @Test
  void keyIsQueryAndModelVersion() {
    put(query("u", 10), "v1", result("u", "a"));
    assertThat(cache.get(query("u", 10), "v1").segment()).isEqualTo("a");
    assertThat(cache.get(query("u", 10), "v2")).isNull();
    assertThat(cache.get(query("u", 11), "v1")).isNull();
    assertThat(cache.get(query("w", 10), "v1")).isNull();
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(3);
    assertThat(cache.hitRatio()).isEqualTo(0.25);
  }

  @Test
  void responsesExpireAfterTheTtlEvenWhenTheUserEntryIsRefreshed() {
    put(query("u", 1), "v1", result("u", "old"));
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    put(query("u", 2), "v1", result("u", "newer")); // rewrites the user's entry at t = 6 s
    now.addAndGet(Duration.ofSeconds(5).toNanos()); // t = 11 s: k=1 is 11 s old, k=2 is 5 s old
    assertThat(cache.get(query("u", 1), "v1")).isNull();
    assertThat(cache.get(query("u", 2), "v1").segment()).isEqualTo("newer");
  }

  @Test
  void invalidatingAUserDropsOnlyThatUser() {
    put(query("u", 1), "v1", result("u", "a"));
    put(query("u", 2), "v1", result("u", "b"));
    put(query("w", 1), "v1", result("w", "c"));
    assertThat(cache.entries()).isEqualTo(3);
    cache.invalidateUser("u");
    assertThat(cache.get(query("u", 1), "v1")).isNull();
    assertThat(cache.get(query("u", 2), "v1")).isNull();
    assertThat(cache.get(query("w", 1), "v1")).isNotNull();
    cache.invalidateAll();
    assertThat(cache.get(query("w", 1), "v1")).isNull();
  }

  @Test
  void aResponseComputedBeforeFeedbackIsNotStoredAfterIt() {
    long ticket = cache.ticket("u");           // request starts, asks the engine ...
    cache.invalidateUser("u");                 // ... feedback for u lands meanwhile
    cache.put(query("u", 1), "v1", result("u", "stale"), ticket);
    assertThat(cache.get(query("u", 1), "v1")).isNull();
    put(query("u", 1), "v1", result("u", "fresh"));
    assertThat(cache.get(query("u", 1), "v1").segment()).isEqualTo("fresh");
  }

  @Test
  void aUserKeepsAtMostTheNewestResponses() {
    for (int k = 1; k <= RecommendationCache.MAX_PER_USER + 5; k++) {
      now.incrementAndGet();
      put(query("u", k), "v1", result("u", "k" + k));
    }
    assertThat(cache.entries()).isEqualTo(RecommendationCache.MAX_PER_USER);
    assertThat(cache.get(query("u", 5), "v1")).as("the five oldest were dropped").isNull();
    assertThat(cache.get(query("u", 6), "v1")).isNotNull();
  }

  @Test
  void responseSizeFollowsTheDocumentedEstimate() {
    // query("1", 10) with result tag "a": entry 64 + str("1") 42 = 106; result 48 + str("hybrid") 52
    // + str("personal") 56 + str("a") 42 + str("v1") 44 = 242; empty item list 16: total 364
    assertThat(ResponseSize.of(query("1", 10), result("1", "a"))).isEqualTo(364);
    // item: 64 + str("c1") 44 + str("Title") 50 + str("beginner") 56 + str("math") 48 + signals 16 + 24
    // + evidence 16 + 4 + (32 + str("because") 54) = 408
    RankedCourse item = new RankedCourse(1, "c1", "Title", "beginner", "math", 0.5, 0.9, Map.of("content", 1.0),
        List.of(new Evidence(io.courserec.rec.EvidenceSource.CONTENT, "because", 0.5)));
    assertThat(ResponseSize.item(item)).isEqualTo(408);
    // a result with 3 such items: 364 + 4 * 3 + 3 * 408 = 1600
    RecommendResult three = new RecommendResult("1", "hybrid", io.courserec.rec.Strategy.PERSONAL, "a", "v1", List.of(item, item, item));
    assertThat(ResponseSize.of(query("1", 10), three)).isEqualTo(1600);
  }

  @Test
  void theBoundIsEstimatedBytesNotEntries() {
    // 1,000 bytes hold two responses of 364 bytes (728) but not three (1,092): one is evicted, whichever
    // Caffeine's policy picks
    RecommendationCache small = new RecommendationCache(1_000, Duration.ofSeconds(10), now::get);
    for (String u : List.of("1", "2", "3")) small.put(query(u, 10), "v1", result(u, "a"), small.ticket(u));
    assertThat(small.bytes()).isEqualTo(728);
    assertThat(small.entries()).isEqualTo(2);
    // one response heavier than the whole bound is not kept at all
    RankedCourse item = new RankedCourse(1, "c1", "Title", "beginner", "math", 0.5, 0.9, Map.of(), List.of());
    RecommendResult big = new RecommendResult("4", "hybrid", io.courserec.rec.Strategy.PERSONAL, "a", "v1", java.util.Collections.nCopies(10, item));
    small.put(query("4", 10), "v1", big, small.ticket("4"));
    assertThat(small.bytes()).isLessThanOrEqualTo(1_000); // runs Caffeine's pending maintenance (eviction)
    assertThat(small.get(query("4", 10), "v1")).isNull();
  }

  @Test
  void sizeZeroTurnsCachingOff() {
    RecommendationCache off = new RecommendationCache(0, Duration.ofSeconds(10), now::get);
    off.put(query("u", 1), "v1", result("u", "a"), off.ticket("u"));
    assertThat(off.get(query("u", 1), "v1")).isNull();
    assertThat(off.entries()).isZero();
  }
}
