package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a real server (random port) over a fresh {@link FakeEngine} for every test and talks to it with
 * {@link HttpClient}. Subclasses may override {@link #settings()} to change configuration.
 */
abstract class ApiTestBase {
  static final String TOKEN = "tok-7f3a9c1e-admin-secret";
  /** The key of the learner pseudonyms in logs (configured, so no key file is generated in the working tree). */
  static final String LOG_ID_KEY = "test-log-id-key-0123456789abcdef-0123";
  static final ObjectMapper JSON = JsonCodec.mapper();

  FakeEngine engine;
  CourseRecServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Configuration changes on top of defaults (port 0 and the test token are always set). */
  Map<ConfigKey, String> settings() {
    return Map.of();
  }

  @BeforeEach
  void startServer() throws Exception {
    engine = new FakeEngine();
    Map<ConfigKey, String> s = new HashMap<>(Map.of(ConfigKey.SERVER_PORT, "0", ConfigKey.ADMIN_TOKEN, TOKEN,
        ConfigKey.LOG_ID_KEY, LOG_ID_KEY));
    s.putAll(settings());
    server = CourseRecServer.start(engine, Config.defaults().with(s));
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  /** One HTTP answer. */
  record Reply(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Reply get(String pathAndQuery, String... headers) {
    return send(request(pathAndQuery, headers).GET().build());
  }

  Reply post(String path, String body, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpRequest.Builder request(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts the error shape: status, error code and field (null allowed), and a non-empty detail. */
  static JsonNode assertError(Reply r, int status, String error, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("content-type")).startsWith("application/json");
    JsonNode n = r.json();
    assertThat(n.get("error").asText()).as(r.body()).isEqualTo(error);
    if (field == null) assertThat(n.get("field").isNull()).as(r.body()).isTrue();
    else assertThat(n.get("field").asText()).as(r.body()).isEqualTo(field);
    assertThat(n.get("detail").asText()).isNotBlank();
    assertThat(n.size()).as("exactly error, field, detail").isEqualTo(3);
    return n;
  }
}
