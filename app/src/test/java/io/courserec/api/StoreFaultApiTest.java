package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.ConfigKey;
import io.courserec.engine.ConflictException;
import io.courserec.engine.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Store faults, conflicts, the id rule, the feedback rate limit and history paging at the HTTP boundary, over the
 * fake engine. The real store behind them is tested in {@code io.courserec.engine.*ServerIT} and the store tests.
 */
class StoreFaultApiTest extends ApiTestBase {
  @Override
  Map<ConfigKey, String> settings() {
    // a 3-event burst refilled at 1 per minute; a status answer is due within 300 ms
    return Map.of(ConfigKey.FEEDBACK_RATE, "1", ConfigKey.FEEDBACK_BURST, "3", ConfigKey.STATUS_DEADLINE, "300",
        ConfigKey.SERVER_STATUS_REFRESH, "50");
  }

  private static String view(String user, String course) {
    return "{\"user_id\":\"" + user + "\",\"course_id\":\"" + course + "\",\"event\":\"view\"}";
  }

  @Test
  void aStoreFaultIs503WithRetryAfterAndTheErrorShape() {
    engine.feedbackFailure = new StoreUnavailableException("locked", 1, "the feedback store is unavailable (locked); retry later", null);
    Reply r = post("/feedback", view("u1", "c1"));
    assertError(r, 503, "store_unavailable", null);
    assertThat(r.header("retry-after")).isEqualTo("1");
    assertThat(r.json().get("detail").asText()).contains("locked");
  }

  @Test
  void aConflictingEventIdIs409NamingTheField() {
    engine.feedbackFailure = new ConflictException("events[0].course_id", "event_id 'e-1' of user 'u1' is already stored with course_id c1");
    // a single object: the field has no events[0] prefix, as every other field of a single event
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c2\",\"event\":\"view\",\"event_id\":\"e-1\"}"),
        409, "event_id_conflict", "course_id");
    assertError(post("/feedback", "[{\"user_id\":\"u1\",\"course_id\":\"c2\",\"event\":\"view\",\"event_id\":\"e-1\"}]"),
        409, "event_id_conflict", "events[0].course_id");
  }

  @Test
  void idsWithControlCharactersSurrogatesOrPaddingAre400NamingTheField() {
    assertError(get("/recommend?user=u1%00"), 400, "invalid_parameter", "user");
    assertError(get("/recommend?user=%20u1"), 400, "invalid_parameter", "user");
    assertError(get("/recommend?user=u%0A1"), 400, "invalid_parameter", "user");
    assertError(get("/recommendations/u1%09"), 400, "invalid_parameter", "userId");
    assertError(get("/explain?user=u1&course=c1%7F"), 400, "invalid_parameter", "course");
    assertError(get("/search?q=python&user=u1%20"), 400, "invalid_parameter", "user");
    assertError(get("/users/%01u1/history"), 400, "invalid_parameter", "id");
    // a NUL in the path is refused by Jetty before routing: still 400, but Jetty's own page, not the error shape
    assertThat(get("/users/%00u1/history").status()).isEqualTo(400);
    assertError(get("/courses/c1%E2%80%AE/similar"), 400, "invalid_parameter", "id"); // U+202E, a bidi override
    // JSON escapes: NUL, a lone high surrogate, trailing space, a zero-width space (format character)
    assertError(post("/feedback", "{\"user_id\":\"u1\\u0000\",\"course_id\":\"c1\",\"event\":\"view\"}"),
        400, "invalid_parameter", "user_id");
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c1\\ud800\",\"event\":\"view\"}"),
        400, "invalid_parameter", "course_id");
    assertError(post("/feedback", "[" + view("u1", "c1") + ",{\"user_id\":\"u1\",\"course_id\":\"c1\",\"event\":\"view\","
        + "\"event_id\":\"e-1 \"}]"), 400, "invalid_parameter", "events[1].event_id");
    assertError(post("/feedback", "{\"user_id\":\"u\\u200b1\",\"course_id\":\"c1\",\"event\":\"view\"}"),
        400, "invalid_parameter", "user_id");
    assertThat(engine.storedFeedback()).isEmpty();
    // a paired surrogate (an emoji) and inner spaces are fine
    assertThat(post("/feedback", "{\"user_id\":\"learner \\ud83d\\ude00\",\"course_id\":\"c1\",\"event\":\"view\"}").status())
        .isEqualTo(201);
  }

  @Test
  void twoLearnersMaySendTheSameEventIdInOneBatch() {
    Reply r = post("/feedback", "[{\"user_id\":\"u1\",\"course_id\":\"c1\",\"event\":\"view\",\"event_id\":\"e-1\"},"
        + "{\"user_id\":\"u2\",\"course_id\":\"c1\",\"event\":\"view\",\"event_id\":\"e-1\"}]");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(2); // the fake keys by (user, event id) like the store
    // the same learner twice in one batch is still refused
    assertError(post("/feedback", "[{\"user_id\":\"u3\",\"course_id\":\"c1\",\"event\":\"view\",\"event_id\":\"e-1\"},"
        + "{\"user_id\":\"u3\",\"course_id\":\"c1\",\"event\":\"view\",\"event_id\":\"e-1\"}]"),
        400, "invalid_parameter", "events[1].event_id");
  }

  @Test
  void feedbackBeyondTheLearnersBurstIs429WithRetryAfter() {
    assertThat(post("/feedback", "[" + view("u1", "c1") + "," + view("u1", "c2") + "]").status()).isEqualTo(201);
    assertThat(post("/feedback", view("u1", "c3")).status()).isEqualTo(201); // 3 of 3 tokens used
    Reply limited = post("/feedback", view("u1", "c4"));
    assertError(limited, 429, "rate_limited", "user_id");
    // one token short at 1 token per minute: 60 s less the time since the bucket was last used, rounded up
    assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);
    assertThat(post("/feedback", view("u2", "c1")).status()).as("another learner has their own bucket").isEqualTo(201);
    // more events for one learner than the burst can never fit: 400, not a 429 to retry forever
    assertError(post("/feedback", "[" + view("u3", "c1") + "," + view("u3", "c2") + "," + view("u3", "c3") + ","
        + view("u3", "c4") + "]"), 400, "invalid_parameter", "events[0].user_id");
    assertThat(engine.storedFeedback()).hasSize(4);
  }

  @Test
  void historyIsPaged() {
    // u1 has 1 training event; add 4 feedback events: 5 in all
    for (String c : new String[] {"c2", "c3"}) post("/feedback", view("u1", c));
    engine.feedback(java.util.List.of(new io.courserec.catalog.Interaction("u1", "c4", io.courserec.catalog.EventType.VIEW, null, null),
        new io.courserec.catalog.Interaction("u1", "c5", io.courserec.catalog.EventType.VIEW, null, null)));
    Reply first = get("/users/u1/history?limit=2");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("total").asInt()).isEqualTo(5);
    assertThat(first.json().get("count").asInt()).isEqualTo(2);
    assertThat(first.json().get("next_offset").asInt()).isEqualTo(2);
    Reply last = get("/users/u1/history?limit=2&offset=4");
    assertThat(last.json().get("events").findValuesAsText("course_id")).containsExactly("c5");
    assertThat(last.json().get("next_offset").isNull()).isTrue();
    assertError(get("/users/u1/history?limit=0"), 400, "invalid_parameter", "limit");
    assertError(get("/users/u1/history?limit=1001"), 400, "invalid_parameter", "limit");
    assertError(get("/users/u1/history?offset=-1"), 400, "invalid_parameter", "offset");
  }

  @Test
  void probesAnswerFromTheCachedStatusWhileTheStoreHangs() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    engine.statusGate = gate; // the next background refresh hangs in status(), as on a stalled database
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      Reply ready;
      do {
        Thread.sleep(50);
        ready = get("/ready"); // the client times out after 10 s: a blocked probe would fail here
      } while (ready.status() == 200 && System.nanoTime() < deadline);
      assertThat(ready.status()).as(ready.body()).isEqualTo(503);
      assertThat(ready.header("retry-after")).isEqualTo("5");
      assertThat(ready.json().get("dependencies").get("model").asText()).isEqualTo("up");
      assertThat(ready.json().get("dependencies").get("store").asText()).startsWith("down: no status answer within 300 ms");
      assertThat(get("/health").status()).isEqualTo(200);
      assertThat(get("/metrics").body()).contains("courserec_store_up 0.0");
    } finally {
      gate.countDown();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (get("/ready").status() != 200 && System.nanoTime() < deadline) Thread.sleep(50);
    assertThat(get("/ready").json().get("dependencies").get("store").asText()).isEqualTo("up");
  }
}
