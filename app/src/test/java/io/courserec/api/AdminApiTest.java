package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Admin endpoints and their bearer-token guard. */
class AdminApiTest extends ApiTestBase {
  private static final String AUTH = "Bearer " + TOKEN;

  @Test
  void retrainAndReindexStartJobsThatCanBeQueried() {
    Reply r = post("/admin/retrain", "", "Authorization", AUTH);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode job = r.json();
    assertThat(job.get("id").asText()).isEqualTo("job-1");
    assertThat(job.get("kind").asText()).isEqualTo("retrain");
    assertThat(job.get("started_at").asText()).isEqualTo("2025-06-01T00:00:00Z");
    assertThat(r.header("Location")).isEqualTo("/admin/jobs/job-1");
    assertThat(post("/admin/reindex", "", "Authorization", AUTH).json().get("id").asText()).isEqualTo("job-2");
    JsonNode polled = get("/admin/jobs/job-1", "Authorization", AUTH).json();
    assertThat(polled.get("state").asText()).isEqualTo("queued");
    assertError(get("/admin/jobs/job-9", "Authorization", AUTH), 404, "unknown_job", "job");

    // the list: the active job (the fake never runs them, so the newest queued one) and the last ones, newest first
    JsonNode list = get("/admin/jobs", "Authorization", AUTH).json();
    assertThat(list.get("active").get("id").asText()).isEqualTo("job-2");
    assertThat(list.get("recent")).extracting(j -> j.get("id").asText()).containsExactly("job-2", "job-1");
    assertThat(get("/admin/jobs?limit=1", "Authorization", AUTH).json().get("recent")).hasSize(1);
    assertError(get("/admin/jobs?limit=0", "Authorization", AUTH), 400, "invalid_parameter", "limit");
    assertError(get("/admin/jobs?limit=101", "Authorization", AUTH), 400, "invalid_parameter", "limit");
    assertError(get("/admin/jobs?k=3", "Authorization", AUTH), 400, "invalid_parameter", "k");
    assertError(get("/admin/jobs"), 401, "unauthorized", "Authorization");
  }

  @Test
  void modelsListsVersionsAndTheCurrentOne() {
    JsonNode m = get("/admin/models", "Authorization", "bearer " + TOKEN).json();
    assertThat(m.get("current").asText()).isEqualTo("v1");
    assertThat(m.get("models")).hasSize(2);
    assertThat(m.get("models").get(0).get("metrics").get("ndcg@10").asDouble()).isEqualTo(0.25);
    assertThat(m.get("models").get(0).get("timings_ms").get("train").asLong()).isEqualTo(1200);
  }

  @Test
  void missingOrMalformedHeaderIs401AndWrongTokenIs403() {
    Reply none = post("/admin/retrain", "");
    assertError(none, 401, "unauthorized", "Authorization");
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"courserec-admin\"");
    assertError(get("/admin/models", "Authorization", TOKEN), 401, "unauthorized", "Authorization");
    assertError(get("/admin/models", "Authorization", "Basic dXNlcjpwYXNz"), 401, "unauthorized", "Authorization");
    assertError(get("/admin/models", "Authorization", "Bearer "), 401, "unauthorized", "Authorization");
    assertError(get("/admin/models", "Authorization", "Bearer " + TOKEN + "x"), 403, "forbidden", "Authorization");
    assertError(get("/admin/models", "Authorization", "Bearer " + TOKEN.substring(1)), 403, "forbidden", "Authorization");
    // unknown admin paths are guarded too, so they reveal nothing without a token
    assertError(get("/admin/secrets"), 401, "unauthorized", "Authorization");
    assertError(get("/admin/secrets", "Authorization", AUTH), 404, "not_found", null);
    // the rejected POST /admin/retrain never reached the engine, so no job exists
    assertError(get("/admin/jobs/job-1", "Authorization", AUTH), 404, "unknown_job", "job");
  }

  @Test
  void emptyConfiguredTokenDisablesAdminForEveryone() {
    server.stop();
    server = CourseRecServer.start(engine, Config.defaults().with(ConfigKey.SERVER_PORT, 0)
        .with(ConfigKey.LOG_ID_KEY, LOG_ID_KEY));
    assertError(post("/admin/retrain", ""), 403, "admin_disabled", null);
    assertError(post("/admin/retrain", "", "Authorization", "Bearer "), 403, "admin_disabled", null);
    assertError(post("/admin/retrain", "", "Authorization", AUTH), 403, "admin_disabled", null);
  }

  @Test
  void tokenNeverAppearsInLogs() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger ours = ctx.getLogger("io.courserec");
    Level before = ours.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(ctx);
    captured.start();
    root.addAppender(captured);
    ours.setLevel(Level.DEBUG);
    try {
      post("/admin/retrain", "", "Authorization", AUTH);
      get("/admin/models", "Authorization", "Bearer " + TOKEN + "-wrong");
      get("/admin/models", "Authorization", TOKEN);
      get("/recommend?user=u1", "Authorization", AUTH);
      engine.searchFailure = new IllegalStateException("boom");
      get("/search?q=x", "Authorization", AUTH);
    } finally {
      root.detachAppender(captured);
      ours.setLevel(before);
    }
    assertThat(captured.list).as("the requests were logged").hasSizeGreaterThanOrEqualTo(5);
    for (ILoggingEvent e : captured.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
      if (e.getThrowableProxy() != null) assertThat(e.getThrowableProxy().getMessage()).doesNotContain(TOKEN);
    }
    assertThat(captured.list).anySatisfy(e ->
        assertThat(e.getFormattedMessage()).startsWith("POST /admin/retrain 202 "));
    assertThat(captured.list).anySatisfy(e ->
        assertThat(e.getFormattedMessage()).startsWith("GET /admin/models 403 "));
  }
}
