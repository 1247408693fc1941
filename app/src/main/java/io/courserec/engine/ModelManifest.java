package io.courserec.engine;

import java.time.Instant;
import java.util.Map;

/**
 * The manifest of one model version directory ({@code manifest.json}), written last: a directory without a
 * readable manifest, or whose files do not match the recorded sizes and SHA-256 digests, is partial or corrupt and
 * is skipped at start-up.
 *
 * @param metrics holdout evaluation of the model (e.g. {@code ndcg@10}); empty when the data had no test learner
 * @param timingsMs wall time per stage of the build (load_catalog, read_feedback, evaluate, train, save, ...)
 * @param promoted whether this version was allowed to serve (false: kept for inspection, e.g. a quality drop)
 * @param note what happened at promotion ("promoted", or why it was not)
 * @param interactions training interactions (CSV plus stored feedback)
 * @param files relative path -> "size:sha256" of every file the version holds
 * @param storeSequence the feedback store's {@code lastSequence()} when the training data was read: stored events
 *     up to it are part of the model; later ones are applied per request as recent events
 * @param storeEvents stored feedback events folded into the training data
 * @param storeEventsSkipped stored events left out because their course is no longer in the catalog
 * @param erasuresHonoured entries of the erasure list ({@link ErasedLearners}) when the data was loaded: the
 *     learners erased first up to this count are not in the version; 0 in manifests written before erasure existed
 * @param tuned the values tuning chose for this model (configuration key -> value; also in {@code tuning.properties},
 *     applied over the configuration whenever the version is loaded); empty when tuning was off
 */
public record ModelManifest(String version, Instant createdAt, String dataHash, String configHash, long seed,
                            Map<String, Double> metrics, Map<String, Long> timingsMs, boolean promoted, String note,
                            int courses, int learners, long interactions, Map<String, String> files,
                            long storeSequence, long storeEvents, long storeEventsSkipped, Map<String, String> tuned,
                            int erasuresHonoured) {
  public ModelManifest {
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
    files = files == null ? Map.of() : files;
    note = note == null ? "" : note;
    tuned = tuned == null ? Map.of() : Map.copyOf(tuned);
  }

  /** The same manifest naming a version and its files (what {@link ModelStore#seal} records). */
  public ModelManifest sealed(String newVersion, Map<String, String> newFiles) {
    return new ModelManifest(newVersion, createdAt, dataHash, configHash, seed, metrics, timingsMs, promoted, note,
        courses, learners, interactions, newFiles, storeSequence, storeEvents, storeEventsSkipped, tuned,
        erasuresHonoured);
  }

  /** The same manifest with another promotion flag and note. */
  public ModelManifest marked(boolean newPromoted, String newNote) {
    return new ModelManifest(version, createdAt, dataHash, configHash, seed, metrics, timingsMs, newPromoted, newNote,
        courses, learners, interactions, files, storeSequence, storeEvents, storeEventsSkipped, tuned,
        erasuresHonoured);
  }
}
