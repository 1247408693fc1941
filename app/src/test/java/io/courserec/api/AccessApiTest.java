package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access rules with a service token and one allowed CORS origin configured: which routes need which token,
 * the erasure route, and the CORS answers (preflight and simple requests, allowed and other origins).
 */
class AccessApiTest extends ApiTestBase {
  static final String API_TOKEN = "svc-token-5d1c0b9e";
  static final String APP = "https://app.example.org";

  @Override
  Map<ConfigKey, String> settings() {
    return Map.of(ConfigKey.API_TOKEN, API_TOKEN, ConfigKey.CORS_ORIGINS, APP + ", http://localhost:3000");
  }

  @Test
  void learnerEndpointsNeedTheServiceToken() {
    Reply none = get("/recommend?user=u1");
    assertError(none, 401, "unauthorized", "Authorization");
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"courserec\"");
    assertError(get("/recommend?user=u1", "Authorization", "Bearer wrong"), 403, "forbidden", "Authorization");
    assertError(get("/recommend?user=u1", "Authorization", "Bearer " + TOKEN), 403, "forbidden", "Authorization");
    assertThat(get("/recommend?user=u1", "Authorization", "Bearer " + API_TOKEN).status()).isEqualTo(200);
    assertError(post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c2\",\"event\":\"view\"}"), 401, "unauthorized",
        "Authorization");
    // unknown paths are guarded too: without the token nobody learns which routes exist
    assertError(get("/nowhere"), 401, "unauthorized", "Authorization");
    assertThat(get("/nowhere", "Authorization", "Bearer " + API_TOKEN).status()).isEqualTo(404);
  }

  @Test
  void probesAndDescriptionsStayOpenAndAdminKeepsItsOwnToken() {
    for (String path : new String[] {"/health", "/ready", "/metrics", "/openapi.json"}) {
      assertThat(get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(get("/admin/models", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);
    assertError(get("/admin/models", "Authorization", "Bearer " + API_TOKEN), 403, "forbidden", "Authorization");
  }

  @Test
  void eraseTakesTheAdminTokenDropsTheCacheAndIsIdempotent() throws Exception {
    String auth = "Bearer " + API_TOKEN;
    assertThat(post("/feedback", "{\"user_id\":\"u9\",\"course_id\":\"c2\",\"event\":\"view\"}", "Authorization", auth)
        .status()).isEqualTo(201);
    assertThat(get("/recommend?user=u1&k=2", "Authorization", auth).header("X-Cache")).isEqualTo("miss");
    assertThat(get("/recommend?user=u1&k=2", "Authorization", auth).header("X-Cache")).isEqualTo("hit");
    assertError(delete("/users/u1", "Authorization", auth), 403, "forbidden", "Authorization");
    assertError(delete("/users/u1"), 401, "unauthorized", "Authorization");

    Reply r = delete("/users/u9", "Authorization", "Bearer " + TOKEN);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("user_id").asText()).isEqualTo("u9");
    assertThat(r.json().get("stored_events_erased").asLong()).isEqualTo(1);
    assertThat(r.json().get("already_listed").asBoolean()).isFalse();
    assertThat(r.header("Location")).isEqualTo("/admin/jobs/" + r.json().get("completion").get("id").asText());

    assertThat(delete("/users/u1", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(202);
    assertThat(get("/recommend?user=u1&k=2", "Authorization", auth).header("X-Cache"))
        .as("the erased learner's cached answers are gone at once").isEqualTo("miss");
    Reply again = delete("/users/u9", "Authorization", "Bearer " + TOKEN);
    assertThat(again.json().get("already_listed").asBoolean()).isTrue();
    assertThat(again.json().get("stored_events_erased").asLong()).isZero();
    assertThat(engine.forgotten).containsExactly("u9", "u1");
  }

  @Test
  void preflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
    Reply r = send(request("/feedback", "Origin", APP, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "authorization, content-type").method("OPTIONS",
        HttpRequest.BodyPublishers.noBody()).build());
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, DELETE");
    assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type, Cache-Control");
    assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
    assertThat(r.header("Vary")).isEqualTo("Origin");

    Reply other = send(request("/feedback", "Origin", "https://evil.example.com", "Access-Control-Request-Method",
        "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertError(other, 403, "cors_forbidden", "Origin");
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void simpleRequestsGetTheOriginHeaderOnlyForAllowedOrigins() {
    String auth = "Bearer " + API_TOKEN;
    Reply ok = get("/recommend?user=u1", "Origin", "http://localhost:3000", "Authorization", auth);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(ok.header("Access-Control-Expose-Headers")).contains("X-Cache");
    Reply denied = get("/recommend?user=u1", "Origin", "https://evil.example.com", "Authorization", auth);
    assertThat(denied.header("Access-Control-Allow-Origin")).as("the browser will not let that page read it").isNull();
    // an error answer carries the header too, so a front end can read why it failed
    Reply error = get("/recommend?user=u1", "Origin", APP);
    assertThat(error.status()).isEqualTo(401);
    assertThat(error.header("Access-Control-Allow-Origin")).isEqualTo(APP);
  }

  @Test
  void badOriginConfigurationFailsAtStartNamingTheKeyAndEntry() {
    assertThatThrownBy(() -> CourseRecServer.start(engine, Config.defaults().with(Map.of(ConfigKey.SERVER_PORT, "0",
        ConfigKey.LOG_ID_KEY, LOG_ID_KEY, ConfigKey.CORS_ORIGINS, "https://ok.example.org, https://x.org/path"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.cors.allowed_origins").hasMessageContaining("'https://x.org/path'");
  }

  Reply delete(String path, String... headers) {
    return send(request(path, headers).DELETE().build());
  }
}
