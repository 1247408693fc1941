package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A restart keeps every acknowledged event", end to end: a server in a child JVM ({@link ServerChild}) receives
 * feedback from four client threads (single events and batches of three, each with an event id); the test records
 * every event id answered 201, kills the process with SIGKILL while the clients are still posting, starts a new
 * server on the same model and store directories, and checks that each learner's {@code /users/{id}/history}
 * contains every acknowledged event. Events whose request was cut off by the kill may or may not be there.
 */
class RestartKeepsFeedbackIT {
  private static final int ACKS_BEFORE_KILL = 150;
  @TempDir Path tmp;

  @Test
  void everyAcknowledgedEventSurvivesAKill() throws Exception {
    Map<String, Set<String>> acked = new ConcurrentHashMap<>();
    AtomicInteger acks = new AtomicInteger();
    Process first = start("first");
    String url = awaitReady(first, "first");
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      clients.add(Thread.ofPlatform().start(() -> post(url, id, acked, acks)));
    }
    while (acks.get() < ACKS_BEFORE_KILL) {
      assertThat(first.isAlive()).as("first server alive").isTrue();
      Thread.sleep(10);
    }
    first.destroyForcibly(); // SIGKILL while the clients keep posting
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    for (Thread c : clients) c.join(20_000);
    int total = acked.values().stream().mapToInt(Set::size).sum();
    assertThat(total).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

    Process second = start("second");
    try {
      HttpTestClient http = new HttpTestClient(awaitReady(second, "second"));
      for (Map.Entry<String, Set<String>> e : acked.entrySet()) {
        JsonNode h = http.get("/users/" + e.getKey() + "/history").json();
        Set<String> ids = new HashSet<>(h.get("events").findValuesAsText("event_id"));
        assertThat(ids).as("history of %s", e.getKey()).containsAll(e.getValue());
      }
    } finally {
      second.destroyForcibly();
      second.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Posts until the server is gone; records the event ids of every 201. */
  private static void post(String url, int client, Map<String, Set<String>> acked, AtomicInteger acks) {
    HttpTestClient http = new HttpTestClient(url);
    String[] courses = {"py1", "ds2", "ux3", "bz4", "es5", "py6", "ds7"};
    for (int i = 0; ; i++) {
      String user = String.format("u%02d", 1 + (client * 13 + i) % 60);
      int n = i % 4 == 0 ? 3 : 1;
      List<String> ids = new ArrayList<>();
      StringBuilder body = new StringBuilder(n > 1 ? "[" : "");
      for (int j = 0; j < n; j++) {
        String id = "c" + client + "-" + i + "-" + j;
        ids.add(id);
        if (j > 0) body.append(',');
        body.append("{\"user_id\":\"").append(user).append("\",\"course_id\":\"").append(courses[(i + j) % courses.length])
            .append("\",\"event\":\"view\",\"event_id\":\"").append(id).append("\"}");
      }
      if (n > 1) body.append(']');
      try {
        HttpTestClient.Reply r = http.post("/feedback", body.toString());
        if (r.status() != 201) throw new AssertionError("feedback answered " + r.status() + ": " + r.body());
        acked.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).addAll(ids);
        acks.addAndGet(n);
      } catch (java.io.IOException e) {
        return; // the server was killed
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private Process start(String name) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), ServerChild.class.getName(), tmp.toString())
        .redirectError(tmp.resolve(name + ".stderr").toFile())
        .start();
  }

  /** Reads the child's URL line, then polls {@code /ready} until it answers 200. */
  private String awaitReady(Process child, String name) throws Exception {
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (java.io.IOException e) {
        // killed
      }
    });
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("URL ")) {
      throw new AssertionError(name + " server did not start; stderr:\n" + Files.readString(tmp.resolve(name + ".stderr")));
    }
    String url = line.substring(4);
    HttpTestClient http = new HttpTestClient(url);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (http.get("/ready").status() != 200) {
      if (System.nanoTime() > deadline || !child.isAlive()) {
        throw new AssertionError(name + " server not ready; stderr:\n" + Files.readString(tmp.resolve(name + ".stderr")));
      }
      Thread.sleep(100);
    }
    return url;
  }
}
