package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.LoadResult;
import io.courserec.cf.CourseSide;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.eval.DatasetDigest;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.progress.Progress;
import io.courserec.store.InteractionStore;
import io.courserec.tuning.SelfTuner;
import io.courserec.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one model version — the body of {@code retrain}, {@code reindex} and {@code train}:
 * <ol>
 *   <li>load the catalog, learners and CSV interactions from {@code data.dir} ({@code load_catalog}), without the
 *       rows of erased learners ({@link ErasedLearners});
 *   <li>add every stored feedback event up to the store's last sequence ({@code read_feedback});
 *   <li>hash the data ({@code hash}: {@link DatasetDigest}, the experiment log's data hash);
 *   <li>tune hyper-parameters and blend weights on an inner validation split ({@code tune}: {@link SelfTuner};
 *       skipped with {@code tune.enabled=false}); what it chose applies to everything below and is saved with the
 *       version ({@code tuning.properties}, {@code tuning.md}, the manifest's {@code tuned});
 *   <li>evaluate on a random holdout ({@code evaluate}: {@link HoldoutEvaluation}) and ask the {@link PromotionGate};
 *   <li>train the hybrid on everything, writing its index generation into the new version directory
 *       ({@code train}); with {@code train.engine=spark} the course-side artefacts come from the Spark trainer first
 *       ({@code spark}: {@link SparkTraining}) and the hybrid adopts them;
 *   <li>save the components, the training data, the load's data quality report ({@value #QUALITY_REPORT}) and
 *       the prerequisite graph ({@link LearningArtefacts}) ({@code save}), then seal the directory with its manifest.
 * </ol>
 * Timings per stage go into the manifest ({@code timingsMs}, plus {@code total}). A version the gate rejects is
 * still written and sealed, with {@code promoted=false} and the reason as its note, but is not opened for serving.
 * A failure removes the half-written directory. Each step is announced to {@code progress} as
 * {@code "[k/6] ..."} ({@link JobProgress}); tuning's details follow as plain messages.
 */
final class ModelBuilder {
  private static final Logger log = LoggerFactory.getLogger(ModelBuilder.class);
  /** The build's steps as progress reports them ({@link JobProgress}): load, feedback, tune, evaluate, train, save. */
  static final int STEPS = 6;
  /** The data quality report of the load a version was built from, inside the version directory. */
  static final String QUALITY_REPORT = "quality-report.json";

  private final Config config;
  private final ModelStore models;
  private final InteractionStore store;
  private final ErasedLearners erased;

  ModelBuilder(Config config, ModelStore models, InteractionStore store, ErasedLearners erased) {
    this.config = config;
    this.models = models;
    this.store = store;
    this.erased = erased;
  }

  /**
   * What a build produced.
   *
   * @param generation the new version opened for serving, or null when the gate kept it back
   */
  record Outcome(ModelManifest manifest, Generation generation, PromotionGate.Decision decision) {}

  Outcome build(PromotionGate gate, ModelManifest serving, Progress progress) throws IOException {
    // a wrong engine or an unbuilt Spark trainer fails now, not after tuning and evaluation
    if (SparkTraining.engine(config).equals(SparkTraining.SPARK) && config.string(ConfigKey.TRAIN_COURSE_SIDE).isBlank()) {
      SparkTraining.classpath(config);
    }
    Map<String, Long> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    long t = start;
    progress.stage(JobProgress.step(1, STEPS, "loading the catalog from " + config.string(ConfigKey.DATA_DIR)));
    erased.refresh();
    int erasuresHonoured = erased.size(); // read first: an erasure during the load is honoured, maybe uncounted
    LoadResult loaded = TrainingSet.loadCatalog(config, erased);
    Dataset catalog = loaded.dataset();
    t = lap(timings, "load_catalog", t);
    progress.stage(JobProgress.step(2, STEPS, "reading stored feedback"));
    TrainingSet training = TrainingSet.assemble(catalog, store);
    Dataset data = training.data();
    t = lap(timings, "read_feedback", t);
    String dataHash = DatasetDigest.sha256(data);
    t = lap(timings, "hash", t);
    if (config.bool(ConfigKey.TUNE_ENABLED)) progress.stage(JobProgress.step(3, STEPS, "tuning on a validation split"));
    TuningResult tuning = SelfTuner.tune(config, data, progress.prefixed("tuning: "));
    Config effective = tuning.apply(config);
    if (!tuning.split().equals("off")) t = lap(timings, "tune", t);
    progress.stage(JobProgress.step(4, STEPS,
        String.format(Locale.ROOT, "evaluating on a holdout (%d interactions)", data.interactions().size())));
    Map<String, Double> metrics = HoldoutEvaluation.evaluate(data, effective, progress);
    t = lap(timings, "evaluate", t);
    PromotionGate.Decision decision = gate.decide(metrics, serving);
    log.info("promotion gate: {}", decision.reason());

    Path dir = models.newVersionDir();
    HybridRecommender hybrid = null;
    try {
      progress.stage(JobProgress.step(5, STEPS, String.format(Locale.ROOT, "training on %d interactions into %s",
          data.interactions().size(), dir.getFileName())));
      CourseSide side = null;
      String external = effective.string(ConfigKey.TRAIN_COURSE_SIDE).trim();
      if (!external.isEmpty()) {
        progress.stage("adopting the course-side artefacts in " + external);
        side = CourseSide.read(Path.of(external), data);
        java.nio.file.Files.copy(Path.of(external).resolve(CourseSide.FILE), dir.resolve(CourseSide.FILE));
        t = lap(timings, "course_side", t);
      } else if (SparkTraining.engine(effective).equals(SparkTraining.SPARK)) {
        byte[] key = erased.size() > 0 ? LearnerPseudonyms.open(config).key() : null;
        side = SparkTraining.run(effective, data, training.storeSequence(), erased.file(), key, dir, progress);
        t = lap(timings, "spark", t);
      }
      hybrid = new HybridRecommender(effective, dir.resolve(Generation.INDEX_DIR));
      hybrid.train(data, progress, side);
      t = lap(timings, "train", t);
      progress.stage(JobProgress.step(6, STEPS, "saving " + dir.getFileName()));
      hybrid.save(dir.resolve(Generation.HYBRID_DIR));
      DatasetFile.write(dir.resolve(DatasetFile.NAME), data);
      tuning.write(dir);
      loaded.report().writeJson(dir.resolve(QUALITY_REPORT));
      LearningArtefacts.write(dir, data, effective);
      lap(timings, "save", t);
      timings.put("total", (System.nanoTime() - start) / 1_000_000);
      ModelManifest manifest = models.seal(dir, new ModelManifest(null, Instant.now(), dataHash, config.modelHash(),
          config.longValue(ConfigKey.SEED), metrics, timings, decision.promote(), decision.reason(),
          data.numCourses(), data.numLearners(), data.interactions().size(), null, training.storeSequence(),
          training.storeEvents(), training.storeEventsSkipped(), tuning.values(), erasuresHonoured));
      log.info("model {} built in {} ms: {}", manifest.version(), timings.get("total"), timings);
      if (!decision.promote()) {
        hybrid.close();
        return new Outcome(manifest, null, decision);
      }
      return new Outcome(manifest, new Generation(manifest, dir, data, hybrid, effective), decision);
    } catch (IOException | RuntimeException | Error e) {
      if (hybrid != null) hybrid.close();
      try {
        ModelStore.deleteTree(dir);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static long lap(Map<String, Long> timings, String stage, long since) {
    long now = System.nanoTime();
    timings.put(stage, (now - since) / 1_000_000);
    return now;
  }
}
