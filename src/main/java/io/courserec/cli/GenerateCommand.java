package io.courserec.cli;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Course;
import io.courserec.catalog.DataException;
import io.courserec.catalog.LoadResult;
import io.courserec.catalog.QualityReport;
import io.courserec.catalog.gen.DataGenerator;
import io.courserec.catalog.gen.GenerationSummary;
import io.courserec.catalog.gen.GeneratorRegime;
import io.courserec.catalog.gen.GeneratorSettings;
import io.courserec.catalog.gen.ProgressListener;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec generate --out DIR [--courses N] [--users N] [--seed S] [--catalog courses.csv]}: writes a
 * synthetic, deterministic data set (courses.csv, users.csv, interactions.csv). The seed defaults to the
 * {@code seed} configuration key. With {@code --catalog} the file is loaded and cleaned by {@link CatalogLoader} (the
 * cleaned catalog is what gets written and simulated). {@code --regime a[,b]} picks harder data regimes
 * ({@link GeneratorRegime}); {@code --no-prerequisites} empties the prerequisites column and writes the true edges
 * to {@code prerequisites-truth.csv}. Progress goes to stderr for runs of 20,000 users or more; the summary and the
 * log's shape (popularity concentration, courses per learner, events by type, next-course predictability) to
 * stdout.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a realistic, deterministic synthetic data set (see docs/generator.md).")
public final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing)")
  Path out;

  @Option(names = "--courses", paramLabel = "N", description = "Courses to synthesise (ignored with --catalog); default ${DEFAULT-VALUE}")
  int courses = GeneratorSettings.defaults(0).numCourses();

  @Option(names = "--users", paramLabel = "N", description = "Learners; default ${DEFAULT-VALUE}")
  int users = GeneratorSettings.defaults(0).numUsers();

  @Option(names = "--seed", paramLabel = "S", description = "Random seed; default the 'seed' configuration key")
  Long seed;

  @Option(names = "--events-per-user", paramLabel = "E", description = "Mean events of a non-cold-start learner; default 22 (ratings-only 107, short-histories 13.5)")
  Double eventsPerUser;

  @Option(names = "--cold-start", paramLabel = "SHARE", description = "Share of learners with only one or two events; default 0.12 (ratings-only 0, short-histories 0.05)")
  Double coldStart;

  @Option(names = "--regime", paramLabel = "R[,R...]", split = ",", description = "Data regimes: default, "
      + "weak-popularity, strong-sequences, ratings-only, short-histories (combinable when they change different "
      + "parts of the model, e.g. strong-sequences,ratings-only); default: default")
  List<String> regimes = new ArrayList<>();

  @Option(names = "--no-prerequisites", description = "Leave the prerequisites column of courses.csv empty and write the true "
      + "edges to prerequisites-truth.csv (behaviour still follows them)")
  boolean noPrerequisites;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (output is identical for any value); default min(4, cores)")
  Integer threads;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Take courses from this courses.csv instead of synthesising them")
  Path catalog;

  @Override
  public Integer call() throws IOException {
    Config config = common.config();
    long s = seed != null ? seed : config.longValue(ConfigKey.SEED);
    GeneratorSettings settings;
    try {
      GeneratorSettings d = GeneratorSettings.defaults(s).withCourses(courses).withUsers(users)
          .withRegimes(regimes.stream().map(GeneratorRegime::fromCode).toList())
          .withPrerequisiteColumn(!noPrerequisites);
      if (eventsPerUser != null) d = d.withEventsPerUser(eventsPerUser);
      if (coldStart != null) d = d.withColdStartShare(coldStart);
      settings = threads != null ? d.withThreads(threads) : d;
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    ProgressPrinter progress = new ProgressPrinter(err, users >= 20_000, t0);
    DataGenerator generator = new DataGenerator(settings);
    GenerationSummary summary;
    if (catalog != null) {
      if (!Files.isRegularFile(catalog)) throw new UserError("catalog file not found: " + catalog);
      LoadResult loaded;
      try {
        loaded = CatalogLoader.loadCourses(catalog, config);
      } catch (DataException e) {
        throw new UserError(e.getMessage(), e);
      }
      QualityReport q = loaded.report();
      List<Course> courses = loaded.dataset().courses();
      if (courses.isEmpty()) throw new UserError("catalog " + catalog + " has no usable courses");
      err.printf(Locale.ROOT, "catalog %s: %d courses after cleaning (%d rows merged, %d rejected; "
          + "'courserec validate' shows why)%n", catalog, courses.size(), q.mergedTotal(), q.rejectedTotal());
      summary = generator.generate(courses, out, progress);
    } else {
      summary = generator.generate(out, progress);
    }
    stdout.println("wrote " + out.resolve("courses.csv") + ", users.csv, interactions.csv"
        + (noPrerequisites ? ", " + DataGenerator.PREREQUISITES_TRUTH : "") + ": " + summary.describe());
    stdout.println(summary.statistics().describe());
    stdout.flush();
    return 0;
  }

  /** Prints "users done / total, interactions, elapsed" at most every 2 seconds, when enabled. */
  private static final class ProgressPrinter implements ProgressListener {
    private final PrintWriter err;
    private final boolean enabled;
    private final long t0;
    private long lastPrint;

    ProgressPrinter(PrintWriter err, boolean enabled, long t0) {
      this.err = err;
      this.enabled = enabled;
      this.t0 = t0;
      this.lastPrint = t0;
    }

    @Override
    public void progress(int done, int total, long interactions) {
      long now = System.nanoTime();
      if (!enabled || (now - lastPrint < 2_000_000_000L && done < total)) return;
      lastPrint = now;
      err.printf(Locale.ROOT, "generate: %,d / %,d users, %,d interactions, %.1f s%n", done, total,
          interactions, (now - t0) / 1e9);
      err.flush();
    }
  }
}
