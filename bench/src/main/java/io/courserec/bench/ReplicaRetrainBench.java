package io.courserec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of one replica while another retrains (issue 12): two {@code courserec serve} processes (A and B) on
 * one PostgreSQL schema (a throw-away one) and one models directory, a first version trained by
 * {@code courserec train} before either starts. {@code --concurrency} closed-loop clients in this JVM send
 * {@code GET /recommend?user=U&k=10} to A only (learners drawn from the data's {@code users.csv} with a fixed seed;
 * {@code Cache-Control: no-cache}, so every request pays the engine's cost) through three phases:
 * <ol>
 *   <li>{@code before}: {@code --before} seconds after an unrecorded {@code --warmup};
 *   <li>{@code during}: from {@code POST /admin/retrain} on B until B's job has finished (B trains, evaluates and
 *       promotes; A takes no part);
 *   <li>{@code after}: {@code --after} seconds from then, which includes A picking up B's version (its poll of
 *       {@code models/CURRENT}, then verify and load) — the pickup time is printed.
 * </ol>
 * Per phase: A's requests/s, p50/p99 (HdrHistogram via {@link LoadReport}), errors, the CPU seconds A and B used
 * ({@code /proc/PID/stat}) and the 1-minute load average at its end.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java --add-modules jdk.incubator.vector -cp bench/target/courserec-bench.jar io.courserec.bench.ReplicaRetrainBench \
 *     [--pg jdbc:postgresql://127.0.0.1:5432/test?user=postgres] [--data data/sample] [--concurrency 4] \
 *     [--warmup 60s] [--before 30s] [--after 30s] [--heap 2g]
 * </pre>
 * Run from the repository root: the replicas read {@code config/courserec.properties} (the defaults a
 * {@code serve} gets). On one machine the replicas and the clients share its cores, so B's build competes with A
 * for CPU; on separate machines only the shared store and file system would. Exit code 1 when a request failed.
 */
@Command(name = "ReplicaRetrainBench", mixinStandardHelpOptions = true,
    description = "Throughput of replica A while replica B retrains, both on one PostgreSQL store.")
public final class ReplicaRetrainBench implements Callable<Integer> {
  @Option(names = "--pg", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", description = "PostgreSQL JDBC URL (a schema of its own is created and dropped)") String pg;
  @Option(names = "--data", defaultValue = "data/sample", description = "Data directory") Path data;
  @Option(names = "--concurrency", defaultValue = "4", description = "Closed-loop clients on A") int concurrency;
  @Option(names = "--warmup", defaultValue = "60s", converter = LoadTest.DurationConverter.class, description = "Unrecorded warm-up of A") Duration warmup;
  @Option(names = "--before", defaultValue = "30s", converter = LoadTest.DurationConverter.class, description = "Measured before the retrain") Duration before;
  @Option(names = "--after", defaultValue = "30s", converter = LoadTest.DurationConverter.class, description = "Measured after B's retrain finished") Duration after;
  @Option(names = "--heap", defaultValue = "2g", description = "-Xmx of each replica") String heap;
  @Option(names = "--seed", defaultValue = "42", description = "Seed of the request sequence") long seed;

  private static final String TOKEN = "replica-retrain-bench-admin-token";
  private static final String LOG_ID_KEY = "replica-retrain-bench-key-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplicaRetrainBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String schema = "courserec_bench_retrain_" + ProcessHandle.current().pid();
    Path work = Files.createTempDirectory("courserec-retrain-bench");
    List<String> common = List.of("--data", data.toString(), "--models", work.resolve("models").toString(),
        "--index", work.resolve("index").toString(), "--set",
        "store.jdbc_url=" + pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema, "--progress", "off");
    List<Process> children = new ArrayList<>();
    try {
      System.out.printf("training the first version on %s (courserec train) ...%n", data);
      long t0 = System.nanoTime();
      Process train = child(work, "train", common, List.of("train"));
      children.add(train);
      if (train.waitFor() != 0) throw new IllegalStateException("train failed; see " + work.resolve("train.log"));
      System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      Process a = child(work, "A", common, List.of("serve", "--port", "0"));
      children.add(a);
      Process b = child(work, "B", common, List.of("serve", "--port", "0"));
      children.add(b);
      URI urlA = awaitServing(a, "A", work);
      URI urlB = awaitServing(b, "B", work);
      return measure(urlA, urlB, a.pid(), b.pid());
    } finally {
      for (Process p : children) {
        p.destroy(); // SIGTERM: serve stops HTTP, closes the engine and its store connections
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
      }
      try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
      try (var files = Files.walk(work)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private int measure(URI a, URI b, long pidA, long pidB) throws Exception {
    List<String> users = LoadWorkload.readValues(data.resolve("users.csv"), "user_id", "id");
    LoadWorkload workload = new LoadWorkload(a, LoadWorkload.parseMix("recommend:1"), users, List.of(), List.of(), 10, true);
    String probe = users.get(0);
    String firstVersion = version(a, probe);
    // phase boundaries in System.nanoTime(); a boundary not reached yet is Long.MAX_VALUE
    long start = System.nanoTime();
    AtomicLongArray bounds = new AtomicLongArray(new long[] {start + warmup.toNanos(), Long.MAX_VALUE, Long.MAX_VALUE,
        Long.MAX_VALUE}); // before, during, after, end
    String[] names = {"before", "during", "after"};
    List<LoadReport.Recorder> recorders = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      LoadReport.Recorder rec = new LoadReport.Recorder();
      recorders.add(rec);
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + w);
      workers.add(Thread.ofPlatform().name("load-" + w).start(() -> LoadTest.work(http, workload, rnd, rec, now -> {
        for (int p = names.length - 1; p >= 0; p--) if (now >= bounds.get(p)) return names[p];
        return null;
      }, now -> now >= bounds.get(3))));
    }
    System.out.printf("A %s, B %s; %d clients on A, uncached GET /recommend over %d learners; %d ms warm-up%n",
        a, b, concurrency, users.size(), warmup.toMillis());
    Map<String, double[]> cpu = new ConcurrentHashMap<>();
    Map<String, Double> load = new ConcurrentHashMap<>();
    sleepUntil(bounds.get(0));
    double[] cpu0 = {cpuSeconds(pidA), cpuSeconds(pidB)};
    sleepUntil(bounds.get(0) + before.toNanos());

    bounds.set(1, System.nanoTime());
    load.put("before", loadAverage());
    double[] cpu1 = {cpuSeconds(pidA), cpuSeconds(pidB)};
    cpu.put("before", new double[] {cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]});
    HttpResponse<String> started = http.send(admin(b.resolve("/admin/retrain")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) throw new IllegalStateException("retrain not started on B: " + started.body());
    String job = JSON.readTree(started.body()).get("id").asText();
    JsonNode finished = awaitJob(b, job);

    bounds.set(2, System.nanoTime());
    load.put("during", loadAverage());
    double[] cpu2 = {cpuSeconds(pidA), cpuSeconds(pidB)};
    cpu.put("during", new double[] {cpu2[0] - cpu1[0], cpu2[1] - cpu1[1]});
    System.out.printf("B's retrain %s after %.1f s: %s%n", finished.path("state").asText(),
        (bounds.get(2) - bounds.get(1)) / 1e9, finished.path("message").asText());
    bounds.set(3, bounds.get(2) + after.toNanos());
    String pickedUp = awaitVersionChange(a, probe, firstVersion, bounds.get(3));
    sleepUntil(bounds.get(3));
    for (Thread t : workers) t.join();
    load.put("after", loadAverage());
    double[] cpu3 = {cpuSeconds(pidA), cpuSeconds(pidB)};
    cpu.put("after", new double[] {cpu3[0] - cpu2[0], cpu3[1] - cpu2[1]});

    Map<String, Double> seconds = Map.of("before", (bounds.get(1) - bounds.get(0)) / 1e9, "during", (bounds.get(2) - bounds.get(1)) / 1e9,
        "after", (bounds.get(3) - bounds.get(2)) / 1e9);
    LoadReport report = new LoadReport(recorders, seconds);
    Map<String, Map<String, Object>> rows = report.rows();
    System.out.println(pickedUp);
    System.out.printf(Locale.ROOT, "cores %d%n%-7s %7s %9s %7s %9s %8s %8s %8s %10s %10s %9s%n",
        Runtime.getRuntime().availableProcessors(), "phase", "seconds", "requests", "errors", "A req/s", "p50 ms",
        "p99 ms", "max ms", "A cpu s", "B cpu s", "load avg");
    for (String phase : names) {
      Map<String, Object> r = rows.get(phase + " recommend");
      if (r == null) {
        System.out.printf("%-7s no request completed%n", phase);
        continue;
      }
      System.out.printf(Locale.ROOT, "%-7s %7.1f %9d %7d %9.1f %8.2f %8.2f %8.2f %10.1f %10.1f %9.2f%n", phase,
          seconds.get(phase), (Long) r.get("requests"), (Long) r.get("errors"), (Double) r.get("throughput_per_s"),
          (Double) r.get("p50_ms"), (Double) r.get("p99_ms"), (Double) r.get("max_ms"), cpu.get(phase)[0],
          cpu.get(phase)[1], load.get(phase));
    }
    if (report.totalErrors() > 0) System.out.println("statuses: " + report.statuses());
    return report.totalErrors() == 0 ? 0 : 1;
  }

  /** Starts {@code java -cp <this class path> io.courserec.cli.Main ARGS} with its log in {@code work/NAME.log}. */
  private Process child(Path work, String name, List<String> common, List<String> command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx" + heap,
        "-cp", System.getProperty("java.class.path"), "io.courserec.cli.Main"));
    cmd.addAll(command);
    cmd.addAll(common);
    cmd.addAll(List.of("--log-file", work.resolve(name + ".log").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(work.resolve(name + ".stderr").toFile());
    // secrets through the environment, not the process list
    pb.environment().put("COURSEREC_SERVER_ADMIN_TOKEN", TOKEN);
    pb.environment().put("COURSEREC_SERVER_LOG_ID_KEY", LOG_ID_KEY);
    if (command.get(0).equals("train")) pb.redirectOutput(work.resolve(name + ".stdout").toFile());
    return pb.start();
  }

  /** Reads the {@code courserec serving on URL} line, then waits for {@code /ready} 200 (5 minutes at most). */
  private URI awaitServing(Process p, String name, Path work) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("courserec serving on ")) {
      // banner lines before the URL
    }
    if (line == null) throw new IllegalStateException(name + " did not start; see " + work.resolve(name + ".stderr"));
    URI url = URI.create(line.substring("courserec serving on ".length()).split("\\s+")[0]);
    Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { })); // keep the pipe drained
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (status(url.resolve("/ready")) != 200) {
      if (System.nanoTime() > deadline || !p.isAlive()) throw new IllegalStateException(name + " not ready; see " + work.resolve(name + ".log"));
      Thread.sleep(100);
    }
    return url;
  }

  private JsonNode awaitJob(URI b, String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (true) {
      JsonNode job = JSON.readTree(http.send(admin(b.resolve("/admin/jobs/" + id)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body());
      String state = job.path("state").asText();
      if (state.equals("succeeded") || state.equals("failed")) return job;
      if (System.nanoTime() > deadline) throw new IllegalStateException("B's retrain not finished in 30 minutes: " + job);
      Thread.sleep(100);
    }
  }

  /** Asks A every 50 ms which version it answers with, until it changes or {@code until}; says when. */
  private String awaitVersionChange(URI a, String probe, String old, long until) throws Exception {
    long from = System.nanoTime();
    while (System.nanoTime() < until) {
      String v = version(a, probe);
      if (!v.equals(old)) {
        return String.format(Locale.ROOT, "A answered on B's version %s %.2f s after B's job finished", v,
            (System.nanoTime() - from) / 1e9);
      }
      Thread.sleep(50);
    }
    return "A still answered on " + old + " at the end (B's retrain promoted nothing, or the pickup outlasted --after)";
  }

  private String version(URI a, String learner) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(a.resolve("/recommend?k=1&user="
            + java.net.URLEncoder.encode(learner, StandardCharsets.UTF_8)))
        .header("Cache-Control", "no-cache").build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("model_version").asText();
  }

  private int status(URI url) {
    try {
      return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static HttpRequest.Builder admin(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
  }

  /** User + system CPU seconds of a process from {@code /proc/PID/stat} (fields 14 and 15, clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long ms = (nanoTime - System.nanoTime()) / 1_000_000;
    if (ms > 0) Thread.sleep(ms);
  }
}
