package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite feedback store held locked by another process (a second JVM in {@code BEGIN EXCLUSIVE}): feedback is
 * answered 503 {@code store_unavailable} with {@code Retry-After} once the lock wait ({@code store.lock_timeout_ms},
 * 300 ms here) runs out, instead of the 500 it used to be; recommendations go on (WAL readers never wait for the
 * writer); and the next feedback after the lock is released is stored, with nothing to restart.
 */
class SqliteLockedStoreIT {
  @Test
  void aStoreLockedByAnotherProcessIs503WithRetryAfterAndRecovers(@TempDir Path tmp) throws Exception {
    Config config = EngineFixture.config(tmp, Map.of(ConfigKey.SERVER_PORT, 0, ConfigKey.STORE_LOCK_TIMEOUT, 300,
        ConfigKey.SERVER_STATUS_REFRESH, 100));
    try (Engine engine = Engines.open(config); CourseRecServer server = CourseRecServer.start(engine, config)) {
      HttpTestClient http = new HttpTestClient(server.url());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (http.get("/ready").status() != 200) {
        assertThat(System.nanoTime()).as("ready within 60 s").isLessThan(deadline);
        Thread.sleep(100);
      }
      String before = "{\"user_id\":\"u03\",\"course_id\":\"py1\",\"event\":\"view\",\"event_id\":\"l-1\"}";
      assertThat(http.post("/feedback", before).status()).isEqualTo(201);

      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
          LockHoldingChild.class.getName(),
          tmp.resolve("feedback.db").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (OutputStream stdin = child.getOutputStream()) {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("LOCKED");

        HttpTestClient.Reply locked = http.post("/feedback",
            "{\"user_id\":\"u03\",\"course_id\":\"py2\",\"event\":\"view\",\"event_id\":\"l-2\"}");
        assertThat(locked.status()).as(locked.body()).isEqualTo(503);
        assertThat(locked.json().get("error").asText()).isEqualTo("store_unavailable");
        assertThat(locked.json().get("detail").asText()).contains("locked");
        assertThat(locked.header("retry-after")).isEqualTo("1");
        assertThat(http.get("/recommend?user=u03&k=3").status()).as("reads go on under a write lock (WAL)").isEqualTo(200);

        stdin.write('\n'); // release
        stdin.flush();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }
      HttpTestClient.Reply after = http.post("/feedback",
          "{\"user_id\":\"u03\",\"course_id\":\"py2\",\"event\":\"view\",\"event_id\":\"l-2\"}");
      assertThat(after.status()).as(after.body()).isEqualTo(201);
      assertThat(after.json().get("accepted").asInt()).isEqualTo(1); // the 503 stored nothing
      assertThat(http.get("/users/u03/history?limit=1000").json().get("events").findValuesAsText("event_id"))
          .contains("l-1", "l-2");
    }
  }
}
