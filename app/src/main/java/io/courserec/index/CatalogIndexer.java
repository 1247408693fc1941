package io.courserec.index;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new index generation from a catalog (and optional model signals) and publishes it atomically.
 *
 * <ol>
 *   <li>take the root's reindex lock (one writer per index root, across processes);
 *   <li>write every course, in ordinal order, into a fresh directory {@code gen-NNNNNN}; merge to one segment so
 *       doc ids follow ordinals (convenient, but readers must use the {@code ordinal} doc value);
 *   <li>commit, then write {@code manifest.json}: only now is the generation complete;
 *   <li>swap {@code CURRENT} to it ({@link IndexLayout#publish}) and prune old generations.
 * </ol>
 *
 * Any failure before the swap deletes the partial directory and leaves {@code CURRENT} (and every open searcher)
 * on the previous generation.
 */
public final class CatalogIndexer {
  private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);

  /** Called after each document is added; lets tests inject a failure in the middle of a build. */
  interface BuildObserver {
    void afterDocument(int ordinal) throws IOException;
  }

  private final IndexLayout layout;
  private final int keepGenerations;
  private final BuildObserver observer;

  /** An indexer for the root directory {@code root}, keeping {@code index.keep_generations} generations. */
  public CatalogIndexer(Path root, Config config) {
    this(root, config.integer(ConfigKey.INDEX_KEEP_GENERATIONS), ordinal -> {});
  }

  CatalogIndexer(Path root, int keepGenerations, BuildObserver observer) {
    if (keepGenerations < 1) throw new IllegalArgumentException("keepGenerations must be >= 1, got " + keepGenerations);
    this.layout = new IndexLayout(root);
    this.keepGenerations = keepGenerations;
    this.observer = observer;
  }

  public IndexLayout layout() { return layout; }

  /** Builds and publishes a generation from the catalog alone (no model signals). */
  public IndexManifest reindex(Dataset data) throws IOException {
    return reindex(data, CourseSignals.none(data.numCourses()));
  }

  /**
   * Builds and publishes a generation carrying the catalog and the given signals.
   *
   * @throws IllegalArgumentException when the signals were built for a catalog of another size
   * @throws IOException when writing fails or another reindex holds the lock (the previous generation stays current)
   */
  public IndexManifest reindex(Dataset data, CourseSignals signals) throws IOException {
    if (signals.numCourses() != data.numCourses()) {
      throw new IllegalArgumentException("signals cover " + signals.numCourses() + " courses, the catalog has "
          + data.numCourses());
    }
    Files.createDirectories(layout.root());
    long start = System.nanoTime();
    try (Directory rootDir = FSDirectory.open(layout.root());
         Lock lock = obtainLock(rootDir)) {
      long generation = layout.nextGeneration();
      Path dir = layout.generationDir(generation);
      IndexManifest manifest;
      try {
        manifest = build(dir, generation, data, signals);
      } catch (IOException | RuntimeException | Error e) {
        log.warn("reindex into {} failed; {} stays current: {}", dir.getFileName(), describeCurrent(), e.toString());
        IndexLayout.deleteRecursively(dir);
        throw e;
      }
      lock.ensureValid();
      layout.publish(generation);
      layout.prune(keepGenerations, generation);
      log.info("indexed {} courses into {} in {} ms (data {}, model {})", manifest.courseCount(), dir,
          (System.nanoTime() - start) / 1_000_000, manifest.dataHash(), manifest.modelVersion());
      return manifest;
    }
  }

  private IndexManifest build(Path dir, long generation, Dataset data, CourseSignals signals) throws IOException {
    Files.createDirectories(dir);
    String dataHash = CatalogFingerprint.of(data.courses());
    IndexWriterConfig iwc = new IndexWriterConfig(CourseFields.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(64)
        .setMergePolicy(new LogDocMergePolicy()); // merges adjacent segments only: doc order = add order
    try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, iwc)) {
      List<Course> courses = data.courses();
      for (int i = 0; i < courses.size(); i++) {
        w.addDocument(CourseDocuments.toDocument(courses.get(i), i, signals));
        observer.afterDocument(i);
      }
      w.forceMerge(1);
      w.setLiveCommitData(Map.of(
          "generation", Long.toString(generation),
          "dataHash", dataHash,
          "modelVersion", signals.modelVersion()).entrySet());
      w.commit();
    }
    IndexManifest m = new IndexManifest(generation, data.numCourses(), dataHash, signals.modelVersion(),
        signals.factorDimension(), IndexManifest.SCHEMA_VERSION, Version.LATEST.toString(), Instant.now());
    m.write(dir);
    return m;
  }

  private static Lock obtainLock(Directory rootDir) throws IOException {
    try {
      return rootDir.obtainLock(IndexLayout.LOCK_NAME);
    } catch (LockObtainFailedException e) {
      throw new IOException("another reindex is writing to this index root (" + IndexLayout.LOCK_NAME + " is held)", e);
    }
  }

  private String describeCurrent() {
    try {
      return layout.current().stream().mapToObj(IndexLayout::dirName).findFirst().orElse("no generation");
    } catch (IOException e) {
      return "the previous pointer";
    }
  }
}
