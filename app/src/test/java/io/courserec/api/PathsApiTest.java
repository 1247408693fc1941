package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.Engine;
import io.courserec.engine.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /paths} and {@code GET /users/{id}/skills} against the real engine on the engine tests' fixture (40
 * courses, no prerequisites column, so the graph is inferred), through a real server.
 */
class PathsApiTest extends ApiTestBase {
  @TempDir Path tmp;
  private Engine real;

  @Override
  @BeforeEach
  void startServer() throws Exception {
    Config config = Config.defaults().with(Map.of(
        ConfigKey.DATA_DIR, "app/src/test/resources/engine/small",
        ConfigKey.MODELS_DIR, tmp.resolve("models").toString(),
        ConfigKey.INDEX_DIR, tmp.resolve("index").toString(),
        ConfigKey.STORE_URL, "jdbc:sqlite:" + tmp.resolve("feedback.db"),
        ConfigKey.MF_RANK, "8",
        ConfigKey.MF_ITERATIONS, "5",
        ConfigKey.TUNE_ENABLED, "false",
        ConfigKey.SERVER_PORT, "0",
        ConfigKey.LOG_ID_KEY, LOG_ID_KEY));
    real = Engines.open(config);
    // the deadline turns a hang into a failure; it is not a speed check
    io.courserec.engine.EngineFixture.await(() -> real.status().ready(), "the engine's first model", Duration.ofSeconds(120));
    server = CourseRecServer.start(real, config);
  }

  @Override
  @AfterEach
  void stopServer() {
    server.stop();
    real.close();
  }

  @Test
  void aPathCoversTheGoalAndSkipsTakenCourses() {
    Set<String> taken = new HashSet<>();
    for (JsonNode e : get("/users/u01/history?limit=1000").json().get("events")) {
      if (Set.of("enroll", "complete", "rate").contains(e.get("event").asText())) taken.add(e.get("course_id").asText());
    }
    Reply r = get("/paths?user=u01&goal=Python%7CAlgorithms&max_courses=4");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode p = r.json();
    assertThat(p.get("graph_source").asText()).isEqualTo("inferred");
    assertThat(p.get("goals")).extracting(JsonNode::asText).containsExactly("Python", "Algorithms");
    assertThat(p.get("steps").size()).isBetween(0, 4);
    Set<String> before = new HashSet<>();
    for (JsonNode s : p.get("steps")) {
      assertThat(taken).doesNotContain(s.get("course_id").asText());
      for (JsonNode pre : s.get("prerequisites")) assertThat(before.contains(pre.asText()) || taken.contains(pre.asText())).isTrue();
      assertThat(s.get("reasons").size()).isPositive();
      before.add(s.get("course_id").asText());
    }
    if (!p.get("gap").isEmpty()) assertThat(p.get("steps").size() + p.get("uncovered").size()).isPositive();
  }

  @Test
  void anUnknownSkillIsA400NamingCloseMatches() {
    JsonNode e = assertError(get("/paths?user=u01&goal=Pyton"), 400, "invalid_parameter", "goal");
    assertThat(e.get("detail").asText()).contains("unknown skill 'Pyton'").contains("Python");
    assertError(get("/users/u01/skills?goal=Pyton"), 400, "invalid_parameter", "goal");
    // u01 declares no goals: a path needs one
    assertError(get("/paths?user=u01"), 400, "invalid_parameter", "goal");
    assertError(get("/paths?user=u01&goal=Python&max_level=expert"), 400, "invalid_parameter", "max_level");
    assertError(get("/paths?user=u01&goal=Python&max_hours=-1"), 400, "invalid_parameter", "max_hours");
    assertError(get("/paths?user=u01&goal=Python&colour=red"), 400, "invalid_parameter", "colour");
    assertError(get("/paths?user=nobody&goal=Python"), 404, "unknown_user", "user");
  }

  @Test
  void skillsListEarnedCreditsAndTheGap() {
    Reply r = get("/users/u01/skills?goal=Python");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(s.get("user_id").asText()).isEqualTo("u01");
    s.get("earned").fields().forEachRemaining(f -> assertThat(f.getValue().asDouble()).isBetween(0.0, 1.0));
    boolean earned = s.get("earned").has("Python") && s.get("earned").get("Python").asDouble() >= 1.0;
    assertThat(s.get("gap").size()).isEqualTo(earned ? 0 : 1);
    assertError(get("/users/nobody/skills"), 404, "unknown_user", "user");
  }
}
