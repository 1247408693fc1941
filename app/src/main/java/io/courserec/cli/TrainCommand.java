package io.courserec.cli;

import io.courserec.catalog.DataException;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.DefaultEngine;
import io.courserec.engine.Engines;
import io.courserec.engine.ModelManifest;
import io.courserec.store.StoreException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code courserec train [--data DIR] [--models DIR] [--engine inprocess|spark] [--master URL]}: builds a model version from the data directory plus the
 * feedback store, exactly as the server's retrain does (holdout evaluation, training, versioned directory with a
 * manifest), and promotes it whatever its quality (use {@code retrain} for the quality gate). Prints the version,
 * its holdout metrics and the time of each stage.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train and save a new model version from the data directory and stored feedback; promote it.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @picocli.CommandLine.Option(names = "--no-tune", description = "Keep the configured hyper-parameters and blend weights (tune.enabled=false)")
  boolean noTune;
  @picocli.CommandLine.Option(names = "--engine", paramLabel = "inprocess|spark",
      description = "Who trains the course-side artefacts (train.engine): inprocess (default) or spark (the spark module; docs/spark.md)")
  String engine;
  @picocli.CommandLine.Option(names = "--master", paramLabel = "URL",
      description = "With --engine spark: the Spark master (spark.master), e.g. local[2], spark://host:7077, yarn")
  String master;
  @picocli.CommandLine.Option(names = "--course-side", paramLabel = "DIR",
      description = "Adopt course-side artefacts computed elsewhere (train.course_side_dir), e.g. by spark-submit of the Spark trainer")
  java.nio.file.Path courseSide;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config config = common.config();
    if (engine != null) config = config.with(ConfigKey.TRAIN_ENGINE, engine);
    if (master != null) config = config.with(ConfigKey.SPARK_MASTER, master);
    if (courseSide != null) config = config.with(ConfigKey.TRAIN_COURSE_SIDE, courseSide.toString());
    return build(noTune ? config.with(ConfigKey.TUNE_ENABLED, false) : config, false, spec.commandLine().getOut(),
        common.progress(config, "train: ", spec.commandLine().getErr()));
  }

  /**
   * Builds one version through the engine, showing its stages on {@code progress}; prints its summary; exit code 0
   * (also when the gate held it back).
   */
  static int build(Config config, boolean gate, PrintWriter out, CliProgress progress) {
    long t0 = System.nanoTime();
    ModelManifest m;
    try (DefaultEngine engine = Engines.openForTraining(config); progress) {
      m = engine.retrainNow(gate, progress);
    } catch (DataException | StoreException e) {
      throw new UserError(e.getMessage(), e);
    }
    print(m, config, (System.nanoTime() - t0) / 1e9, out);
    return 0;
  }

  static void print(ModelManifest m, Config config, double seconds, PrintWriter out) {
    out.printf(Locale.ROOT, "model %s in %s/ (%.1f s): %s%n", m.version(), config.string(ConfigKey.MODELS_DIR), seconds,
        m.note());
    out.printf(Locale.ROOT, "  data      %d courses, %d learners, %d interactions (%d from the feedback store up to "
        + "sequence %d%s)%n", m.courses(), m.learners(), m.interactions(), m.storeEvents(), m.storeSequence(),
        m.storeEventsSkipped() == 0 ? "" : "; " + m.storeEventsSkipped() + " on unknown courses skipped");
    out.printf("  data hash %s  config hash %s  seed %d%n", m.dataHash().substring(0, 12), m.configHash(), m.seed());
    if (m.metrics().isEmpty()) {
      out.println("  holdout   not evaluated (no learner has enough positive events)");
    } else {
      StringBuilder sb = new StringBuilder("  holdout  ");
      for (Map.Entry<String, Double> e : m.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        sb.append(String.format(Locale.ROOT, " %s %s", e.getKey(),
            e.getKey().equals("test_users") ? String.valueOf(e.getValue().longValue()) : String.format(Locale.ROOT, "%.4f", e.getValue())));
      }
      out.println(sb);
    }
    StringBuilder t = new StringBuilder("  timings  ");
    for (String stage : new String[] {"load_catalog", "read_feedback", "hash", "tune", "evaluate", "spark", "course_side", "train", "save", "total"}) {
      Long ms = m.timingsMs().get(stage);
      if (ms != null) t.append(String.format(Locale.ROOT, " %s %.2f s", stage, ms / 1000.0));
    }
    out.println(t);
    if (m.tuned().isEmpty()) {
      out.println("  tuning    off: configured values");
    } else {
      StringBuilder tv = new StringBuilder("  tuned    ");
      m.tuned().entrySet().stream().filter(e -> !e.getKey().startsWith("hybrid.")).sorted(Map.Entry.comparingByKey())
          .forEach(e -> tv.append(' ').append(e.getKey()).append('=').append(e.getValue()));
      out.println(tv + " (blend weights and the report in tuning.md)");
    }
    out.flush();
  }
}
