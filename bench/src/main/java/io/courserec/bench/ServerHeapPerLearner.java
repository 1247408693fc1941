package io.courserec.bench;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.Engine;
import io.courserec.engine.Engines;
import io.courserec.engine.RecommendQuery;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a serving engine keeps on the heap for one model version, to tell how a replica's memory grows with the
 * number of learners: measures the used heap after full collections (a) with nothing loaded and (b) after
 * {@link Engines#open} has loaded the current version of {@code MODELS} (as {@code serve} does, with the
 * configuration of {@code config/courserec.properties} when run from the repository root, on an empty SQLite store of
 * its own) and answered {@code /recommend}-equivalent requests for {@code WARM} learners of
 * {@code DATA/users.csv} with every algorithm the API offers (so components loaded on first use are in); prints
 * (b) − (a) and the version directory's size per top-level entry ({@code dataset.bin}, {@code hybrid/}, ...).
 * Run it on versions trained on data sets that differ only in the number of learners; the difference of two
 * heap figures divided by the difference of learners is the heap per learner.
 *
 * <pre>
 * ./courserec generate --courses 2000 --users 20000 --seed 42 --out /tmp/gen-20k
 * ./courserec train --no-tune --data /tmp/gen-20k --models /tmp/models-20k --set store.jdbc_url=jdbc:sqlite:/tmp/fb-20k.db
 * java --add-modules jdk.incubator.vector -Xmx8g -cp bench/target/courserec-bench.jar io.courserec.bench.ServerHeapPerLearner \
 *     /tmp/gen-20k /tmp/models-20k [WARM (default 200)]
 * </pre>
 * "Used heap after GC" is {@link MemoryMXBean#getHeapMemoryUsage()} after five {@code System.gc()} calls 200 ms apart
 * (G1 runs them as full collections), so it counts live objects plus whatever G1 left in regions it did not compact:
 * a few MB of noise, small against the figures it is used for. Memory-mapped index files are off the heap and not
 * counted (they are in the version size).
 */
public final class ServerHeapPerLearner {
  private ServerHeapPerLearner() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ServerHeapPerLearner DATA_DIR MODELS_DIR [WARM_LEARNERS]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Path models = Path.of(args[1]);
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Path work = Files.createTempDirectory("courserec-heap");
    // the configuration train read (config/courserec.properties, environment), so the model's hash matches
    Path file = Path.of("config/courserec.properties");
    Config config = Config.load(Files.isRegularFile(file) ? file : null, System.getenv(), Map.of(
        ConfigKey.DATA_DIR.key(), data.toString(),
        ConfigKey.MODELS_DIR.key(), models.toString(),
        ConfigKey.INDEX_DIR.key(), work.resolve("index").toString(),
        ConfigKey.STORE_URL.key(), "jdbc:sqlite:" + work.resolve("feedback.db"),
        ConfigKey.TRAIN_ON_START.key(), "false",
        ConfigKey.MODELS_POLL.key(), "0",
        ConfigKey.LOG_ID_KEY.key(), "server-heap-per-learner-key-0123456789ab"));
    List<String> learners = LoadWorkload.readValues(data.resolve("users.csv"), "user_id", "id");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long empty = usedAfterGc(memory);
    long t0 = System.nanoTime();
    try (Engine engine = Engines.open(config)) {
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!engine.status().ready()) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("no model loaded from " + models + " in 10 minutes");
        Thread.sleep(100);
      }
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      for (int i = 0; i < Math.min(warm, learners.size()); i++) {
        String user = learners.get((int) ((long) i * learners.size() / warm));
        for (String algorithm : List.of("hybrid", "pop", "cbr", "itemknn", "userknn", "mf")) {
          engine.recommend(new RecommendQuery(user, 10, 0, null, algorithm, false, null));
        }
      }
      long loaded = usedAfterGc(memory);
      String version = engine.status().modelVersion();
      System.out.printf(Locale.ROOT, "data %s: %d learners in users.csv; version %s loaded in %.1f s%n", data,
          learners.size(), version, loadSeconds);
      System.out.printf(Locale.ROOT, "used heap after GC: empty %.1f MB, engine loaded and warmed (%d learners x 6 algorithms) "
          + "%.1f MB, difference %.1f MB%n", mb(empty), Math.min(warm, learners.size()), mb(loaded), mb(loaded - empty));
      printSizes(models.resolve(version));
      // -Dheap.hold_seconds=N keeps the engine open for N s, e.g. for jmap -histo:live of what it holds
      Thread.sleep(Long.getLong("heap.hold_seconds", 0L) * 1000);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void printSizes(Path version) throws IOException {
    long total = 0;
    StringBuilder parts = new StringBuilder();
    try (Stream<Path> entries = Files.list(version)) {
      for (Path p : entries.sorted().toList()) {
        long size = size(p);
        total += size;
        if (size >= 1 << 20) parts.append(String.format(Locale.ROOT, ", %s%s %.1f MB", p.getFileName(),
            Files.isDirectory(p) ? "/" : "", mb(size)));
      }
    }
    System.out.printf(Locale.ROOT, "version directory %s: %.1f MB%s%n", version.getFileName(), mb(total), parts);
  }

  private static long size(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }
}
