package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import io.courserec.config.ConfigKey;
import org.junit.jupiter.api.Test;

/** Search, courses, similar, explain and history over the fake engine. */
class CatalogApiTest extends ApiTestBase {

  @Override
  Map<ConfigKey, String> settings() {
    return Map.of(ConfigKey.SERVER_MAX_K, "20");
  }

  @Test
  void searchFindsPersonalisesAndSaysWhenNothingMatched() {
    // "python" is in the titles of c1 and c2 (fake matches title substrings, in catalog order)
    JsonNode n = get("/search?q=python&user=u1").json();
    assertThat(n.get("total_hits").asLong()).isEqualTo(2);
    assertThat(n.get("items").get(0).get("course_id").asText()).isEqualTo("c1");
    assertThat(n.get("items").get(1).get("course_id").asText()).isEqualTo("c2");
    assertThat(n.get("personalised").asBoolean()).isTrue();
    assertThat(n.get("message").isNull()).isTrue();
    JsonNode filtered = get("/search?q=python&level=intermediate").json();
    assertThat(filtered.get("total_hits").asLong()).isEqualTo(1);
    assertThat(filtered.get("personalised").asBoolean()).isFalse();

    Reply none = get("/search?q=quantum+chromodynamics");
    assertThat(none.status()).isEqualTo(200);
    JsonNode empty = none.json();
    assertThat(empty.get("items")).isEmpty();
    assertThat(empty.get("total_hits").asLong()).isZero();
    assertThat(empty.get("message").asText()).isEqualTo("no course matched 'quantum chromodynamics'");

    JsonNode past = get("/search?q=python&offset=5").json();
    assertThat(past.get("items")).isEmpty();
    assertThat(past.get("message").asText()).contains("past the last of 2 hits");
  }

  @Test
  void searchRejectsBadInput() {
    assertError(get("/search"), 400, "invalid_parameter", "q");
    assertError(get("/search?q=%20%20"), 400, "invalid_parameter", "q");
    assertError(get("/search?q=" + "a".repeat(513)), 400, "invalid_parameter", "q");
    assertError(get("/search?q=x&k=21"), 400, "invalid_parameter", "k");
    assertError(get("/search?q=x&explain=true"), 400, "invalid_parameter", "explain");
  }

  @Test
  void courseSimilarExplainAndHistory() {
    JsonNode c = get("/courses/c3").json();
    assertThat(c.get("id").asText()).isEqualTo("c3");
    assertThat(c.get("title").asText()).isEqualTo("SQL Basics");
    assertThat(c.get("level").asText()).isEqualTo("beginner");
    assertThat(c.get("duration_hours").asDouble()).isEqualTo(5.0);
    assertThat(c.get("num_ratings").asInt()).isEqualTo(100);

    JsonNode sim = get("/courses/c2/similar?k=5").json();
    assertThat(sim.get("course_id").asText()).isEqualTo("c2");
    assertThat(sim.get("items")).hasSize(1); // c3 is the only other "data" course
    assertThat(sim.get("items").get(0).get("course_id").asText()).isEqualTo("c3");

    JsonNode ex = get("/explain?user=u1&course=c1").json();
    assertThat(ex.get("rank").asInt()).isEqualTo(-1);
    assertThat(ex.get("excluded_because").asText()).isEqualTo("already taken");
    assertThat(ex.get("signals").get("prior").get("weight").asDouble()).isEqualTo(1.0);

    JsonNode h = get("/users/u1/history").json();
    assertThat(h.get("count").asInt()).isEqualTo(1);
    JsonNode e = h.get("events").get(0);
    assertThat(e.get("course_id").asText()).isEqualTo("c1");
    assertThat(e.get("event").asText()).isEqualTo("complete");
    assertThat(e.get("timestamp").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(e.get("rating").isNull()).isTrue();
  }

  @Test
  void unknownEntitiesAre404AndBadParameters400() {
    assertError(get("/courses/nope"), 404, "unknown_course", "course");
    assertError(get("/courses/nope/similar"), 404, "unknown_course", "course");
    assertError(get("/explain?user=u1&course=nope"), 404, "unknown_course", "course");
    assertError(get("/users/ghost/history"), 404, "unknown_user", "user");
    assertError(get("/courses/c1/similar?k=0"), 400, "invalid_parameter", "k");
    assertError(get("/courses/c1/similar?k=21"), 400, "invalid_parameter", "k");
    assertError(get("/courses/c1?k=1"), 400, "invalid_parameter", "k");
    assertError(get("/explain?user=u1"), 400, "invalid_parameter", "course");
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405() {
    assertError(get("/recommendz?user=u1"), 404, "not_found", null);
    Reply r = post("/recommend", "{}");
    assertError(r, 405, "method_not_allowed", null);
    assertThat(r.header("Allow")).contains("GET");
    assertError(get("/feedback"), 405, "method_not_allowed", null);
  }
}
