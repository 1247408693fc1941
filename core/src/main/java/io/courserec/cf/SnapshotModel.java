package io.courserec.cf;

import io.courserec.catalog.Dataset;
import io.courserec.rec.Recommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recommender whose model rests on the training {@link InteractionSnapshot} (every learner's weighted row): the
 * hybrid trains all of them on one snapshot, so a model version stores that snapshot once ({@link #SHARED_DIR}
 * beside the components) and a server holds it once in memory, instead of one copy per component.
 * {@link Recommender#save} still writes a self-contained directory (snapshot included) for a model saved alone.
 */
public interface SnapshotModel extends Recommender {
  /** The directory, beside the components' own, where a hybrid keeps the one snapshot they share. */
  String SHARED_DIR = "snapshot";

  /** The snapshot the model was trained on or loaded onto. */
  InteractionSnapshot snapshot();

  /** Writes the model's own files and manifest into {@code dir}, without the snapshot's. */
  void saveModel(Path dir) throws IOException;

  /** Reads the manifest of the model saved in {@code dir} and checks it can be loaded here (algorithm, catalog, config). */
  ComponentManifest readManifest(Path dir, Dataset catalog) throws IOException;

  /** Reads the model's own files from {@code dir} onto {@code snapshot}; called by the two loads below only. */
  void loadOnto(Path dir, Dataset catalog, ComponentManifest manifest, InteractionSnapshot snapshot) throws IOException;

  /** Writes a self-contained model: the snapshot's files, then the model's own. */
  @Override
  default void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    snapshot().save(dir);
    saveModel(dir);
  }

  /** Loads a model with its snapshot: its own copy, or the shared one beside it ({@link #snapshotDir}). */
  @Override
  default void load(Path dir, Dataset catalog) throws IOException {
    ComponentManifest m = readManifest(dir, catalog);
    loadOnto(dir, catalog, m, InteractionSnapshot.load(snapshotDir(dir), catalog, m));
  }

  /**
   * Loads the model saved in {@code dir} onto {@code shared}, the snapshot it was trained on (checked against the
   * model's manifest: learners, interactions, reference time and event weights).
   */
  default void load(Path dir, Dataset catalog, InteractionSnapshot shared) throws IOException {
    ComponentManifest m = readManifest(dir, catalog);
    shared.checkMatches(dir, m);
    loadOnto(dir, catalog, m, shared);
  }

  /** Where the snapshot of a model saved in {@code dir} is: its own files, else the shared directory beside it. */
  static Path snapshotDir(Path dir) {
    if (Files.isRegularFile(dir.resolve(InteractionSnapshot.LEARNERS_FILE))) return dir;
    Path parent = dir.toAbsolutePath().getParent();
    return parent == null ? dir : parent.resolve(SHARED_DIR);
  }
}
