package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over a PostgreSQL feedback store that goes away and comes back during the run: a server of the
 * test's own ({@link TemporaryPostgres}) is stopped and started again. While it is down: feedback and
 * recommendations that need the store are 503 {@code store_unavailable} with {@code Retry-After}, {@code /ready}
 * is 503 naming the store, {@code /health} and {@code /metrics} still answer. After it is back: everything works
 * again without a restart of courserec (the writer reconnects, the pool replaces its connections).
 */
class PostgresOutageIT {
  private static final long WAIT = TimeUnit.SECONDS.toNanos(60);

  @Test
  void anUnreachableStoreIs503AndTheServerRecoversWhenItReturns(@TempDir Path tmp) throws Exception {
    try (TemporaryPostgres pg = TemporaryPostgres.startOrSkip()) {
      Config config = EngineFixture.config(tmp, Map.of(ConfigKey.SERVER_PORT, 0, ConfigKey.STORE_URL, pg.url(),
          ConfigKey.STORE_CONNECT_TIMEOUT, 1000, ConfigKey.STORE_STATEMENT_TIMEOUT, 5000,
          ConfigKey.SERVER_STATUS_REFRESH, 100, ConfigKey.STATUS_DEADLINE, 5000));
      try (Engine engine = Engines.open(config); CourseRecServer server = CourseRecServer.start(engine, config)) {
        HttpTestClient http = new HttpTestClient(server.url());
        awaitStatus(http, "/ready", 200);
        assertThat(http.post("/feedback", feedback("p-1", "py1")).status()).isEqualTo(201);

        pg.stop();
        HttpTestClient.Reply down = http.post("/feedback", feedback("p-2", "py2"));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("error").asText()).isEqualTo("store_unavailable");
        assertThat(down.json().get("detail").asText()).contains("unreachable");
        assertThat(down.header("retry-after")).isEqualTo("5");
        HttpTestClient.Reply rec = http.get("/recommend?user=u04&k=3");
        assertThat(rec.status()).as("recent feedback cannot be read: " + rec.body()).isEqualTo(503);
        HttpTestClient.Reply ready = awaitStatus(http, "/ready", 503);
        assertThat(ready.json().get("dependencies").get("model").asText()).isEqualTo("up");
        assertThat(ready.json().get("dependencies").get("store").asText()).startsWith("down: unreachable");
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/metrics").body()).contains("courserec_store_up 0.0");

        pg.start();
        awaitStatus(http, "/ready", 200);
        HttpTestClient.Reply again = http.post("/feedback", feedback("p-2", "py2"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("accepted").asInt()).isEqualTo(1); // the 503 stored nothing
        assertThat(http.get("/recommend?user=u04&k=3").status()).isEqualTo(200);
        assertThat(http.get("/users/u04/history?limit=1000").json().get("events").findValuesAsText("event_id"))
            .contains("p-1", "p-2");
      }
    }
  }

  private static String feedback(String eventId, String course) {
    return "{\"user_id\":\"u04\",\"course_id\":\"" + course + "\",\"event\":\"view\",\"event_id\":\"" + eventId + "\"}";
  }

  private static HttpTestClient.Reply awaitStatus(HttpTestClient http, String path, int status) throws Exception {
    long deadline = System.nanoTime() + WAIT;
    HttpTestClient.Reply r = http.get(path);
    while (r.status() != status) {
      assertThat(System.nanoTime()).as(path + " answers " + status + " within 60 s; last: " + r.body()).isLessThan(deadline);
      Thread.sleep(100);
      r = http.get(path);
    }
    return r;
  }
}
