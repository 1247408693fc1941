package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.store.InteractionStore;
import io.courserec.store.InteractionStores;
import io.courserec.store.PostgresInteractionStore;
import io.courserec.store.PostgresTestDatabase;
import io.courserec.store.StoreLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two serving replicas in one JVM, each an engine and an HTTP server of its own, on one PostgreSQL schema (fresh per
 * test) and one models directory, as two {@code serve} processes would run: feedback accepted by A changes B's
 * cached answer within 1 s; a version A promotes is what B answers with after B's next poll; a killed listener connection
 * reconnects and empties the cache; a learner erased through A is hidden by B at once; of two scheduled retrains
 * only one runs. Skipped with one line when PostgreSQL is not reachable.
 */
class ReplicasIT {
  /** The bound on cross-replica staleness. */
  private static final Duration AGREE = Duration.ofSeconds(1);
  /** Models poll of the replicas; short so the test is quick (the default is 2 s). */
  private static final int POLL_MS = 200;
  /**
   * Time B may take to verify and load a picked-up version of the small fixture on top of the poll: the load takes
   * a few hundred milliseconds here; the bound is loose because the machine is shared, and only turns a hang into a
   * failure.
   */
  private static final Duration LOAD = Duration.ofSeconds(15);

  /** One first version for every test (a build takes seconds on a shared machine), copied into each test's models. */
  @TempDir static Path shared;
  private static String v1;

  @TempDir Path tmp;
  private String server;
  private String schema;
  private Config config;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void buildTheFirstVersion() {
    PostgresTestDatabase.assumeReachable();
    // the version format does not depend on the store; it covers store sequence 0, as a fresh schema starts
    try (DefaultEngine t = Engines.openForTraining(EngineFixture.config(shared))) {
      v1 = t.retrainNow(false).version();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    server = PostgresTestDatabase.assumeReachable();
    EngineFixture.copyTree(shared.resolve("models"), tmp.resolve("models"));
    schema = PostgresTestDatabase.freshSchema();
    config = EngineFixture.config(tmp, Map.of(ConfigKey.STORE_URL, PostgresTestDatabase.withSchema(server, schema),
        ConfigKey.SERVER_PORT, 0, ConfigKey.MODELS_POLL, POLL_MS, ConfigKey.TRAIN_ON_START, false,
        ConfigKey.LOG_ID_KEY, "replicas-it-key-0123456789abcdef0123456789"));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    if (schema != null) PostgresTestDatabase.dropSchema(server, schema);
  }

  /** A replica: a server engine and its HTTP server. */
  private record Replica(DefaultEngine engine, CourseRecServer server, HttpTestClient http) {}

  private Replica replica() throws Exception {
    DefaultEngine e = (DefaultEngine) Engines.open(config);
    open.add(e);
    CourseRecServer s = CourseRecServer.start(e, config);
    open.add(s);
    EngineFixture.await(e::ready, "the replica to load the model");
    return new Replica(e, s, new HttpTestClient(s.url()));
  }

  @Test
  void feedbackThroughOneReplicaChangesTheOthersCachedAnswerWithinOneSecond() throws Exception {
    Replica a = replica();
    Replica b = replica();
    for (String user : List.of("u01", "u02", "u03")) {
      String path = "/recommend?user=" + user + "&k=10";
      HttpTestClient.Reply cached = b.http().getCached(path);
      String top = cached.json().get("items").get(0).get("course_id").asText();

      HttpTestClient.Reply fb = a.http().post("/feedback",
          "{\"user_id\":\"" + user + "\",\"course_id\":\"" + top + "\",\"event\":\"dismiss\"}");
      assertThat(fb.status()).as(fb.body()).isEqualTo(201);
      long accepted = System.nanoTime();
      EngineFixture.awaitWithin(AGREE, "B to drop " + top + " for " + user, () -> !courses(b, path).contains(top));
      System.out.printf("B dropped the dismissed course %d ms after A's 201%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepted));
    }
    assertThat(b.http().get("/metrics").body()).contains("courserec_replica_invalidations_total{scope=\"learner\"} 3.0");
  }

  @Test
  void aVersionPromotedByOneReplicaServesOnTheOtherAfterItsPoll() throws Exception {
    Replica a = replica();
    Replica b = replica();
    assertThat(b.http().get("/recommend?user=u01&k=5").json().get("model_version").asText()).isEqualTo(v1);

    JobStatus j = EngineFixture.awaitJob(a.engine(), a.engine().startReindex().id()); // promoted without the gate
    assertThat(j.state()).as(j.message()).isEqualTo("succeeded");
    String v2 = a.engine().status().modelVersion();
    assertThat(v2).isNotEqualTo(v1);
    long promoted = System.nanoTime();
    // what a client of B sees, cache included: B's cached answer on v1 must not outlive the pickup
    EngineFixture.awaitWithin(Duration.ofMillis(POLL_MS).plus(LOAD), "B to answer on " + v2,
        () -> v2.equals(answer(b, "/recommend?user=u01&k=5").get("model_version").asText()));
    System.out.printf("B answered on %s %d ms after A promoted it (poll every %d ms)%n", v2,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - promoted), POLL_MS);
    assertThat(b.engine().status().modelVersion()).isEqualTo(v2);
  }

  @Test
  void aKilledListenerReconnectsEmptiesTheCacheAndHearsAgain() throws Exception {
    Replica a = replica();
    Replica b = replica();
    String path = "/recommend?user=u02&k=10";
    b.http().getCached(path);
    double before = fullInvalidations(b);

    assertThat(terminateListeners()).as("one listener per replica").isEqualTo(2);
    EngineFixture.awaitWithin(Duration.ofSeconds(10), "B's listener to reconnect", () -> fullInvalidations(b) > before);
    assertThat(b.http().get(path).header("x-cache")).as("emptied after the reconnect").isEqualTo("miss");

    String top = b.http().get(path).json().get("items").get(0).get("course_id").asText();
    assertThat(a.http().post("/feedback", "{\"user_id\":\"u02\",\"course_id\":\"" + top + "\",\"event\":\"dismiss\"}")
        .status()).isEqualTo(201);
    EngineFixture.awaitWithin(AGREE, "B to hear A's feedback after the reconnect", () -> !courses(b, path).contains(top));
  }

  @Test
  void aLearnerErasedThroughOneReplicaIsHiddenByTheOtherAtOnce() throws Exception {
    Replica a = replica();
    Replica b = replica();
    assertThat(b.http().get("/users/u05/history").status()).isEqualTo(200);
    a.engine().forget("u05");
    // B re-reads the shared erasure list on the store's notification, before A's rebuild is promoted
    EngineFixture.awaitWithin(AGREE, "B to hide the erased learner", () -> status(b, "/users/u05/history") == 404);
  }

  @Test
  void ofTwoScheduledRetrainsOnlyOneRuns() throws Exception {
    // A trains the first version itself (so for A it is its own, for B one promoted elsewhere just now)
    ModelStore.deleteTree(tmp.resolve("models"));
    Config trainsFirst = config.with(ConfigKey.TRAIN_ON_START, true);
    DefaultEngine first = (DefaultEngine) Engines.open(trainsFirst);
    open.add(first);
    CourseRecServer firstServer = CourseRecServer.start(first, trainsFirst);
    open.add(firstServer);
    EngineFixture.await(first::ready, "A to train and load the first version");
    Replica a = new Replica(first, firstServer, new HttpTestClient(firstServer.url()));
    Replica b = replica();
    Duration every = Duration.ofMinutes(60);
    try (InteractionStore third = InteractionStores.open(config.string(ConfigKey.STORE_URL))) {
      // a third process holds the lock: A, which would build (its own version is the newest), skips its round
      Optional<StoreLock> held = third.tryLock(ModelLifecycle.RETRAIN_LOCK);
      assertThat(held).isPresent();
      JobStatus skipped = EngineFixture.awaitJob(a.engine(), a.engine().lifecycle().startScheduledRetrain(every).id());
      assertThat(skipped.message()).startsWith("skipped: another replica is retraining");
      // an explicit POST /admin/retrain (or reindex) takes the same lock: no second build while one runs elsewhere
      int before = a.engine().models().size();
      JobStatus explicit = EngineFixture.awaitJob(a.engine(), a.engine().startRetrain().id());
      assertThat(explicit.message()).startsWith("skipped: another replica is retraining");
      JobStatus reindex = EngineFixture.awaitJob(a.engine(), a.engine().lifecycle().startReindex().id());
      assertThat(reindex.message()).startsWith("skipped: another replica is retraining");
      assertThat(a.engine().models()).hasSize(before);
      held.get().close();
    }
    int versions = a.engine().models().size();
    // both at once: A builds; B skips, as it would after any replica's recent promotion (the first version, built by
    // A, is minutes younger than half the interval), before it even asks for the lock, so it cannot make A skip by
    // holding it for its check. The lock's exclusion itself is what the held lock above shows.
    String ja = a.engine().lifecycle().startScheduledRetrain(every).id();
    String jb = b.engine().lifecycle().startScheduledRetrain(every).id();
    List<String> messages = List.of(EngineFixture.awaitJob(a.engine(), ja).message(),
        EngineFixture.awaitJob(b.engine(), jb).message());
    assertThat(messages.get(0)).as(messages.toString()).doesNotStartWith("skipped");
    assertThat(messages.get(1)).as(messages.toString()).startsWith("skipped: ");
    assertThat(a.engine().models()).as("one new version").hasSize(versions + 1);
  }

  private static List<String> courses(Replica r, String path) {
    return answer(r, path).get("items").findValuesAsText("course_id");
  }

  private static com.fasterxml.jackson.databind.JsonNode answer(Replica r, String path) {
    try {
      HttpTestClient.Reply rep = r.http().get(path);
      assertThat(rep.status()).as(rep.body()).isEqualTo(200);
      return rep.json();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int status(Replica r, String path) {
    try {
      return r.http().get(path).status();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double fullInvalidations(Replica r) {
    try {
      for (String line : r.http().get("/metrics").body().split("\n")) {
        if (line.startsWith("courserec_replica_invalidations_total{scope=\"all\"}")) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      throw new AssertionError("no courserec_replica_invalidations_total{scope=\"all\"} in /metrics");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Terminates every change listener connection of this test's schema; returns how many. */
  private int terminateListeners() throws Exception {
    return PostgresTestDatabase.terminateSessions(server, PostgresInteractionStore.LISTENER_APPLICATION + schema);
  }
}
