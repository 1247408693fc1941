package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /recommend} and {@code /recommendations/{userId}} over the fake engine. */
class RecommendApiTest extends ApiTestBase {

  private static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("items").forEach(i -> out.add(i.get("course_id").asText()));
    return out;
  }

  @Test
  void knownLearnerGetsPersonalRankingWithoutTakenCourse() {
    Reply r = get("/recommend?user=u1&k=3");
    assertThat(r.status()).isEqualTo(200);
    JsonNode n = r.json();
    // u1 completed c1; the rest by popularity: c2 0.9, c3 0.8, c4 0.7 (c5 0.6 is 4th, cut by k=3)
    assertThat(ids(n)).containsExactly("c2", "c3", "c4");
    assertThat(n.get("strategy").asText()).isEqualTo("personal");
    assertThat(n.get("model_version").asText()).isEqualTo("v1");
    JsonNode first = n.get("items").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("score").asDouble()).isEqualTo(0.9);
    assertThat(first.get("confidence").asDouble()).isEqualTo(0.5);
    assertThat(first.get("evidence")).isEmpty();
  }

  @Test
  void pathFormPagingFiltersExplainAndColdStart() {
    // offset 1, k 2 over c2 c3 c4 c5 -> c3 c4 (ranks 2 and 3)
    JsonNode paged = get("/recommendations/u1?k=2&offset=1&explain=true").json();
    assertThat(ids(paged)).containsExactly("c3", "c4");
    assertThat(paged.get("items").get(0).get("rank").asInt()).isEqualTo(2);
    assertThat(paged.get("items").get(0).get("evidence").get(0).get("signal").asText()).isEqualTo("prior");
    // beginner filter: c1 (taken), c3 beginner, c5 mixed passes any level -> c3 (0.8), c5 (0.6)
    assertThat(ids(get("/recommend?user=u1&level=beginner").json())).containsExactly("c3", "c5");
    assertThat(ids(get("/recommend?user=u1&subject=DATA&max_duration=10").json())).containsExactly("c3");
    // unknown learner with interests: art gets +1 -> c5 (1.6) first, then c2 0.9, ...
    JsonNode cold = get("/recommend?user=new&interests=art%7Cmusic&k=2").json();
    assertThat(cold.get("strategy").asText()).isEqualTo("cold-start");
    assertThat(ids(cold)).containsExactly("c5", "c2");
    JsonNode popular = get("/recommend?user=new2&k=1").json();
    assertThat(popular.get("strategy").asText()).isEqualTo("popular");
    assertThat(ids(popular)).containsExactly("c2");
  }

  @Test
  void secondIdenticalRequestIsServedFromCache() {
    Reply first = get("/recommend?user=u1&k=2");
    Reply second = get("/recommend?user=u1&k=2");
    assertThat(first.header("X-Cache")).isEqualTo("miss");
    assertThat(second.header("X-Cache")).isEqualTo("hit");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(engine.recommendCalls.get()).isEqualTo(1);
    // other parameters are another key; no-cache bypasses the lookup
    assertThat(get("/recommend?user=u1&k=3").header("X-Cache")).isEqualTo("miss");
    assertThat(get("/recommend?user=u1&k=2", "Cache-Control", "no-cache").header("X-Cache")).isEqualTo("bypass");
    assertThat(engine.recommendCalls.get()).isEqualTo(3);
    assertThat(first.header("Server-Timing")).matches("app;dur=\\d+\\.\\d\\d");
  }

  @Test
  void modelVersionChangeEmptiesTheCache() {
    get("/recommend?user=u1");
    engine.modelVersion = "v2";
    server.invalidateCaches();
    Reply r = get("/recommend?user=u1");
    assertThat(r.header("X-Cache")).isEqualTo("miss");
    assertThat(r.json().get("model_version").asText()).isEqualTo("v2");
  }

  @Test
  void modelVersionChangeIsNoticedWithoutTheHook() {
    get("/recommend?user=u1&k=1");
    engine.modelVersion = "v2";
    // a different query reaches the engine, sees v2 and makes the server refresh its status
    assertThat(get("/recommend?user=u1&k=2").json().get("model_version").asText()).isEqualTo("v2");
    Reply again = get("/recommend?user=u1&k=1");
    assertThat(again.header("X-Cache")).isEqualTo("miss");
    assertThat(again.json().get("model_version").asText()).isEqualTo("v2");
  }

  @Test
  void modelSwapsUnderConcurrentRequestsCauseNoFailures() throws Exception {
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int user = t;
      clients.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 100; i++) statuses.add(get("/recommend?user=u" + user + "&k=" + (1 + i % 3)).status());
      }));
    }
    for (int v = 2; v <= 6; v++) {
      Thread.sleep(20);
      engine.modelVersion = "v" + v;
      if (v % 2 == 0) server.invalidateCaches(); // odd versions are found by the server on its own
    }
    for (Thread c : clients) c.join();
    assertThat(statuses).hasSize(400).containsOnly(200);
    // after the last swap no answer of an older model is served, cached or not
    for (int k = 1; k <= 3; k++) {
      assertThat(get("/recommend?user=u0&k=" + k).json().get("model_version").asText()).isEqualTo("v6");
    }
  }

  @Test
  void badParametersAre400NamingTheField() {
    assertError(get("/recommend?user=u1&k=0"), 400, "invalid_parameter", "k");
    assertError(get("/recommend?user=u1&k=-3"), 400, "invalid_parameter", "k");
    assertError(get("/recommend?user=u1&k=ten"), 400, "invalid_parameter", "k");
    assertError(get("/recommend?user=u1&k=99999999999"), 400, "invalid_parameter", "k");
    JsonNode cap = assertError(get("/recommend?user=u1&k=60&offset=41"), 400, "invalid_parameter", "k");
    assertThat(cap.get("detail").asText()).contains("100").contains("60 + 41");
    assertError(get("/recommend?user=u1&offset=-1"), 400, "invalid_parameter", "offset");
    assertError(get("/recommend?k=3"), 400, "invalid_parameter", "user");
    assertError(get("/recommend?user=u1&level=expert"), 400, "invalid_parameter", "level");
    assertError(get("/recommend?user=u1&level=unknown"), 400, "invalid_parameter", "level");
    assertError(get("/recommend?user=u1&max_duration=abc"), 400, "invalid_parameter", "max_duration");
    assertError(get("/recommend?user=u1&max_duration=-2"), 400, "invalid_parameter", "max_duration");
    assertError(get("/recommend?user=u1&explain=yes"), 400, "invalid_parameter", "explain");
    assertError(get("/recommend?user=u1&algorithm=deep"), 400, "invalid_parameter", "algorithm");
    assertError(get("/recommend?user=u1&algorithm=DROP%20TABLE"), 400, "invalid_parameter", "algorithm");
    assertError(get("/recommend?user=u1&levl=beginner"), 400, "invalid_parameter", "levl");
    assertError(get("/recommend?user=u1&k=1&k=2"), 400, "invalid_parameter", "k");
    assertError(get("/recommendations/u1?user=u2"), 400, "invalid_parameter", "user");
    assertError(get("/recommend?user=" + "x".repeat(300)), 400, "invalid_parameter", "user");
    assertThat(engine.recommendCalls.get()).as("only the unknown algorithm reached the engine").isEqualTo(1);
  }

  @Test
  void notReadyIs503WithRetryAfter() {
    engine.ready = false;
    Reply r = get("/recommend?user=u1");
    assertError(r, 503, "not_ready", null);
    assertThat(r.header("Retry-After")).isEqualTo("5");
  }
}
