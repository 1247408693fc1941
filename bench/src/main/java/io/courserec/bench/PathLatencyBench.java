package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.Engine;
import io.courserec.engine.Engines;
import io.courserec.engine.InvalidInputException;
import io.courserec.engine.PathQuery;
import io.courserec.learning.LearningPath;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Learning-path latency through the engine, one client (one request at a time, after warm-up): builds a model
 * version for a data directory in a temporary models directory (tuning off: it does not change serving cost), then
 * asks {@link Engine#path} for a seeded sample of learners with declared goals (their goals, default limits) and
 * reports p50/p90/p99/max with HdrHistogram, of wall time and of the calling thread's CPU time ({@link ThreadMXBean};
 * a request runs on the calling thread only, so its CPU time is the request's cost without the waits for a core that
 * inflate wall time on a shared machine). Each request includes the hybrid ranking of the learner's
 * {@code learning.path.ranked} best courses, the learner's history from the store, and planning.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/courserec-bench.jar io.courserec.bench.PathLatencyBench \
 *     DATA_DIR [requests=2000] [warmup=300] [WORK_DIR]
 * </pre>
 * With {@code WORK_DIR} (models, index and store of an earlier run, printed at start) the model is reused, not rebuilt.
 */
public final class PathLatencyBench {
  private PathLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    Path tmp = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("courserec-pathbench");
    System.out.println("work directory " + tmp);
    Config config = Config.load(Files.isRegularFile(Path.of("config/courserec.properties"))
        ? Path.of("config/courserec.properties") : null, System.getenv(), Map.of()).with(Map.of(
        ConfigKey.DATA_DIR, data.toString(),
        ConfigKey.MODELS_DIR, tmp.resolve("models").toString(),
        ConfigKey.INDEX_DIR, tmp.resolve("index").toString(),
        ConfigKey.STORE_URL, "jdbc:sqlite:" + tmp.resolve("feedback.db"),
        ConfigKey.TUNE_ENABLED, "false"));
    Dataset d = CatalogLoader.load(data, config).dataset();
    List<String> ids = new ArrayList<>();
    for (Learner l : d.learners()) if (!l.goals().isEmpty()) ids.add(l.id());
    Collections.shuffle(ids, new Random(config.longValue(ConfigKey.SEED)));
    long t0 = System.nanoTime();
    try (Engine engine = Engines.open(config)) {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.HOURS.toNanos(1); // a failed build never gets ready
      while (!engine.status().ready()) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("no model after an hour; see the log for the build's error");
        Thread.sleep(200);
      }
      System.out.printf("model built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      for (int i = 0; i < Math.min(warmup, ids.size()); i++) path(engine, ids.get(i));
      Histogram hist = new Histogram(3_600_000_000L, 3);
      Histogram cpu = new Histogram(3_600_000_000L, 3);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int planned = 0;
      long steps = 0;
      long[] cpuByRequest = new long[requests];
      int[] historyByRequest = new int[requests];
      for (int i = 0; i < requests; i++) {
        String u = ids.get((warmup + i) % ids.size());
        long c = threads.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        LearningPath p = path(engine, u);
        hist.recordValue((System.nanoTime() - s) / 1000);
        long cpuMicros = Math.max(0, threads.getCurrentThreadCpuTime() - c) / 1000;
        cpu.recordValue(cpuMicros);
        cpuByRequest[i] = cpuMicros;
        historyByRequest[i] = engine.history(u).size();
        if (p != null) {
          planned++;
          steps += p.steps().size();
        }
      }
      System.out.printf("courses=%d learners=%d interactions=%d requests=%d (%d planned, mean %.1f steps)%n",
          d.numCourses(), d.numLearners(), d.interactions().size(), requests, planned, planned == 0 ? 0.0 : (double) steps / planned);
      System.out.printf("path latency: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
          hist.getValueAtPercentile(50) / 1000.0, hist.getValueAtPercentile(90) / 1000.0,
          hist.getValueAtPercentile(99) / 1000.0, hist.getMaxValue() / 1000.0);
      System.out.printf("path CPU time (this thread): p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
          cpu.getValueAtPercentile(50) / 1000.0, cpu.getValueAtPercentile(90) / 1000.0,
          cpu.getValueAtPercentile(99) / 1000.0, cpu.getMaxValue() / 1000.0);
      long p99 = cpu.getValueAtPercentile(99);
      double slowHistory = 0, allHistory = 0;
      int slow = 0;
      for (int i = 0; i < requests; i++) {
        allHistory += historyByRequest[i];
        if (cpuByRequest[i] >= p99) {
          slow++;
          slowHistory += historyByRequest[i];
        }
      }
      System.out.printf("history events per learner: mean %.1f over all requests, %.1f over the %d at or above the CPU p99%n",
          allHistory / requests, slow == 0 ? 0.0 : slowHistory / slow, slow);
      System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** The learner's path for their declared goals; null when no declared goal is a skill of the catalog. */
  private static LearningPath path(Engine engine, String user) {
    try {
      return engine.path(new PathQuery(user, List.of(), null, null, null));
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
