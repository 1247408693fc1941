package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.DatasetFile;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.rec.RecommendRequest;
import io.courserec.tuning.TuningResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Per-user hybrid ranking latency (single thread, one request at a time, after warm-up): trains the hybrid on a
 * data directory (without confidence calibration, which does not change ranking cost) — or, given a saved model
 * version directory ({@code models/v-…}, recognised by its {@code dataset.bin}), loads it as a server does (learner
 * columns mapped, the version's tuned values applied; the learning-path course factors are not installed) — then
 * ranks a seeded sample
 * of learners and reports p50/p90/p99/max with HdrHistogram, wall clock and the ranking thread's CPU time (the
 * latter is what a request costs even when the machine is shared). Configuration comes from
 * {@code config/courserec.properties} and {@code COURSEREC_*} environment variables (e.g.
 * {@code COURSEREC_HYBRID_CANDIDATES_PER_SIGNAL=0} to score every course).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/courserec-bench.jar io.courserec.bench.HybridLatencyBench \
 *     DATA_DIR|VERSION_DIR [users=2000] [k=10] [warmup=500]
 * </pre>
 */
public final class HybridLatencyBench {
  private HybridLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    Config base = Config.load(Files.isRegularFile(Path.of("config/courserec.properties"))
        ? Path.of("config/courserec.properties") : null, System.getenv(), Map.of());
    boolean version = Files.isRegularFile(data.resolve("dataset.bin"));
    // a version's tuned values replace the configured ones, as when a server loads it
    Config config = version ? TuningResult.read(data).map(t -> t.apply(base)).orElse(base) : base;
    long t0 = System.nanoTime();
    Dataset d = version ? DatasetFile.read(data.resolve("dataset.bin")) : CatalogLoader.load(data, config).dataset();
    long t1 = System.nanoTime();
    try (HybridRecommender h = version ? new HybridRecommender(config, data.resolve("index")) : new HybridRecommender(config, null, false)) {
      if (version) h.load(data.resolve("hybrid"), d);
      else h.train(d);
      h.stageTimes().measureCpu(Boolean.getBoolean("courserec.stage_cpu"));
      long t2 = System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (Learner l : d.learners()) ids.add(l.id());
      Collections.shuffle(ids, new Random(config.longValue(ConfigKey.SEED)));
      for (int i = 0; i < Math.min(warmup, ids.size()); i++) h.recommend(RecommendRequest.of(ids.get(i), k));
      // stage means after warm-up only: (sum over all requests - sum over the warm-up) / measured requests
      Map<io.courserec.hybrid.StageTimes.Stage, Double> warm = h.stageTimes().meanMillis();
      long warmRequests = h.stageTimes().requests();
      Histogram hist = new Histogram(3_600_000_000L, 3);
      Histogram cpu = new Histogram(3_600_000_000L, 3);
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      int n = Math.min(users, ids.size());
      com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) threads;
      long bytes0 = alloc.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < n; i++) {
        String u = ids.get((warmup + i) % ids.size());
        long c = threads.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        h.recommend(RecommendRequest.of(u, k));
        hist.recordValue((System.nanoTime() - s) / 1000);
        cpu.recordValue(Math.max(0, threads.getCurrentThreadCpuTime() - c) / 1000);
      }
      long allocated = alloc.getCurrentThreadAllocatedBytes() - bytes0;
      System.out.println("stages per request (" + (Boolean.getBoolean("courserec.stage_cpu") ? "cpu" : "wall") + ", mean): " + h.stageTimes().summary());
      long all = h.stageTimes().requests();
      StringBuilder steady = new StringBuilder();
      h.stageTimes().meanMillis().forEach((st, v) -> steady.append(steady.isEmpty() ? "" : ", ")
          .append(st.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(String.format(java.util.Locale.ROOT,
              " %.3f ms", (v * all - warm.get(st) * warmRequests) / Math.max(1, all - warmRequests))));
      System.out.println("stages per request after warm-up (mean): " + steady);
      System.out.printf("courses=%d learners=%d interactions=%d load=%.1fs train=%.1fs%n", d.numCourses(),
          d.numLearners(), d.interactions().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      System.out.printf("hybrid ranking, k=%d, %d users: p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms mean=%.2f ms%n", k, n,
          hist.getValueAtPercentile(50) / 1000.0, hist.getValueAtPercentile(90) / 1000.0,
          hist.getValueAtPercentile(99) / 1000.0, hist.getMaxValue() / 1000.0, hist.getMean() / 1000.0);
      // CPU time of the ranking thread: what a request costs, unaffected by waiting for a core on a shared machine
      System.out.printf("cpu per request: p50=%.2f ms p90=%.2f ms p99=%.2f ms mean=%.2f ms%n",
          cpu.getValueAtPercentile(50) / 1000.0, cpu.getValueAtPercentile(90) / 1000.0,
          cpu.getValueAtPercentile(99) / 1000.0, cpu.getMean() / 1000.0);
      // what a request leaves for the young collector: the rate at which a server fills its young generation
      System.out.printf("allocated per request: %.1f KB%n", allocated / 1024.0 / n);
    }
  }
}
