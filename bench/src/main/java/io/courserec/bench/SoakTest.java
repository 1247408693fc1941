package io.courserec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Soak test of a running courserec server: {@code --concurrency} closed-loop workers send a mix of recommend,
 * search and feedback requests for {@code --duration}, a retrain is started every {@code --retrain-every}, and
 * every {@code --sample} the harness records one row: requests, p50/p99/max latency and errors of that window,
 * the server's heap after the last collection ({@code jvm_gc_live_data_size_bytes} from {@code /metrics}, i.e.
 * what survived GC, the number that grows when memory leaks) and its heap in use, and whether a retrain was running.
 * Rows go to {@code --out}.csv and a Markdown report {@code --out}.md ({@link SoakReport}).
 *
 * <pre>
 * java -cp bench/target/courserec-bench.jar io.courserec.bench.SoakTest --url http://127.0.0.1:8092 \
 *     --users-file /tmp/g10k/users.csv --queries-file /tmp/g10k/courses.csv \
 *     --duration 30m --retrain-every 10m --admin-token-file token --out docs/soak/soak-10k
 * </pre>
 * A retrain slot that comes while the previous retrain still runs is skipped (and noted), so at most one runs.
 * Feedback events are {@code view}s of random courses by random learners with unique event ids
 * ({@code soak-<run>-<worker>-<n>}), so every one is stored. Errors: any status other than 200/201, and transport
 * failures; 429 (rate limit) and 503 (not ready, store unavailable) are counted as errors too, by status.
 */
@Command(name = "SoakTest", mixinStandardHelpOptions = true, description = "Long mixed-load test of a courserec server.")
public final class SoakTest implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "Server base URL") URI url;
  @Option(names = "--concurrency", defaultValue = "4", description = "Concurrent workers (default ${DEFAULT-VALUE})") int concurrency;
  @Option(names = "--duration", defaultValue = "30m", converter = LoadTest.DurationConverter.class, description = "Total time (e.g. 30m)") Duration duration;
  @Option(names = "--sample", defaultValue = "30s", converter = LoadTest.DurationConverter.class, description = "Row interval") Duration sample;
  @Option(names = "--retrain-every", defaultValue = "10m", converter = LoadTest.DurationConverter.class, description = "Retrain interval; the first starts after one interval") Duration retrainEvery;
  @Option(names = "--users-file", required = true, description = "Learner ids (users.csv)") Path usersFile;
  @Option(names = "--queries-file", required = true, description = "courses.csv: titles for search, ids for feedback") Path queriesFile;
  @Option(names = "--mix", defaultValue = "recommend:0.6,search:0.3,feedback:0.1", description = "Operation weights") String mix;
  @Option(names = "--uncached", description = "Send Cache-Control: no-cache on recommend") boolean uncached;
  @Option(names = "--admin-token-file", description = "Admin token file (else env COURSEREC_SERVER_ADMIN_TOKEN)") Path adminTokenFile;
  @Option(names = "--seed", defaultValue = "42", description = "Seed of the request sequence") long seed;
  @Option(names = "--out", required = true, description = "Output path without extension: writes .csv and .md") Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SoakTest()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    double feedbackWeight = 0;
    StringBuilder getMix = new StringBuilder();
    for (String part : mix.split(",")) {
      String[] kv = part.trim().split(":");
      if (kv[0].trim().equals("feedback")) feedbackWeight = Double.parseDouble(kv[1].trim());
      else getMix.append(getMix.isEmpty() ? "" : ",").append(part.trim());
    }
    List<LoadWorkload.Op> ops = LoadWorkload.parseMix(getMix.toString());
    double getWeight = ops.stream().mapToDouble(LoadWorkload.Op::weight).sum();
    double feedbackShare = feedbackWeight / (feedbackWeight + getWeight);
    List<String> users = LoadWorkload.readValues(usersFile, "user_id", "id");
    List<String> titles = LoadWorkload.readValues(queriesFile, "title");
    List<String> courses = LoadWorkload.readValues(queriesFile, "course_id", "id");
    LoadWorkload workload = new LoadWorkload(url, ops, users, titles, courses, 10, uncached);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String token = adminTokenFile != null ? Files.readString(adminTokenFile).trim() : System.getenv("COURSEREC_SERVER_ADMIN_TOKEN");
    String run = Long.toString(System.currentTimeMillis(), 36);

    System.out.printf("courserec soak test: %s, %d workers, %s, mix %s, retrain every %s, %d learners, %d courses%n",
        url, concurrency, duration, mix, retrainEvery, users.size(), courses.size());
    SoakReport report = new SoakReport(Instant.now(), url.toString(), concurrency, mix, duration, retrainEvery);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    AtomicReference<SoakReport.Window> window = new AtomicReference<>(new SoakReport.Window());
    AtomicReference<String> retrainState = new AtomicReference<>("");
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + w);
      threads.add(Thread.ofPlatform().name("soak-" + w).start(() -> {
        AtomicLong n = new AtomicLong();
        while (System.nanoTime() < end) {
          boolean feedback = rnd.nextDouble() < feedbackShare;
          String op;
          HttpRequest req;
          if (feedback) {
            op = "feedback";
            String body = "{\"user_id\":" + json(users.get(rnd.nextInt(users.size()))) + ",\"course_id\":"
                + json(courses.get(rnd.nextInt(courses.size()))) + ",\"event\":\"view\",\"event_id\":\"soak-" + run
                + "-" + worker + "-" + n.incrementAndGet() + "\"}";
            req = HttpRequest.newBuilder(url.resolve("/feedback")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
          } else {
            LoadWorkload.Request r = workload.next(rnd);
            op = r.op();
            req = r.http();
          }
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            window.get().record(op, (System.nanoTime() - t0) / 1000, resp.statusCode());
          } catch (IOException e) {
            window.get().record(op, (System.nanoTime() - t0) / 1000, -1);
          } catch (InterruptedException e) {
            return;
          }
        }
      }));
    }
    if (token != null && !token.isBlank()) {
      threads.add(Thread.ofPlatform().name("soak-retrain").start(() -> retrainLoop(http, token, start, end, retrainState, report)));
    } else {
      System.err.println("no admin token: no retrains (give --admin-token-file)");
    }
    for (long next = start + sample.toNanos(); next <= end + sample.toNanos() / 2; next += sample.toNanos()) {
      Thread.sleep(Math.max(0, (Math.min(next, end) - System.nanoTime()) / 1_000_000));
      SoakReport.Window done = window.getAndSet(new SoakReport.Window());
      long[] heap = heap(http);
      SoakReport.Row row = done.row((System.nanoTime() - start) / 1e9, heap[0], heap[1], retrainState.get());
      report.add(row);
      System.out.println(row.csv());
      if (System.nanoTime() >= end) break;
    }
    for (Thread t : threads) t.join(Duration.ofSeconds(60));
    report.write(out);
    System.out.println(report.summary());
    return report.totalErrors() == 0 ? 0 : 1;
  }

  /** Every {@code retrainEvery}: start a retrain, poll it until it ends (or the run ends); record start and end. */
  private void retrainLoop(HttpClient http, String token, long start, long end, AtomicReference<String> state, SoakReport report) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      for (long at = start + retrainEvery.toNanos(); at < end; at += retrainEvery.toNanos()) {
        if (System.nanoTime() > at) { // the previous retrain ran past this slot: skip it rather than pile up
          report.note(String.format("%.0f s: retrain slot skipped, the previous retrain was still running",
              (at - start) / 1e9));
          continue;
        }
        Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(url.resolve("/admin/retrain"))
            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        double t0 = (System.nanoTime() - start) / 1e9;
        if (started.statusCode() != 202) {
          report.note(String.format("%.0f s: retrain not started: HTTP %d %s", t0, started.statusCode(), started.body()));
          continue;
        }
        String id = mapper.readTree(started.body()).get("id").asText();
        state.set("retraining");
        String outcome = "still running at the end of the run";
        while (System.nanoTime() < end) {
          Thread.sleep(1000);
          JsonNode job = mapper.readTree(http.send(HttpRequest.newBuilder(url.resolve("/admin/jobs/" + id))
              .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
          String s = job.path("state").asText();
          if (s.equals("succeeded") || s.equals("failed")) {
            outcome = s + ": " + job.path("message").asText();
            break;
          }
        }
        state.set("");
        report.note(String.format("%.0f s: retrain %s started; after %.0f s %s", t0, id,
            (System.nanoTime() - start) / 1e9 - t0, outcome));
      }
    } catch (IOException e) {
      report.note("retrain request failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {jvm_gc_live_data_size_bytes, sum of jvm_memory_used_bytes{area="heap"}} from /metrics; -1 when unreadable. */
  private long[] heap(HttpClient http) {
    long live = -1;
    long used = 0;
    try {
      String text = http.send(HttpRequest.newBuilder(url.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      for (String line : text.split("\n")) {
        if (line.startsWith("jvm_gc_live_data_size_bytes ")) live = (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new long[] {-1, -1};
    }
    return new long[] {live, used};
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
