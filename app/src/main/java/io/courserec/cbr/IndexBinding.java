package io.courserec.cbr;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogFingerprint;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.IndexLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link CatalogIndex} a {@link CbrRecommender} reads. Either a fixed index handed in by the caller (the
 * server's served index), or one matched to each catalog the recommender is trained on: the index under
 * {@code index.dir} when its current generation was built from exactly that catalog (same
 * {@link CatalogFingerprint}), otherwise a private index built into a temporary directory, closed and deleted
 * when replaced or when the JVM exits. The second form makes {@code cbr} self-contained for evaluation, which
 * trains on arbitrary data directories.
 */
final class IndexBinding {
  private static final Logger log = LoggerFactory.getLogger(IndexBinding.class);

  private final Config config;
  private final boolean fixed;
  private volatile CatalogIndex index;
  private Path privateRoot;
  private Thread cleanup;

  private IndexBinding(Config config, CatalogIndex index, boolean fixed) {
    this.config = config;
    this.index = index;
    this.fixed = fixed;
  }

  static IndexBinding fixed(CatalogIndex index, Config config) {
    return new IndexBinding(config, index, true);
  }

  static IndexBinding matching(Config config) {
    return new IndexBinding(config, null, false);
  }

  /** The index to read now. */
  CatalogIndex current() {
    CatalogIndex i = index;
    if (i == null) throw new IllegalStateException(CbrRecommender.NAME + " is neither trained nor loaded");
    return i;
  }

  /** Makes the binding serve {@code catalog}; a fixed index is kept (with a warning when it holds another catalog). */
  synchronized void bind(Dataset catalog) throws IOException {
    String wanted = CatalogFingerprint.of(catalog.courses());
    if (index != null) {
      index.refresh();
      if (index.manifest().dataHash().equals(wanted)) return;
      if (fixed) {
        log.warn("index generation {} was built from another catalog (data {} vs {}): reindex",
            index.generation(), index.manifest().dataHash(), wanted);
        return;
      }
    }
    Path served = config.path(ConfigKey.INDEX_DIR);
    if (new IndexLayout(served).current().isPresent()) {
      CatalogIndex s = CatalogIndex.open(served);
      if (s.manifest().dataHash().equals(wanted)) {
        replace(s, null);
        return;
      }
      s.close();
    }
    Path root = Files.createTempDirectory("courserec-cbr-");
    new CatalogIndexer(root, config).reindex(catalog);
    log.info("built a private content index for catalog {} ({} courses) in {}", wanted, catalog.numCourses(), root);
    replace(CatalogIndex.open(root), root);
  }

  private void replace(CatalogIndex next, Path nextRoot) throws IOException {
    CatalogIndex old = index;
    Path oldRoot = privateRoot;
    if (cleanup != null) Runtime.getRuntime().removeShutdownHook(cleanup);
    index = next;
    privateRoot = nextRoot;
    cleanup = nextRoot == null ? null : Thread.ofPlatform().unstarted(() -> {
      try {
        next.close();
        deleteTree(nextRoot);
      } catch (IOException e) {
        // best effort at exit: the directory lives under the temp dir
      }
    });
    if (cleanup != null) Runtime.getRuntime().addShutdownHook(cleanup);
    if (old != null) {
      old.close(); // requests still holding a handle keep their generation until they release it
      if (oldRoot != null) deleteTree(oldRoot);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
