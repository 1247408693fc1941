package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint of the real HTTP server (Javalin on a random port) over the real engine and the small fixture;
 * then a model swap under concurrent load. One server for the class; the server trains its first model on start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineServerIT {
  static final String TOKEN = "it-admin-token";
  Engine engine;
  CourseRecServer server;
  HttpTestClient http;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    Config config = EngineFixture.config(tmp, Map.of(ConfigKey.SERVER_PORT, 0, ConfigKey.ADMIN_TOKEN, TOKEN,
        ConfigKey.SERVER_STATUS_REFRESH, 100, ConfigKey.PROMOTE_MARGIN, 1.0)); // the gate itself is ModelLifecycleTest's
    engine = Engines.open(config);
    server = CourseRecServer.start(engine, config);
    http = new HttpTestClient(server.url());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (http.get("/ready").status() != 200) {
      assertThat(System.nanoTime()).as("ready within 60 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @AfterAll
  void stop() {
    if (server != null) server.stop();
    if (engine != null) engine.close();
  }

  @Test
  void recommendEndpoints() throws Exception {
    HttpTestClient.Reply r = http.get("/recommend?user=u01&k=3&explain=true");
    assertThat(r.status()).isEqualTo(200);
    JsonNode n = r.json();
    assertThat(n.get("strategy").asText()).isEqualTo("personal");
    assertThat(n.get("model_version").asText()).startsWith("v-");
    assertThat(n.get("items")).hasSize(3);
    assertThat(n.get("items").get(0).get("signals").size()).isPositive();
    assertThat(http.get("/recommendations/u01?k=3&explain=true").json().get("items")).isEqualTo(n.get("items"));
    assertThat(http.get("/recommend?user=nobody&k=2").json().get("strategy").asText()).isEqualTo("popular");
    assertThat(http.get("/recommend?user=nobody&k=2&interests=Spanish").json().get("strategy").asText())
        .isEqualTo("cold-start");
    assertThat(http.get("/recommend?user=u01&k=2&algorithm=mf").json().get("algorithm").asText()).isEqualTo("mf");
    HttpTestClient.Reply bad = http.get("/recommend?user=u01&algorithm=svd");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("algorithm");
  }

  @Test
  void searchCourseSimilarExplainHistory() throws Exception {
    JsonNode s = http.get("/search?q=SQL&k=3").json();
    assertThat(s.get("items").get(0).get("course_id").asText()).isEqualTo("ds1");
    assertThat(http.get("/search?q=SQL&user=u02&k=3").json().get("personalised").asBoolean()).isTrue();
    JsonNode none = http.get("/search?q=zyzzyva").json();
    assertThat(none.get("total_hits").asLong()).isZero();
    assertThat(none.get("message").asText()).contains("no course matched");
    assertThat(http.get("/courses/py1").json().get("title").asText()).isEqualTo("Python Foundations");
    HttpTestClient.Reply missing = http.get("/courses/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("unknown_course");
    assertThat(http.get("/courses/py1/similar?k=3").json().get("items")).hasSize(3);
    JsonNode e = http.get("/explain?user=u05&course=bz8").json();
    assertThat(e.get("rank").asInt()).isPositive();
    assertThat(e.get("signals").has("content")).isTrue();
    assertThat(http.get("/explain?user=ghost&course=bz8").status()).isEqualTo(404);
    JsonNode h = http.get("/users/u04/history").json();
    assertThat(h.get("count").asInt()).isEqualTo(h.get("events").size()).isPositive();
    assertThat(http.get("/users/ghost/history").json().get("error").asText()).isEqualTo("unknown_user");
  }

  @Test
  void feedbackIsDurableIdempotentAndChangesTheNextAnswer() throws Exception {
    String top = http.get("/recommend?user=u21&k=1").json().get("items").get(0).get("course_id").asText();
    String body = "{\"user_id\":\"u21\",\"course_id\":\"" + top + "\",\"event\":\"enroll\",\"event_id\":\"it-e1\"}";
    HttpTestClient.Reply first = http.post("/feedback", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
    HttpTestClient.Reply again = http.post("/feedback", body);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("duplicate_event_ids").get(0).asText()).isEqualTo("it-e1");
    JsonNode after = http.get("/recommend?user=u21&k=40").json();
    for (JsonNode i : after.get("items")) assertThat(i.get("course_id").asText()).isNotEqualTo(top);
    HttpTestClient.Reply unknown = http.post("/feedback", "[{\"user_id\":\"u21\",\"course_id\":\"py1\",\"event\":\"view\"},"
        + "{\"user_id\":\"u21\",\"course_id\":\"zz9\",\"event\":\"view\"}]");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_course");
    assertThat(unknown.json().get("field").asText()).isEqualTo("events[1].course_id");
    assertThat(http.get("/users/u21/history").json().get("events").findValuesAsText("event_id")).containsOnlyOnce("it-e1");
    // another learner's "it-e1" is their own event (the key is per learner), not a duplicate of u21's
    HttpTestClient.Reply other = http.post("/feedback", "{\"user_id\":\"u22\",\"course_id\":\"py3\",\"event\":\"view\","
        + "\"event_id\":\"it-e1\"}");
    assertThat(other.json().get("accepted").asInt()).as(other.body()).isEqualTo(1);
    assertThat(http.get("/users/u22/history").json().get("events").findValuesAsText("event_id")).containsOnlyOnce("it-e1");
    HttpTestClient.Reply conflict = http.post("/feedback", "{\"user_id\":\"u22\",\"course_id\":\"py4\",\"event\":\"view\","
        + "\"event_id\":\"it-e1\"}");
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.json().get("field").asText()).isEqualTo("course_id");
  }

  @Test
  void healthReadyMetrics() throws Exception {
    JsonNode ready = http.get("/ready").json();
    assertThat(ready.get("ready").asBoolean()).isTrue();
    assertThat(ready.get("courses").asInt()).isEqualTo(EngineFixture.COURSES);
    assertThat(http.get("/health").status()).isEqualTo(200);
    String metrics = http.get("/metrics").body();
    assertThat(metrics).contains("courserec_model_metric{metric=\"ndcg@10\"").contains("courserec_ready 1.0");
  }

  @Test
  void adminNeedsTheTokenAndListsModels() throws Exception {
    assertThat(http.post("/admin/retrain", "").status()).isEqualTo(401);
    assertThat(http.post("/admin/retrain", "", "Authorization", "Bearer wrong").status()).isEqualTo(403);
    JsonNode models = http.get("/admin/models", "Authorization", "Bearer " + TOKEN).json();
    assertThat(models.get("current").asText()).startsWith("v-");
    assertThat(models.get("models").get(0).get("metrics").has("ndcg@10")).isTrue();
    assertThat(http.get("/admin/jobs/nope", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(404);
  }

  @Test
  void withoutAModelTheServerAnswers503AndSaysHowToGetOne(@TempDir Path empty) throws Exception {
    Config config = EngineFixture.config(empty, Map.of(ConfigKey.SERVER_PORT, 0, ConfigKey.TRAIN_ON_START, false));
    try (Engine e = Engines.open(config); CourseRecServer s = CourseRecServer.start(e, config)) {
      HttpTestClient c = new HttpTestClient(s.url());
      assertThat(c.get("/health").status()).isEqualTo(200);
      assertThat(c.get("/ready").status()).isEqualTo(503);
      HttpTestClient.Reply r = c.get("/recommend?user=u01");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().get("error").asText()).isEqualTo("not_ready");
      for (int i = 0; i < 100 && !r.json().get("detail").asText().contains("./courserec train"); i++) {
        Thread.sleep(50); // the start-up task first looks for a model ("loading the model from ...")
        r = c.get("/recommend?user=u01");
      }
      assertThat(r.json().get("detail").asText()).startsWith("no trained model in ").contains("POST /admin/retrain");
    }
  }

  /**
   * Eight clients hammer {@code /recommend} (bypassing the cache, so every request reaches the engine) while a
   * retrain builds and swaps the model: every request must succeed, and the answers must move to the new version.
   */
  @Test
  void swapUnderConcurrentLoadHasNoFailedRequest() throws Exception {
    String before = http.get("/ready").json().get("model_version").asText();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger ok = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    Set<String> versions = ConcurrentHashMap.newKeySet();
    AtomicReference<String> lastSeen = new AtomicReference<>();
    CountDownLatch running = new CountDownLatch(8);
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int id = t;
      clients.add(Thread.ofPlatform().start(() -> {
        HttpTestClient c = new HttpTestClient(server.url());
        running.countDown();
        for (int i = 0; !stop.get(); i++) {
          String user = String.format("u%02d", 1 + (id * 7 + i) % 60);
          try {
            HttpTestClient.Reply r = c.get("/recommend?user=" + user + "&k=5", "Cache-Control", "no-cache");
            if (r.status() != 200) {
              synchronized (failures) { failures.add(r.status() + " " + r.body()); }
            } else {
              String v = r.json().get("model_version").asText();
              versions.add(v);
              lastSeen.set(v);
              ok.incrementAndGet();
            }
          } catch (Exception e) {
            synchronized (failures) { failures.add(e.toString()); }
          }
        }
      }));
    }
    running.await();
    HttpTestClient.Reply job = http.post("/admin/retrain", "", "Authorization", "Bearer " + TOKEN);
    assertThat(job.status()).isEqualTo(202);
    String id = job.json().get("id").asText();
    String state;
    do {
      Thread.sleep(100);
      state = http.get("/admin/jobs/" + id, "Authorization", "Bearer " + TOKEN).json().get("state").asText();
    } while (!state.equals("succeeded") && !state.equals("failed"));
    assertThat(state).isEqualTo("succeeded");
    // /ready answers from the status the server refreshes every server.status_refresh_ms (100 ms here), never from
    // the engine directly, so it may name the old version for one refresh after the swap; the deadline only stops a hang
    String after = http.get("/ready").json().get("model_version").asText();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (after.equals(before) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      after = http.get("/ready").json().get("model_version").asText();
    }
    long seen = ok.get();
    while (ok.get() < seen + 40) Thread.sleep(20); // let every client send requests to the new version too
    stop.set(true);
    for (Thread t : clients) t.join();
    assertThat(failures).isEmpty();
    assertThat(after).isNotEqualTo(before);
    assertThat(versions).contains(before, after);
    assertThat(lastSeen.get()).isEqualTo(after);
  }
}
