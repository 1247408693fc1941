package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.cf.SnapshotModel;
import io.courserec.config.Config;
import io.courserec.tuning.TuningResult;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.hybrid.Recommenders;
import io.courserec.rec.Recommender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One servable model version: the data set it was trained on, the loaded hybrid (with its index generation) and
 * the single algorithms for {@code algorithm=pop|cbr|itemknn|userknn|mf|...}, which are the hybrid's own components
 * ({@link HybridRecommender#component}: one copy of each model per version; an algorithm the hybrid lacks would be
 * loaded from its directory on first use). Immutable apart from that lazy cache; shared by concurrent requests
 * through {@link Swappable} leases and closed after the last one.
 *
 * <p>Version directory layout (self-contained; the swap is one pointer, {@code models/CURRENT}):
 * <pre>
 *   models/v-20260101T120000-1/
 *     manifest.json   written last (sizes and SHA-256 of every file below)
 *     dataset.bin     the exact training data ({@link DatasetFile}): the catalog
 *     dataset-learners.col  its learners and events, memory-mapped while served ({@link io.courserec.catalog.LearnerTable})
 *     hybrid/         HybridRecommender.save: pop/ itemknn/ userknn/ mf/ cbr/ hybrid.json
 *     learning/       the prerequisite graph and its report ({@link LearningArtefacts})
 *     index/          the Lucene index root holding the generation with this model's signals
 * </pre>
 */
final class Generation implements AutoCloseable {
  static final String HYBRID_DIR = "hybrid";
  static final String INDEX_DIR = "index";
  private static final Logger log = LoggerFactory.getLogger(Generation.class);

  private final ModelManifest manifest;
  private final Path dir;
  private final Dataset data;
  private final HybridRecommender hybrid;
  private final long indexGeneration;
  private final Config config;
  private final float[] popularity;
  private final io.courserec.learning.PathPlanner planner;
  private final PrerequisiteCheck prerequisites;
  private final ConcurrentHashMap<String, Recommender> singles = new ConcurrentHashMap<>();

  Generation(ModelManifest manifest, Path dir, Dataset data, HybridRecommender hybrid, Config config) {
    this.manifest = manifest;
    this.dir = dir;
    this.data = data;
    this.hybrid = hybrid;
    this.config = config;
    try {
      this.indexGeneration = hybrid.index().generation();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.popularity = PopularRanking.scores(hybrid.popularity(), data.numCourses());
    this.planner = LearningArtefacts.open(dir, data, config);
    this.prerequisites = new PrerequisiteCheck(planner.graph(), config.number(io.courserec.config.ConfigKey.LEARN_PREREQ_PENALTY),
        o -> data.course(o).id());
    hybrid.courseFactors(prerequisites);
  }

  /** Loads a sealed version directory; the caller has verified it against its manifest. */
  static Generation load(Path dir, ModelManifest manifest, Config config) throws IOException {
    long t0 = System.nanoTime();
    Dataset data = DatasetFile.read(dir.resolve(DatasetFile.NAME));
    // the values tuning chose for this version replace the configured ones, as they did when it was trained
    Config effective = TuningResult.read(dir).map(t -> t.apply(config)).orElse(config);
    HybridRecommender hybrid = new HybridRecommender(effective, dir.resolve(INDEX_DIR));
    try {
      hybrid.load(dir.resolve(HYBRID_DIR), data);
      Generation g = new Generation(manifest, dir, data, hybrid, effective);
      log.info("loaded model {} ({} courses, {} learners, {} interactions) in {} ms", manifest.version(),
          data.numCourses(), data.numLearners(), data.interactions().size(), (System.nanoTime() - t0) / 1_000_000);
      return g;
    } catch (IOException | RuntimeException e) {
      hybrid.close();
      throw e;
    }
  }

  String version() { return manifest.version(); }
  /** The version directory. */
  Path dir() { return dir; }
  ModelManifest manifest() { return manifest; }
  Dataset data() { return data; }
  HybridRecommender hybrid() { return hybrid; }
  long indexGeneration() { return indexGeneration; }
  Config config() { return config; }

  /** The learning-path planner over this version's prerequisite graph ({@link LearningArtefacts}). */
  io.courserec.learning.PathPlanner planner() { return planner; }

  /** Prerequisite status and the penalty installed into this version's hybrid. */
  PrerequisiteCheck prerequisites() { return prerequisites; }

  /** Popularity per course ordinal divided by the most popular course's (the ranking of the popular fallback). */
  float[] popularity() { return popularity; }

  /**
   * A single algorithm by registry name (not {@code hybrid}): the hybrid's own component (no second copy of its
   * model), else loaded from its directory on first use.
   */
  Recommender single(String name) {
    Recommender own = hybrid.component(name);
    return own != null ? own : singles.computeIfAbsent(name, this::loadSingle);
  }

  private Recommender loadSingle(String name) {
    long t0 = System.nanoTime();
    Recommender r = Recommenders.create(name, config);
    try {
      Path in = dir.resolve(HYBRID_DIR).resolve(name);
      // onto the snapshot the hybrid already holds: one copy of every learner's row per version, not one per model
      if (r instanceof SnapshotModel shared) shared.load(in, data, hybrid.snapshot());
      else r.load(in, data);
    } catch (IOException e) {
      throw new UncheckedIOException("loading " + name + " of model " + version() + ": " + e.getMessage(), e);
    }
    log.info("loaded {} of model {} in {} ms", name, version(), (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  @Override
  public void close() {
    hybrid.close();
    log.info("closed model {}", version());
  }
}
