package io.courserec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.api.CourseRecServer;
import io.courserec.api.FakeEngine;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load-test harness against a real server over the fake engine (checks the harness, not the engine). */
class LoadTestTest {
  @TempDir Path dir;

  private static JsonNode run(String... args) throws IOException {
    Path json = Path.of(args[args.length - 1]);
    int code = new CommandLine(new LoadTest()).execute(args);
    assertThat(code).as("exit code (1 = some request failed)").isZero();
    return new ObjectMapper().readTree(json.toFile());
  }

  @Test
  void measuresEveryOperationWithoutErrorsCachedUncachedAndDuringRetrain() throws IOException {
    Path users = Files.writeString(dir.resolve("users.csv"), "user_id,name\nu1,A\nu2,B\nu3,C\n");
    Path courses = Files.writeString(dir.resolve("courses.csv"), "id,title\nc1,Intro to Python\nc3,SQL Basics\n");
    Path token = Files.writeString(dir.resolve("token"), "t0k3n\n");
    try (CourseRecServer s = CourseRecServer.start(new FakeEngine(), Config.defaults().with(Map.of(
        ConfigKey.SERVER_PORT, "0", ConfigKey.ADMIN_TOKEN, "t0k3n",
        ConfigKey.LOG_ID_KEY, "load-test-test-key-0123456789abcdef")))) {
      prime(s.url());
      JsonNode cached = run("--url", s.url(), "--users-file", users.toString(), "--queries-file", courses.toString(),
          "--concurrency", "2", "--warmup", "500ms", "--duration", "1500ms", "--mix", "recommend:0.6,search:0.3,similar:0.1",
          "--json", dir.resolve("cached.json").toString());
      JsonNode rows = cached.get("rows");
      for (String op : List.of("recommend", "search", "similar")) {
        assertThat(rows.get("steady " + op).get("requests").asLong()).as(op).isPositive();
        assertThat(rows.get("steady " + op).get("errors").asLong()).as(op).isZero();
      }
      assertThat(rows.get("all all").get("p99_ms").asDouble()).isPositive()
          .isGreaterThanOrEqualTo(rows.get("all all").get("p50_ms").asDouble());
      // three learners x one query each: after the warm-up nearly every recommend is a cache hit
      assertThat(cached.get("cache_hit_ratio").asDouble()).isGreaterThan(0.5);

      JsonNode uncached = run("--url", s.url(), "--users-file", users.toString(), "--concurrency", "2",
          "--warmup", "0s", "--duration", "1s", "--mix", "recommend:1", "--uncached", "--retrain-at", "300ms",
          "--admin-token-file", token.toString(), "--json", dir.resolve("uncached.json").toString());
      assertThat(uncached.get("cache_hit_ratio").isNull()).as("no-cache requests are never looked up").isTrue();
      assertThat(uncached.get("rows").get("during-retrain recommend").get("requests").asLong()).isPositive();
      // the retrain starts 300 ms into a 1 s phase and the fake's job never finishes: at most 0.7 s (+1 ms rounding);
      // a loaded machine may start it late, so only a loose lower bound
      assertThat(uncached.get("phase_seconds").get("during-retrain").asDouble()).isBetween(0.2, 0.701);
    }
  }

  /** One request of each kind first, so class loading in a cold JVM does not eat the short measured phase. */
  private static void prime(String url) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/recommend?user=u1", "/search?q=sql", "/courses/c1/similar")) {
      try {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  @Test
  void parsesMixDurationsAndFiles() throws IOException {
    assertThat(LoadWorkload.parseMix("recommend:0.7, search:0.3")).containsExactly(
        new LoadWorkload.Op("recommend", 0.7), new LoadWorkload.Op("search", 0.3));
    assertThatThrownBy(() -> LoadWorkload.parseMix("browse:1")).hasMessageContaining("browse");
    assertThatThrownBy(() -> LoadWorkload.parseMix("search:0")).hasMessageContaining("> 0");
    LoadTest.DurationConverter d = new LoadTest.DurationConverter();
    assertThat(d.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(d.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> d.convert("2 minutes")).hasMessageContaining("2 minutes");
    Path lines = Files.writeString(dir.resolve("q.txt"), "python\n\n sql \n");
    assertThat(LoadWorkload.readValues(lines, "title")).containsExactly("python", "sql");
    Path noColumn = Files.writeString(dir.resolve("x.csv"), "name\nA\n");
    assertThatThrownBy(() -> LoadWorkload.readValues(noColumn, "user_id", "id")).hasMessageContaining("user_id");
  }
}
