package io.courserec.engine;

import io.courserec.catalog.Learner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and retires the model versions that still hold an erased learner. A version "holds" learner {@code u} when
 * {@code u} is in its {@code dataset.bin} (every learner with data is; the components are trained from it) and
 * {@code u} was erased after the version's data was loaded (list position &ge; the manifest's
 * {@link ModelManifest#erasuresHonoured()}). A version directory whose manifest or data set cannot be read
 * (partial, corrupt, stray) cannot be cleared, so it counts as holding.
 *
 * <p>{@link #retire} deletes the holders except the one named to keep (the freshly promoted replacement, which holds
 * nobody), after waiting up to {@value #OPEN_WAIT_MS} ms for requests still leasing an old version to finish (on
 * Linux a file deleted while open stays readable until closed, so a late request is not broken either way).
 */
final class ErasureCompletion {
  static final long OPEN_WAIT_MS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(ErasureCompletion.class);

  private final ModelStore models;
  private final ErasedLearners erased;
  private final Supplier<Set<String>> open;

  /** @param open versions currently loaded (their files may be in use) */
  ErasureCompletion(ModelStore models, ErasedLearners erased, Supplier<Set<String>> open) {
    this.models = models;
    this.erased = erased;
    this.open = open;
  }

  /** Every version directory that holds an erased learner, oldest first. */
  List<String> holders() {
    erased.refresh();
    List<String> out = new ArrayList<>();
    for (String v : models.versionDirectories()) if (holds(v)) out.add(v);
    return out;
  }

  boolean holds(String version) {
    if (erased.size() == 0) return false;
    Path dir = models.root().resolve(version);
    Optional<ModelManifest> m = models.readManifest(dir);
    if (m.isEmpty()) return true;
    int honoured = m.get().erasuresHonoured();
    if (honoured >= erased.size()) return false;
    try {
      for (Learner l : DatasetFile.learners(dir.resolve(DatasetFile.NAME))) {
        if (erased.position(l.id()) >= honoured) return true;
      }
      return false;
    } catch (IOException | RuntimeException e) {
      log.warn("model version {}: data set unreadable ({}); treated as holding an erased learner", version, e.toString());
      return true;
    }
  }

  /** Deletes every holder but {@code keep} (null: none kept); returns the versions deleted. */
  List<String> retire(String keep) throws IOException {
    List<String> gone = new ArrayList<>();
    for (String v : holders()) {
      if (v.equals(keep)) continue;
      if (v.equals(models.current().orElse(null))) {
        log.warn("model version {} is CURRENT and holds an erased learner; it is kept until a replacement is promoted", v);
        continue;
      }
      waitUntilClosed(v);
      ModelStore.deleteTree(models.root().resolve(v));
      gone.add(v);
    }
    if (!gone.isEmpty()) DirectorySync.sync(models.root());
    return gone;
  }

  private void waitUntilClosed(String version) {
    long deadline = System.nanoTime() + OPEN_WAIT_MS * 1_000_000;
    while (open.get().contains(version) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (open.get().contains(version)) log.warn("model version {} is still open after {} ms; deleting it anyway", version, OPEN_WAIT_MS);
  }

}
