package io.courserec.engine;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.Map;

/**
 * The small data set the engine tests run on ({@code src/test/resources/engine/small}, written once by the seeded
 * script {@code make_fixture.py} next to it): 40 courses in 5 subjects of 8 (ids {@code py1..py8} programming,
 * {@code ds1..ds8} data, {@code ux1..ux8} design, {@code bz1..bz8} business, {@code es1..es8} languages), 60 learners
 * {@code u01..u60} whose home subject is subject number {@code (n - 1) mod 5} in that order; each took 4 to 7
 * consecutive courses of the home subject (enroll, complete or view; some completions rated 3..5), viewed one
 * course of the next subject, and every 7th learner dismissed the home subject's 8th course. 474 interactions.
 *
 * <p>Models are trained small (rank 8, 5 ALS sweeps) so a build takes about a second.
 */
public final class EngineFixture {
  static final Path DATA = Path.of("app/src/test/resources/engine/small");
  static final int COURSES = 40;
  static final int LEARNERS = 60;
  static final int INTERACTIONS = 474;

  private EngineFixture() {}

  /** Configuration over the fixture with models and the feedback store under {@code dir}. */
  static Config config(Path dir, Map<ConfigKey, Object> extra) {
    Config c = Config.defaults().with(Map.of(
        ConfigKey.DATA_DIR, DATA.toString(),
        ConfigKey.MODELS_DIR, dir.resolve("models").toString(),
        ConfigKey.INDEX_DIR, dir.resolve("index").toString(),
        ConfigKey.STORE_URL, "jdbc:sqlite:" + dir.resolve("feedback.db"),
        ConfigKey.MF_RANK, "8",
        ConfigKey.MF_ITERATIONS, "5",
        ConfigKey.EVAL_MAX_USERS, "0",
        // these tests are about versions, swaps and requests; tuning has its own (TunedModelTest, SelfTunerTest)
        ConfigKey.TUNE_ENABLED, "false"));
    for (Map.Entry<ConfigKey, Object> e : extra.entrySet()) c = c.with(e.getKey(), e.getValue());
    return c;
  }

  static Config config(Path dir) {
    return config(dir, Map.of());
  }

  /**
   * Waits for a background build or state change. The 60 s deadline only turns a hang into a failure; it asserts
   * nothing about speed.
   */
  static void await(java.util.function.Supplier<Boolean> condition, String what) throws InterruptedException {
    await(condition, what, java.time.Duration.ofSeconds(60));
  }

  /** As {@link #await(java.util.function.Supplier, String)} with another deadline (also for tests in other packages). */
  public static void await(java.util.function.Supplier<Boolean> condition, String what, java.time.Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  /**
   * Polls every 10 ms and fails if the condition does not hold within {@code limit}: for bounds that are the
   * assertion under test (e.g. replicas agreeing within 1 s), unlike {@link #await}.
   */
  static void awaitWithin(java.time.Duration limit, String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError(what + ": not within " + limit.toMillis() + " ms");
      Thread.sleep(10);
    }
  }

  /** The job's final status, once it has finished (see {@link #await}). */
  static JobStatus awaitJob(Engine e, String id) throws InterruptedException {
    await(() -> e.job(id).finishedAt() != null, "job " + id);
    return e.job(id);
  }

  /** Copies a directory tree (a models directory, a version) to {@code to}. */
  static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target);
        else java.nio.file.Files.copy(p, target);
      }
    }
  }
}
