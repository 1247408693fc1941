package io.courserec.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.api.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP client for the engine's real-server tests. */
final class HttpTestClient {
  static final ObjectMapper JSON = JsonCodec.mapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  HttpTestClient(String base) {
    this.base = base;
  }

  /** One answer. */
  record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    Reply(int status, String body) {
      this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  Reply get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    return send(builder(pathAndQuery, headers).GET().build());
  }

  /**
   * GETs until the answer is served from the cache ({@code X-Cache: hit}), every 20 ms for at most 30 s: right after
   * start-up a server caches nothing until its status poll has seen the model version, and a replica's change
   * listener empties the cache once when it first connects. Fails on any status but 200.
   */
  Reply getCached(String pathAndQuery) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Reply reply = get(pathAndQuery);
      if (reply.status() != 200) throw new AssertionError(pathAndQuery + " answered " + reply.status() + ": " + reply.body());
      if ("hit".equals(reply.header("x-cache"))) return reply;
      if (System.nanoTime() > deadline) throw new AssertionError(pathAndQuery + " not cached within 30 s");
      Thread.sleep(20);
    }
  }

  Reply post(String path, String body, String... headers) throws IOException, InterruptedException {
    return send(builder(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest.Builder builder(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  private Reply send(HttpRequest r) throws IOException, InterruptedException {
    HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
    return new Reply(a.statusCode(), a.body(), a.headers());
  }
}
