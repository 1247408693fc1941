package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.LearnerPseudonyms;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Health, readiness, metrics, request logging and the generic 500. */
class ObservabilityApiTest extends ApiTestBase {

  @Test
  void healthIsAlways200AndReadyWaitsForTheEngine() {
    engine.ready = false;
    server.refreshStatus(); // probes read the background snapshot; take it now rather than wait for the poll
    Reply health = get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("up");
    assertThat(health.json().get("ready").asBoolean()).isFalse();
    Reply notReady = get("/ready");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.json().get("status").asText()).isEqualTo("not_ready");
    assertThat(notReady.json().get("model_version").isNull()).isTrue();

    engine.ready = true;
    server.refreshStatus();
    Reply ready = get("/ready");
    assertThat(ready.status()).isEqualTo(200);
    JsonNode n = ready.json();
    assertThat(n.get("status").asText()).isEqualTo("ready");
    assertThat(n.get("model_version").asText()).isEqualTo("v1");
    assertThat(n.get("index_generation").asLong()).isEqualTo(3);
    assertThat(n.get("courses").asInt()).isEqualTo(5);
    // the fake's model was created 120 s before the status call; allow 10 s for a slow machine
    assertThat(n.get("model_age_seconds").asDouble()).isBetween(119.0, 130.0);
  }

  @Test
  void metricsExposeRouteHistogramsCacheFeedbackAndModel() {
    get("/recommend?user=u1&k=2");
    get("/recommend?user=u1&k=2");
    get("/recommendations/u7");
    get("/courses/nope");
    post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c3\",\"event\":\"view\",\"event_id\":\"m1\"}");
    post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c3\",\"event\":\"view\",\"event_id\":\"m1\"}");
    server.refreshStatus(); // the stored-feedback gauges come from the background snapshot
    Reply m = get("/metrics");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.header("content-type")).startsWith("text/plain");
    String text = m.body();
    assertThat(value(text, "http_server_requests_seconds_bucket{method=\"GET\",route=\"/recommend\",status=\"200\",le=\"+Inf\"}")).isEqualTo(2);
    assertThat(text).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/recommend\",status=\"200\",le=\"0.001\"}");
    assertThat(value(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/recommend\",status=\"200\"}")).isEqualTo(2);
    assertThat(value(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/recommendations/{userId}\",status=\"200\"}")).isEqualTo(1);
    assertThat(value(text, "http_server_requests_seconds_count{method=\"GET\",route=\"/courses/{id}\",status=\"404\"}")).isEqualTo(1);
    assertThat(text).doesNotContain("route=\"/recommendations/u7\"").doesNotContain("/courses/nope");
    // lookups: miss, hit, miss (u7)
    assertThat(value(text, "courserec_cache_requests_total{result=\"hit\"}")).isEqualTo(1);
    assertThat(value(text, "courserec_cache_requests_total{result=\"miss\"}")).isEqualTo(2);
    assertThat(value(text, "courserec_cache_hit_ratio")).isEqualTo(1.0 / 3.0, offset(1e-9));
    assertThat(value(text, "courserec_feedback_received_total{event=\"view\",outcome=\"accepted\"}")).isEqualTo(1);
    assertThat(value(text, "courserec_feedback_received_total{event=\"view\",outcome=\"duplicate\"}")).isEqualTo(1);
    assertThat(value(text, "courserec_feedback_stored{event=\"view\"}")).isEqualTo(1);
    assertThat(value(text, "courserec_model_metric{metric=\"ndcg@10\"}")).isEqualTo(0.25);
    assertThat(value(text, "courserec_model_age_seconds")).isBetween(119.0, 130.0);
    assertThat(value(text, "courserec_ready")).isEqualTo(1);
    assertThat(value(text, "courserec_answers_waiting")).isZero();
    engine.answersWaiting = 3; // read at each scrape, not from the status snapshot
    assertThat(value(get("/metrics").body(), "courserec_answers_waiting")).isEqualTo(3);
  }

  @Test
  void unexpectedExceptionIsGeneric500AndLoggedWithTheIncident() {
    engine.searchFailure = new IllegalStateException("db password is hunter2");
    ListAppender<ILoggingEvent> logs = capture();
    Reply r;
    try {
      r = get("/search?q=python");
    } finally {
      detach(logs);
    }
    JsonNode n = assertError(r, 500, "internal_error", null);
    assertThat(r.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at io.");
    String incident = n.get("detail").asText().replaceAll(".*incident ([0-9a-f]+).*", "$1");
    assertThat(logs.list).anySatisfy(e -> {
      assertThat(e.getFormattedMessage()).contains("incident " + incident).contains("/search");
      assertThat(e.getThrowableProxy().getMessage()).contains("hunter2");
    });
  }

  @Test
  void anErrorIsTheSameGeneric500() {
    engine.searchError = new AssertionError("invariant broken: secret-state-42");
    ListAppender<ILoggingEvent> logs = capture();
    Reply r;
    try {
      r = get("/search?q=python");
    } finally {
      detach(logs);
    }
    assertError(r, 500, "internal_error", null);
    assertThat(r.body()).doesNotContain("secret-state-42").doesNotContain("AssertionError");
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getThrowableProxy().getMessage()).contains("secret-state-42"));
    engine.searchError = null;
    assertThat(get("/search?q=python").status()).as("the server keeps serving").isEqualTo(200);
  }

  @Test
  void everyRequestIsLoggedOnceWithHashedUserAndRouteTemplate() {
    ListAppender<ILoggingEvent> logs = capture();
    try {
      get("/recommendations/alice.smith@example.org?k=3");
      get("/nowhere?user=bob");
    } finally {
      detach(logs);
    }
    List<String> access = logs.list.stream().filter(e -> e.getLoggerName().equals("io.courserec.api.access"))
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(access).hasSize(2);
    // HMAC-SHA256(key = LOG_ID_KEY, "log" 0x00 "alice.smith@example.org"), first 16 hex digits, computed outside
    // Java with Python's hmac module: hmac.new(key, b"log\x00" + id, sha256).hexdigest()[:16]
    assertThat(access.get(0)).matches("GET /recommendations/\\{userId} 200 \\d+\\.\\d ms user="
        + "19f9328a25281411 cache=miss");
    assertThat(access.get(1)).matches("GET unmatched 404 \\d+\\.\\d ms");
    assertThat(String.join("\n", access)).doesNotContain("alice").doesNotContain("bob");
    // the same way: "abc" -> d470e4bd1020319a; the unsalted SHA-256 prefix logged before was ba7816bf8f01cfea
    LearnerPseudonyms ids = LearnerPseudonyms.open(Config.defaults().with(ConfigKey.LOG_ID_KEY, LOG_ID_KEY));
    assertThat(ids.logId("abc")).isEqualTo("d470e4bd1020319a");
    LearnerPseudonyms other = LearnerPseudonyms.open(Config.defaults().with(ConfigKey.LOG_ID_KEY, LOG_ID_KEY + "x"));
    assertThat(other.logId("abc")).as("another key, another pseudonym").isNotEqualTo("d470e4bd1020319a");
  }

  private static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    assertThat(m.find()).as("series " + series + " in\n" + text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static ListAppender<ILoggingEvent> capture() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> a = new ListAppender<>();
    a.setContext(ctx);
    a.start();
    ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(a);
    return a;
  }

  private static void detach(ListAppender<ILoggingEvent> a) {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(a);
  }
}
