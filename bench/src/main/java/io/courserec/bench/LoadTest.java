package io.courserec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Closed-loop HTTP load test of a running courserec server: {@code --concurrency} workers each send one request,
 * wait for the answer, and send the next, for {@code --warmup} (not recorded) then {@code --duration}. Reports
 * p50/p90/p99/max latency, throughput and errors per operation ({@link LoadReport}). Optionally starts a retrain
 * ({@code --retrain-at}) and reports the requests that started while the job ran as phase {@code during-retrain}.
 *
 * <pre>
 * java -cp bench/target/courserec-bench.jar io.courserec.bench.LoadTest --url http://127.0.0.1:8080 \
 *     --users-file data/generated/users.csv --queries-file data/generated/courses.csv \
 *     --concurrency 8 --duration 30s --mix recommend:0.7,search:0.3 --uncached
 * </pre>
 * Latency is measured per request from send to full body (closed loop: no coordinated-omission correction, so it
 * is the service time at that concurrency, not the latency at a fixed arrival rate). The admin token for
 * {@code --retrain-at} is read from {@code --admin-token-file} or the environment variable
 * {@code COURSEREC_SERVER_ADMIN_TOKEN}, never from the command line (it would show in the process list). Exit code 0, or 1 when any request failed.
 */
@Command(name = "LoadTest", mixinStandardHelpOptions = true, description = "HTTP load test of a courserec server.")
public final class LoadTest implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "Server base URL") URI url;
  @Option(names = "--concurrency", defaultValue = "8", description = "Concurrent workers (default ${DEFAULT-VALUE})") int concurrency;
  @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class, description = "Measured time (e.g. 30s, 2m)") Duration duration;
  @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class, description = "Unrecorded warm-up") Duration warmup;
  @Option(names = "--users-file", required = true, description = "Learner ids: users.csv (user_id or id column) or one per line") Path usersFile;
  @Option(names = "--queries-file", description = "Search texts and course ids: courses.csv (title, id) or one text per line") Path queriesFile;
  @Option(names = "--mix", defaultValue = "recommend:0.7,search:0.3", description = "Operations and weights: recommend, search, similar") String mix;
  @Option(names = "--uncached", description = "Send Cache-Control: no-cache (default: cached)") boolean uncached;
  @Option(names = "--cached", description = "Draw learners from the first --hot-users ids so the cache is hit (default)") boolean cached;
  @Option(names = "--hot-users", defaultValue = "1000", description = "Learners used in cached mode") int hotUsers;
  @Option(names = "--k", defaultValue = "10", description = "k per request") int k;
  @Option(names = "--seed", defaultValue = "42", description = "Seed of the request sequence") long seed;
  @Option(names = "--retrain-at", converter = DurationConverter.class, description = "Start POST /admin/retrain this long into the measured phase") Duration retrainAt;
  @Option(names = "--admin-token-file", description = "File holding the admin token for --retrain-at (else env COURSEREC_SERVER_ADMIN_TOKEN)") Path adminTokenFile;
  @Option(names = "--json", description = "Also write the report as JSON to this file") Path json;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadTest()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (cached && uncached) throw new CommandLine.ParameterException(new CommandLine(this), "--cached and --uncached exclude each other");
    List<LoadWorkload.Op> ops = LoadWorkload.parseMix(mix);
    boolean needsQueries = ops.stream().anyMatch(o -> !o.name().equals("recommend"));
    if (needsQueries && queriesFile == null) throw new CommandLine.ParameterException(new CommandLine(this), "--queries-file is needed for search/similar");
    List<String> users = LoadWorkload.readValues(usersFile, "user_id", "id");
    if (!uncached) users = users.subList(0, Math.min(hotUsers, users.size()));
    List<String> queries = needsQueries ? LoadWorkload.readValues(queriesFile, "title") : List.of();
    List<String> courseIds = ops.stream().anyMatch(o -> o.name().equals("similar")) ? LoadWorkload.readValues(queriesFile, "id") : List.of();
    LoadWorkload workload = new LoadWorkload(url, ops, users, queries, courseIds, k, uncached);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    System.out.printf("courserec load test: %s, %d workers, %d ms measured after %d ms warm-up, %s, mix %s, %d learners%n",
        url, concurrency, duration.toMillis(), warmup.toMillis(), uncached ? "uncached" : "cached", mix, users.size());
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + duration.toNanos();
    AtomicLong retrainFrom = new AtomicLong(Long.MAX_VALUE);
    AtomicLong retrainTo = new AtomicLong(Long.MAX_VALUE);
    List<LoadReport.Recorder> recorders = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    // requests of the warm-up belong to no phase (not recorded)
    LongFunction<String> phaseAt = now -> now < measureFrom ? null
        : now >= retrainFrom.get() && now < retrainTo.get() ? "during-retrain" : "steady";
    for (int w = 0; w < concurrency; w++) {
      LoadReport.Recorder rec = new LoadReport.Recorder();
      recorders.add(rec);
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + w);
      workers.add(Thread.ofPlatform().name("load-" + w).start(() -> work(http, workload, rnd, rec, phaseAt, now -> now >= end)));
    }
    Thread retrain = retrainAt == null ? null
        : Thread.ofPlatform().name("load-retrain").start(() -> retrain(http, measureFrom + retrainAt.toNanos(), end, retrainFrom, retrainTo));
    for (Thread t : workers) t.join();
    if (retrain != null) retrain.join();

    Map<String, Double> phases = new LinkedHashMap<>();
    double total = (end - measureFrom) / 1e9;
    double during = retrainFrom.get() == Long.MAX_VALUE ? 0
        : (Math.min(retrainTo.get(), end) - Math.max(retrainFrom.get(), measureFrom)) / 1e9;
    phases.put("steady", total - during);
    if (during > 0) phases.put("during-retrain", during);
    LoadReport report = new LoadReport(recorders, phases);
    System.out.print(report.table());
    if (json != null) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("url", url.toString());
      doc.put("date", Instant.now().toString());
      doc.put("concurrency", concurrency);
      doc.put("mode", uncached ? "uncached" : "cached");
      doc.put("mix", mix);
      doc.put("phase_seconds", phases);
      doc.put("rows", report.rows());
      doc.put("cache_hit_ratio", Double.isNaN(report.cacheHitRatio()) ? null : report.cacheHitRatio());
      doc.put("statuses", report.statuses());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
    }
    if (report.rows().isEmpty()) {
      System.err.println("no request completed in the measured phase; lengthen --warmup/--duration");
      return 1;
    }
    return report.totalErrors() == 0 ? 0 : 1;
  }

  /**
   * One closed-loop worker: sends a request, waits for the whole answer, records it under the phase its send time
   * falls in ({@code phaseAt} null: not recorded), until {@code stopAt} says stop. Also used by
   * {@link ReplicaRetrainBench}.
   */
  static void work(HttpClient http, LoadWorkload workload, SplittableRandom rnd, LoadReport.Recorder rec,
                   LongFunction<String> phaseAt, LongPredicate stopAt) {
    for (long now = System.nanoTime(); !stopAt.test(now); now = System.nanoTime()) {
      LoadWorkload.Request r = workload.next(rnd);
      String phase = phaseAt.apply(now);
      try {
        HttpResponse<byte[]> resp = http.send(r.http(), HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - now) / 1000;
        if (phase != null) rec.record(phase, r.op(), micros, resp.statusCode(), resp.headers().firstValue("X-Cache").orElse(null));
      } catch (IOException e) {
        if (phase != null) rec.error(phase, r.op(), e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Starts a retrain at {@code at}, then polls the job until it finishes; marks the window. */
  private void retrain(HttpClient http, long at, long end, AtomicLong from, AtomicLong to) {
    try {
      String token = adminTokenFile != null ? Files.readString(adminTokenFile).trim() : System.getenv("COURSEREC_SERVER_ADMIN_TOKEN");
      if (token == null || token.isBlank()) {
        System.err.println("--retrain-at needs --admin-token-file or COURSEREC_SERVER_ADMIN_TOKEN; no retrain started");
        return;
      }
      Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
      ObjectMapper mapper = new ObjectMapper();
      from.set(System.nanoTime());
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(url.resolve("/admin/retrain"))
          .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      if (started.statusCode() != 202) {
        System.err.println("retrain not started: HTTP " + started.statusCode() + " " + started.body());
        to.set(from.get());
        return;
      }
      String id = mapper.readTree(started.body()).get("id").asText();
      while (System.nanoTime() < end) {
        Thread.sleep(250);
        JsonNode job = mapper.readTree(http.send(HttpRequest.newBuilder(url.resolve("/admin/jobs/" + id))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
        String state = job.path("state").asText();
        if (state.equals("succeeded") || state.equals("failed")) {
          System.out.printf("retrain job %s %s after %.1f s: %s%n", id, state, (System.nanoTime() - from.get()) / 1e9, job.path("message").asText());
          break;
        }
      }
      to.set(System.nanoTime());
    } catch (IOException e) {
      System.err.println("retrain request failed: " + e);
      to.set(System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String v) {
      var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(v.trim());
      if (!m.matches()) throw new CommandLine.TypeConversionException("'" + v + "' is not a duration like 500ms, 30s, 2m, 1h");
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }
}
