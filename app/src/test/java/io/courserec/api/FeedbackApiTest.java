package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.config.ConfigKey;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /feedback}: storage, idempotency, cache invalidation and every validation error. */
class FeedbackApiTest extends ApiTestBase {

  @Override
  Map<ConfigKey, String> settings() {
    return Map.of(ConfigKey.SERVER_MAX_BATCH, "3", ConfigKey.SERVER_MAX_BODY, "2048");
  }

  @Test
  void singleEventIsStoredWithItsFields() {
    Reply r = post("/feedback", """
        {"user_id":"u9","course_id":"c3","event":"rate","rating":4.5,"timestamp":"2025-03-01T10:00:00+01:00","event_id":"e-1"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(r.json().get("duplicates").asInt()).isZero();
    assertThat(engine.storedFeedback()).containsExactly(
        new Interaction("u9", "c3", EventType.RATE, 4.5, Instant.parse("2025-03-01T09:00:00Z"), "e-1"));
  }

  @Test
  void batchWithEpochSecondsAndDefaultTimestamp() {
    Instant before = Instant.now();
    Reply r = post("/feedback", """
        [{"user_id":"u9","course_id":"c2","event":"view","timestamp":1700000000},
         {"user_id":"u9","course_id":"c4","event":"BOOKMARK"}]""");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(engine.storedFeedback().get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1700000000));
    assertThat(engine.storedFeedback().get(1).event()).isEqualTo(EventType.BOOKMARK);
    assertThat(engine.storedFeedback().get(1).timestamp()).isBetween(before.minusSeconds(1), Instant.now());
  }

  @Test
  void sameEventIdTwiceIsStoredOnceAndReportedAsDuplicate() {
    String body = """
        {"user_id":"u1","course_id":"c2","event":"enroll","event_id":"evt-42"}""";
    assertThat(post("/feedback", body).json().get("accepted").asInt()).isEqualTo(1);
    Reply again = post("/feedback", body);
    assertThat(again.status()).isEqualTo(201);
    JsonNode n = again.json();
    assertThat(n.get("accepted").asInt()).isZero();
    assertThat(n.get("duplicates").asInt()).isEqualTo(1);
    assertThat(n.get("duplicate_event_ids").get(0).asText()).isEqualTo("evt-42");
    assertThat(engine.storedFeedback()).hasSize(1);
  }

  @Test
  void feedbackInvalidatesThatLearnersCachedRecommendations() {
    JsonNode first = get("/recommend?user=u1&k=2").json();
    assertThat(first.get("items").get(0).get("course_id").asText()).isEqualTo("c2");
    assertThat(get("/recommend?user=u1&k=2").header("X-Cache")).isEqualTo("hit");
    get("/recommend?user=u2&k=2"); // another learner's entry survives u1's feedback
    assertThat(post("/feedback", """
        {"user_id":"u1","course_id":"c2","event":"dismiss"}""").status()).isEqualTo(201);
    Reply next = get("/recommend?user=u1&k=2");
    assertThat(next.header("X-Cache")).isEqualTo("miss");
    // c2 now has an event, so the fake excludes it: c3 (0.8), c4 (0.7)
    assertThat(next.json().get("items").get(0).get("course_id").asText()).isEqualTo("c3");
    assertThat(next.json().get("items").get(1).get("course_id").asText()).isEqualTo("c4");
    assertThat(get("/recommend?user=u2&k=2").header("X-Cache")).isEqualTo("hit");
  }

  @Test
  void fieldErrorsNameTheField() {
    String ok = "\"user_id\":\"u1\",\"course_id\":\"c1\"";
    assertError(post("/feedback", "{\"course_id\":\"c1\",\"event\":\"view\"}"), 400, "invalid_parameter", "user_id");
    assertError(post("/feedback", "{\"user_id\":7,\"course_id\":\"c1\",\"event\":\"view\"}"), 400, "invalid_parameter", "user_id");
    assertError(post("/feedback", "{\"user_id\":\"  \",\"course_id\":\"c1\",\"event\":\"view\"}"), 400, "invalid_parameter", "user_id");
    assertError(post("/feedback", "{" + ok + "}"), 400, "invalid_parameter", "event");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"like\"}"), 400, "invalid_parameter", "event");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"rate\"}"), 400, "invalid_parameter", "rating");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"rate\",\"rating\":6}"), 400, "invalid_parameter", "rating");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"rate\",\"rating\":0.5}"), 400, "invalid_parameter", "rating");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"rate\",\"rating\":\"5\"}"), 400, "invalid_parameter", "rating");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"rating\":3}"), 400, "invalid_parameter", "rating");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"timestamp\":\"yesterday\"}"), 400, "invalid_parameter", "timestamp");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"timestamp\":\"2025-03-01T10:00:00\"}"), 400, "invalid_parameter", "timestamp");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"timestamp\":1.5}"), 400, "invalid_parameter", "timestamp");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"timestamp\":99999999999}"), 400, "invalid_parameter", "timestamp");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"event_id\":\"\"}"), 400, "invalid_parameter", "event_id");
    assertError(post("/feedback", "{" + ok + ",\"event\":\"view\",\"raiting\":3}"), 400, "invalid_parameter", "raiting");
    assertError(post("/feedback", """
        [{"user_id":"u1","course_id":"c1","event":"view"},
         {"user_id":"u1","course_id":"c2","event":"view"},
         {"user_id":"u1","course_id":"c3","event":"rate","rating":9}]"""), 400, "invalid_parameter", "events[2].rating");
    assertError(post("/feedback", """
        [{"user_id":"u1","course_id":"c1","event":"view","event_id":"a"},
         {"user_id":"u1","course_id":"c2","event":"view","event_id":"a"}]"""), 400, "invalid_parameter", "events[1].event_id");
    assertError(post("/feedback", "[{" + ok + ",\"event\":\"view\"}, 3]"), 400, "malformed_json", "events[1]");
    assertThat(engine.storedFeedback()).as("nothing of a rejected request is stored").isEmpty();
  }

  @Test
  void shapeErrors() {
    assertError(post("/feedback", "{\"user_id\": \"u1\""), 400, "malformed_json", null);
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"user_id\":\"u2\",\"course_id\":\"c1\",\"event\":\"view\"}"), 400, "malformed_json", null);
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c1\",\"event\":\"view\"} {}"), 400, "malformed_json", null);
    assertError(post("/feedback", ""), 400, "malformed_json", null);
    assertError(post("/feedback", "\"view\""), 400, "malformed_json", null);
    assertError(post("/feedback", "[]"), 400, "invalid_parameter", "events");
    String e = "{\"user_id\":\"u1\",\"course_id\":\"c1\",\"event\":\"view\"}";
    assertError(post("/feedback", "[" + e + "," + e + "," + e + "," + e + "]"), 400, "invalid_parameter", "events");
  }

  @Test
  void unknownCourseIs400NamingTheEvent() {
    JsonNode n = assertError(post("/feedback", """
        [{"user_id":"u1","course_id":"c1","event":"view"},{"user_id":"u1","course_id":"c999","event":"view"}]"""),
        400, "unknown_course", "events[1].course_id");
    assertThat(n.get("detail").asText()).contains("c999");
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"zz\",\"event\":\"view\"}"), 400, "unknown_course", "course_id");
    assertThat(engine.storedFeedback()).isEmpty();
  }

  @Test
  void oversizedBodiesAre413ByHeaderAndByActualSize() {
    String big = "[" + "{\"user_id\":\"u1\",\"course_id\":\"c1\",\"event\":\"view\"},".repeat(60) + "]";
    assertThat(big.length()).isGreaterThan(2048);
    JsonNode declared = assertError(post("/feedback", big), 413, "payload_too_large", null);
    assertThat(declared.get("detail").asText()).startsWith("body of " + big.length() + " bytes");
    // chunked transfer (no Content-Length): the limit applies to the bytes read
    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
    HttpRequest chunked = request("/feedback").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    JsonNode read = assertError(send(chunked), 413, "payload_too_large", null);
    assertThat(read.get("detail").asText()).startsWith("body exceeds");
    assertThat(engine.storedFeedback()).isEmpty();
  }

  @Test
  void notReadyIs503() {
    engine.ready = false;
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c1\",\"event\":\"view\"}"), 503, "not_ready", null);
  }
}
