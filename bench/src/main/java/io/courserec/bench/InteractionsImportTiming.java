package io.courserec.bench;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.CleaningRules;
import io.courserec.catalog.ImportedData;
import io.courserec.catalog.InteractionsImportOptions;
import io.courserec.catalog.InteractionsImporter;
import io.courserec.catalog.LoadResult;
import io.courserec.config.Config;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times {@code import --format interactions} on a synthetic log (a plain timing command, not JMH: one import is
 * seconds long). The log has a header {@code user_id,item_id,timestamp,rating}: users uniform, items with Zipf(0.9)
 * popularity, timestamps in epoch milliseconds rising by up to a second a row, and on half of the rows a half-star
 * rating 0.5-5 (the other half have none and become {@code enroll}). Seed 42. It imports the log three times (the
 * first includes JIT warm-up) and prints wall and CPU time of each, then loads the written directory once with
 * {@link CatalogLoader}, as every other command would:
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -Xmx2g -cp bench/target/courserec-bench.jar io.courserec.bench.InteractionsImportTiming [ROWS USERS ITEMS DIR]
 * </pre>
 * Defaults: 1,200,000 rows, 100,000 users, 3,300 items, a temporary directory (kept, with the log, for timing the
 * command line on the same file). Figures are in {@code docs/data.md}.
 */
public final class InteractionsImportTiming {
  private InteractionsImportTiming() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_200_000;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int items = args.length > 2 ? Integer.parseInt(args[2]) : 3_300;
    Path dir = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("import-timing");
    Path log = dir.resolve("log.csv");
    long t0 = System.nanoTime();
    write(log, rows, users, items, new Random(42));
    System.out.printf(Locale.ROOT, "wrote %s (%,d rows, %.0f MB) in %.1f s%n", log, rows, Files.size(log) / 1e6,
        (System.nanoTime() - t0) / 1e9);

    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    CleaningRules rules = CleaningRules.withoutAliases(Config.defaults());
    InteractionsImportOptions options = InteractionsImportOptions.builder().ratingScale("0.5-5").build();
    Path out = dir.resolve("data");
    for (int run = 1; run <= 3; run++) {
      long wall = System.nanoTime();
      long c = cpu.getCurrentThreadCpuTime();
      long p = process.getProcessCpuTime();
      ImportedData d = InteractionsImporter.run(log, options, out, rules);
      double s = (System.nanoTime() - wall) / 1e9;
      System.out.printf(Locale.ROOT, "import run %d: %.2f s wall, %.2f s CPU in the importing thread, %.2f s CPU in the "
              + "process (with GC and JIT), %,.0f rows/s; %,d courses, %,d users, %,d interactions, %,d duplicates%n",
          run, s, (cpu.getCurrentThreadCpuTime() - c) / 1e9, (process.getProcessCpuTime() - p) / 1e9, rows / s,
          d.courses(), d.users(), d.interactions(), d.report().mergedTotal());
    }
    long wall = System.nanoTime();
    LoadResult loaded = CatalogLoader.load(out, rules);
    System.out.printf(Locale.ROOT, "load of the written directory: %.2f s wall, %,d interactions, %d rejected%n",
        (System.nanoTime() - wall) / 1e9, loaded.dataset().interactions().size(), loaded.report().rejectedTotal());
  }

  private static void write(Path log, int rows, int users, int items, Random rnd) throws IOException {
    double[] cumulative = new double[items];
    double sum = 0;
    for (int i = 0; i < items; i++) cumulative[i] = sum += Math.pow(i + 1, -0.9);
    long t = 1_600_000_000_000L;
    try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      w.write("user_id,item_id,timestamp,rating\n");
      for (int r = 0; r < rows; r++) {
        int item = Arrays.binarySearch(cumulative, rnd.nextDouble() * sum);
        item = item >= 0 ? item : -item - 1;
        t += rnd.nextInt(1000);
        w.write("u" + rnd.nextInt(users) + ",i" + item + "," + t + ",");
        if (rnd.nextBoolean()) w.write(Double.toString((1 + rnd.nextInt(10)) / 2.0));
        w.write('\n');
      }
    }
  }
}
