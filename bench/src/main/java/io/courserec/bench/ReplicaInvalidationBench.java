package io.courserec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.DefaultEngine;
import io.courserec.engine.Engine;
import io.courserec.engine.Engines;
import io.courserec.engine.StaleAnswerListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * How soon feedback accepted by one replica invalidates the other's cached answer: two replicas (engine + HTTP
 * server each) in this JVM on one PostgreSQL schema (a throw-away one) and one models directory, a model trained
 * on {@code DATA} first. For each of {@code N} learners: B's answer is cached (the second GET is a hit), the learner
 * dismisses B's top course through A ({@code POST /feedback}), and the time is taken from A's 201 reaching the
 * client to B's {@link StaleAnswerListener} hearing the learner (B's cache entry dropped). Negative values mean B
 * heard before the client had A's answer (PostgreSQL delivers the notification at commit, while A is still
 * answering). Afterwards B's next answer must not hold the dismissed course (counted as violations). Prints
 * p50/p90/p99/max of that time and of the time from sending the POST. Then {@code PROMOTIONS} times (default 3)
 * A rebuilds and promotes a version ({@code startReindex}) and the time from A serving it to B serving it is taken
 * (B's poll of {@code models/CURRENT}, {@code models.poll_interval_ms} at its default of 2 s, plus B's load).
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java --add-modules jdk.incubator.vector -cp bench/target/courserec-bench.jar io.courserec.bench.ReplicaInvalidationBench \
 *     [PG_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres)] [DATA (default data/sample)] [N (200)] [PROMOTIONS (3)]
 * </pre>
 * Both replicas share this JVM's cores with the client, as two processes on one machine would; across machines the
 * network round trip to PostgreSQL adds to the figure once.
 */
public final class ReplicaInvalidationBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ReplicaInvalidationBench() {}

  public static void main(String[] args) throws Exception {
    String pg = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    Path data = Path.of(args.length > 1 ? args[1] : "data/sample");
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int promotions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    String schema = "courserec_bench_replicas_" + ProcessHandle.current().pid();
    Path work = Files.createTempDirectory("courserec-replicas-bench");
    Config config = Config.defaults().with(Map.of(
        ConfigKey.DATA_DIR, data.toString(),
        ConfigKey.MODELS_DIR, work.resolve("models").toString(),
        ConfigKey.INDEX_DIR, work.resolve("index").toString(),
        ConfigKey.STORE_URL, pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        ConfigKey.SERVER_PORT, "0",
        ConfigKey.TUNE_ENABLED, "false",
        ConfigKey.TRAIN_ON_START, "false",
        ConfigKey.FEEDBACK_RATE, "0",
        ConfigKey.LOG_ID_KEY, "replica-invalidation-bench-key-0123456789"));
    List<String> learners = LoadWorkload.readValues(data.resolve("users.csv"), "user_id", "id");
    try {
      System.out.println("training the model on " + data + " ...");
      try (DefaultEngine t = Engines.openForTraining(config)) {
        t.retrainNow(false);
      }
      Map<String, Long> heard = new ConcurrentHashMap<>();
      try (Engine a = Engines.open(config); Engine b = Engines.open(config);
           CourseRecServer sa = CourseRecServer.start(a, config); CourseRecServer sb = CourseRecServer.start(b, config)) {
        b.onStaleAnswers(new StaleAnswerListener() {
          @Override
          public void learnersChanged(List<String> userIds) {
            long now = System.nanoTime();
            for (String u : userIds) heard.putIfAbsent(u, now);
          }

          @Override
          public void everythingChanged(String reason) { }
        });
        await(() -> get(sa.url() + "/ready").statusCode() == 200 && get(sb.url() + "/ready").statusCode() == 200);
        run(sa.url(), sb.url(), learners.subList(0, Math.min(n, learners.size())), heard);
        for (int i = 0; i < promotions; i++) promote(a, b);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private static void run(String a, String b, List<String> learners, Map<String, Long> heard) throws Exception {
    double[] fromAnswer = new double[learners.size()];
    double[] fromSend = new double[learners.size()];
    int violations = 0;
    for (int i = 0; i < learners.size(); i++) {
      String user = learners.get(i);
      String path = "/recommend?k=10&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
      HttpResponse<String> cached = get(b + path);
      // right after start-up B caches nothing until its status poll has seen the model version: ask again
      for (int tries = 0; !"hit".equals(cached.headers().firstValue("X-Cache").orElse("")); tries++) {
        if (tries == 100) throw new IllegalStateException("B does not cache answers for " + user + ": " + cached.body());
        Thread.sleep(20);
        cached = get(b + path);
      }
      String top = JSON.readTree(cached.body()).get("items").get(0).get("course_id").asText();
      String body = JSON.writeValueAsString(Map.of("user_id", user, "course_id", top, "event", "dismiss"));
      long sent = System.nanoTime();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(a + "/feedback"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      if (r.statusCode() != 201) throw new IllegalStateException("feedback refused: " + r.body());
      long deadline = answered + Duration.ofSeconds(10).toNanos();
      while (!heard.containsKey(user)) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("B did not hear of " + user + " in 10 s");
        Thread.onSpinWait();
      }
      fromAnswer[i] = (heard.get(user) - answered) / 1e6;
      fromSend[i] = (heard.get(user) - sent) / 1e6;
      JsonNode after = JSON.readTree(get(b + path).body());
      if (after.get("items").findValuesAsText("course_id").contains(top)) violations++;
    }
    System.out.printf("%d feedbacks; cores %d, load average %.1f%n", learners.size(),
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    print("A's 201 at the client -> B invalidated", fromAnswer);
    print("POST sent to A        -> B invalidated", fromSend);
    System.out.println("B answers still holding the dismissed course: " + violations);
  }

  /** One rebuild on A; prints how long after A swapped it in B did. */
  private static void promote(Engine a, Engine b) throws InterruptedException {
    String before = a.status().modelVersion();
    a.startReindex();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (before.equals(a.status().modelVersion())) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("A did not promote a version in 10 minutes");
      Thread.sleep(5);
    }
    long swappedOnA = System.nanoTime();
    String v = a.status().modelVersion();
    while (!v.equals(b.status().modelVersion())) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("B did not pick up " + v);
      Thread.sleep(5);
    }
    System.out.printf("promotion: B served %s %d ms after A did%n", v, (System.nanoTime() - swappedOnA) / 1_000_000);
  }

  private static void print(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf("%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, min %.2f ms%n", what,
        rank(s, 0.50), rank(s, 0.90), rank(s, 0.99), s[s.length - 1], s[0]);
  }

  /** Nearest-rank quantile of sorted values. */
  private static double rank(double[] sorted, double q) {
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(java.util.function.BooleanSupplier ready) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("replicas not ready within 5 minutes");
      Thread.sleep(100);
    }
  }
}
