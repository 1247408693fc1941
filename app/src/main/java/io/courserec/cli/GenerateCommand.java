package io.courserec.cli;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Course;
import io.courserec.catalog.DataException;
import io.courserec.catalog.LoadResult;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.gen.DataGenerator;
import io.courserec.gen.GenerationSummary;
import io.courserec.gen.GeneratorRegime;
import io.courserec.gen.GeneratorSettings;
import io.courserec.gen.ProgressListener;
import io.courserec.progress.Counter;
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
 * to {@code prerequisites-truth.csv}. Progress (learners written) goes to stderr; the summary and the
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
    DataGenerator generator = new DataGenerator(settings);
    List<Course> given = catalog == null ? null : loadCatalog(config, err);
    GenerationSummary summary;
    try (CliProgress progress = common.progress(config, "generate: ", err);
         Counter learners = progress.count("learners", users)) {
      // the generator reports after each block of learners, from its writing thread
      ProgressListener listener = (done, total, interactions) -> learners.set(done);
      summary = given == null ? generator.generate(out, listener) : generator.generate(given, out, listener);
    }
    stdout.println("wrote " + out.resolve("courses.csv") + ", users.csv, interactions.csv"
        + (noPrerequisites ? ", " + DataGenerator.PREREQUISITES_TRUTH : "") + ": " + summary.describe());
    stdout.println(summary.statistics().describe());
    stdout.flush();
    return 0;
  }

  /** The {@code --catalog} file, cleaned; a one-line error when it is missing or has no usable course. */
  private List<Course> loadCatalog(Config config, PrintWriter err) {
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
    return courses;
  }
}
