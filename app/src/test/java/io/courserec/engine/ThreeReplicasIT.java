package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.config.ConfigKey;
import io.courserec.store.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's three-replica test, with each replica a JVM of its own ({@link ServerProcess}) on one fresh PostgreSQL
 * schema and one models directory, as three {@code serve} processes run: A and B serve, C is a third replica that
 * retrains. In order:
 *
 * <ol>
 *   <li>feedback posted to one replica changes the other's next answer within 1 s, in both directions (A to B, B to
 *       A), the other having the answer cached first ({@code X-Cache: hit});
 *   <li>a version C builds and promotes ({@code POST /admin/retrain}) is what clients of A and of B get, within the
 *       poll plus a load allowance of C writing {@code models/CURRENT};
 *   <li>A is killed with {@code SIGKILL} while four clients keep posting feedback to it: every event A answered 201
 *       is in B's {@code /users/{id}/history}, and B keeps serving (ready, recommends, accepts feedback).
 * </ol>
 * ({@link ReplicasIT} checks the same agreement and more cases with both replicas in one JVM.) Skipped with one line
 * when PostgreSQL is not reachable. 30–45 s on a shared 2-core machine, mostly JVM start-ups and two builds.
 */
class ThreeReplicasIT {
  /** The bound on cross-replica staleness. */
  private static final Duration AGREE = Duration.ofSeconds(1);
  /** Models poll of the replicas; short so the test is quick (the default is 2 s). */
  private static final int POLL_MS = 200;
  /**
   * Time a replica may take to verify and load a picked-up version of the small fixture on top of the poll: a few
   * hundred milliseconds here; loose because the machine is shared, and only turns a hang into a failure.
   */
  private static final Duration LOAD = Duration.ofSeconds(15);
  /** How long C's build may take; not the assertion, only turns a hang into a failure. */
  private static final Duration BUILD = Duration.ofSeconds(60);
  private static final int ACKS_BEFORE_KILL = 150;
  private static final String TOKEN = "three-replicas-it-admin-token";

  @TempDir Path tmp;
  private String server;
  private String schema;

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) PostgresTestDatabase.dropSchema(server, schema);
  }

  @Test
  void twoServeOneRetrainsFeedbackAgreesPromotionsReachBothAndAKillLosesNoAcknowledgedEvent() throws Exception {
    server = PostgresTestDatabase.assumeReachable();
    schema = PostgresTestDatabase.freshSchema();
    Map<ConfigKey, Object> shared = Map.of(
        ConfigKey.STORE_URL, PostgresTestDatabase.withSchema(server, schema),
        ConfigKey.MODELS_POLL, POLL_MS,
        ConfigKey.TRAIN_ON_START, false,
        ConfigKey.LOG_ID_KEY, "three-replicas-it-key-0123456789abcdef",
        ConfigKey.ADMIN_TOKEN, TOKEN,
        // C's retrain is promoted whatever its holdout NDCG (the gate's margin covers the whole range): the test is
        // about the promotion reaching the replicas, not about the gate (ModelLifecycleTest)
        ConfigKey.PROMOTE_MARGIN, 1.0);
    String v1;
    try (DefaultEngine t = Engines.openForTraining(EngineFixture.config(tmp, shared))) {
      v1 = t.retrainNow(false).version();
    }
    ModelStore models = new ModelStore(tmp.resolve("models"));
    try (ServerProcess a = ServerProcess.start(tmp, "A", shared);
         ServerProcess b = ServerProcess.start(tmp, "B", shared);
         ServerProcess c = ServerProcess.start(tmp, "C", shared)) {
      HttpTestClient httpA = a.http();
      HttpTestClient httpB = b.http();
      HttpTestClient httpC = c.http();

      // 1. feedback through one replica changes the other's cached answer within 1 s
      feedbackChangesTheOthersNextAnswer(httpA, httpB, "u01");
      feedbackChangesTheOthersNextAnswer(httpB, httpA, "u02");

      // 2. a version C promotes reaches A and B
      assertThat(httpA.getCached("/recommend?user=u03&k=5").json().get("model_version").asText()).isEqualTo(v1);
      HttpTestClient.Reply started = httpC.post("/admin/retrain", "", "Authorization", "Bearer " + TOKEN);
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      EngineFixture.await(() -> models.current().filter(v -> !v.equals(v1)).isPresent(), "C to promote a version", BUILD);
      long promoted = System.nanoTime();
      String v2 = models.current().orElseThrow();
      for (HttpTestClient replica : List.of(httpA, httpB)) {
        EngineFixture.awaitWithin(Duration.ofMillis(POLL_MS).plus(LOAD), "a serving replica to answer on " + v2,
            () -> v2.equals(answer(replica, "/recommend?user=u03&k=5").get("model_version").asText()));
      }
      System.out.printf("A and B answered on %s %d ms after C promoted it (poll every %d ms)%n", v2,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - promoted), POLL_MS);
      JsonNode job = awaitJob(httpC, started.json().get("id").asText());
      assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
      assertThat(job.get("message").asText()).as(job.toString()).contains(v2).contains("promoted");

      // 3. A killed while clients post to it: every acknowledged event is in the store, B serves on
      AcknowledgedFeedback feedback = new AcknowledgedFeedback(a.awaitReady(), 4);
      EngineFixture.await(() -> feedback.acknowledged() >= ACKS_BEFORE_KILL || !a.isAlive(),
          ACKS_BEFORE_KILL + " acknowledged events", Duration.ofSeconds(60));
      assertThat(a.isAlive()).as("A alive until killed").isTrue();
      a.kill();
      feedback.join();
      System.out.printf("A killed after %d acknowledged events%n", feedback.acknowledged());
      feedback.assertStoredAsSeenBy(httpB);
      assertThat(httpB.get("/ready").status()).isEqualTo(200);
      assertThat(answer(httpB, "/recommend?user=u04&k=5").get("items").size()).isEqualTo(5);
      HttpTestClient.Reply after = httpB.post("/feedback",
          "{\"user_id\":\"u04\",\"course_id\":\"py1\",\"event\":\"view\",\"event_id\":\"after-kill\"}");
      assertThat(after.status()).as(after.body()).isEqualTo(201);
      assertThat(c.isAlive()).isTrue();
    }
  }

  /**
   * {@code to} has the learner's answer cached; the learner dismisses its top course through {@code from}; within
   * {@link #AGREE} of {@code from}'s 201, {@code to}'s next answer no longer holds that course.
   */
  private static void feedbackChangesTheOthersNextAnswer(HttpTestClient from, HttpTestClient to, String user)
      throws Exception {
    String path = "/recommend?user=" + user + "&k=10";
    String top = to.getCached(path).json().get("items").get(0).get("course_id").asText();
    HttpTestClient.Reply fb = from.post("/feedback",
        "{\"user_id\":\"" + user + "\",\"course_id\":\"" + top + "\",\"event\":\"dismiss\"}");
    assertThat(fb.status()).as(fb.body()).isEqualTo(201);
    long accepted = System.nanoTime();
    EngineFixture.awaitWithin(AGREE, "the other replica to drop " + top + " for " + user,
        () -> !answer(to, path).get("items").findValuesAsText("course_id").contains(top));
    System.out.printf("the other replica dropped %s for %s %d ms after the 201%n", top, user,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepted));
  }

  private static JsonNode answer(HttpTestClient http, String path) {
    try {
      HttpTestClient.Reply r = http.get(path);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.json();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode awaitJob(HttpTestClient http, String id) throws Exception {
    long deadline = System.nanoTime() + BUILD.toNanos();
    while (true) {
      JsonNode job = http.get("/admin/jobs/" + id, "Authorization", "Bearer " + TOKEN).json();
      if (!job.path("finished_at").isNull() && !job.path("finished_at").isMissingNode()) return job;
      if (System.nanoTime() > deadline) throw new AssertionError("job " + id + " not finished: " + job);
      Thread.sleep(50);
    }
  }
}
