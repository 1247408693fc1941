package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client threads that post feedback to one server until it is gone, and the record of every event it acknowledged:
 * single {@code view} events and batches of three (every fourth request), each with an event id
 * {@code c<client>-<request>-<n>} over fixture learners and courses; an id counts once its request was answered 201.
 * Any other answer fails the test; an I/O error ends the client (the server was killed). Requests cut off by a kill
 * may or may not have been stored, so only acknowledged ids are checked ({@link #assertStoredAsSeenBy}).
 */
final class AcknowledgedFeedback {
  private static final String[] COURSES = {"py1", "ds2", "ux3", "bz4", "es5", "py6", "ds7"};

  private final Map<String, Set<String>> acked = new ConcurrentHashMap<>();
  private final AtomicInteger acks = new AtomicInteger();
  private final List<Thread> clients = new ArrayList<>();
  private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Starts {@code n} clients posting to {@code url}. */
  AcknowledgedFeedback(String url, int n) {
    for (int t = 0; t < n; t++) {
      int id = t;
      clients.add(Thread.ofPlatform().name("feedback-client-" + t).start(() -> {
        try {
          post(url, id);
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
  }

  /** Events acknowledged so far. */
  int acknowledged() {
    return acks.get();
  }

  /** Waits for the clients to end (they end when the server is gone); fails on any answer other than 201. */
  void join() throws InterruptedException {
    for (Thread c : clients) {
      c.join(20_000);
      assertThat(c.isAlive()).as(c.getName() + " ended 20 s after its server").isFalse();
    }
    if (!failures.isEmpty()) throw new AssertionError("a feedback client failed", failures.get(0));
  }

  /** Checks that each learner's history as {@code server} reads it contains every event acknowledged for them. */
  void assertStoredAsSeenBy(HttpTestClient server) throws IOException, InterruptedException {
    for (Map.Entry<String, Set<String>> e : acked.entrySet()) {
      HttpTestClient.Reply r = server.get("/users/" + e.getKey() + "/history?limit=1000");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode h = r.json();
      Set<String> ids = new HashSet<>(h.get("events").findValuesAsText("event_id"));
      assertThat(ids).as("history of %s", e.getKey()).containsAll(e.getValue());
    }
  }

  private void post(String url, int client) throws InterruptedException {
    HttpTestClient http = new HttpTestClient(url);
    for (int i = 0; ; i++) {
      String user = String.format("u%02d", 1 + (client * 13 + i) % EngineFixture.LEARNERS);
      int n = i % 4 == 0 ? 3 : 1;
      List<String> ids = new ArrayList<>();
      StringBuilder body = new StringBuilder(n > 1 ? "[" : "");
      for (int j = 0; j < n; j++) {
        String id = "c" + client + "-" + i + "-" + j;
        ids.add(id);
        if (j > 0) body.append(',');
        body.append("{\"user_id\":\"").append(user).append("\",\"course_id\":\"").append(COURSES[(i + j) % COURSES.length])
            .append("\",\"event\":\"view\",\"event_id\":\"").append(id).append("\"}");
      }
      if (n > 1) body.append(']');
      HttpTestClient.Reply r;
      try {
        r = http.post("/feedback", body.toString());
      } catch (IOException e) {
        return; // the server was killed
      }
      if (r.status() != 201) throw new AssertionError("feedback answered " + r.status() + ": " + r.body());
      acked.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).addAll(ids);
      acks.addAndGet(n);
    }
  }
}
