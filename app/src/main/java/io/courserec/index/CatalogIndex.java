package io.courserec.index;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served catalog index: the generation {@code CURRENT} points to, shared by concurrent requests.
 *
 * <pre>
 *   try (IndexHandle h = index.acquire()) {      // pins one generation
 *     h.searcher().search(...);                    // every read in the block sees that generation only
 *   }                                              // releases it
 *   index.refresh();                               // after a reindex: swap to the new generation
 * </pre>
 *
 * Built on Lucene's {@link ReferenceManager}: each open generation is reference-counted; {@link #refresh}
 * opens the new generation completely before swapping one reference, and the old generation's reader and
 * directory close only when its last handle is released. A request therefore never sees half of two
 * generations, and a swap never closes a searcher in use. Thread-safe.
 */
public final class CatalogIndex implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(CatalogIndex.class);
  private static final int MAX_OPEN_ATTEMPTS = 5;

  private final IndexLayout layout;
  private final Manager manager;

  private CatalogIndex(IndexLayout layout, OpenGeneration first) {
    this.layout = layout;
    this.manager = new Manager(first);
  }

  /**
   * Opens the current generation under {@code root}.
   *
   * @throws NoIndexException when the root has no published generation yet
   */
  public static CatalogIndex open(Path root) throws IOException {
    IndexLayout layout = new IndexLayout(root);
    OptionalLong g = layout.current();
    if (g.isEmpty()) throw new NoIndexException(layout.root());
    return new CatalogIndex(layout, OpenGeneration.open(layout, g.getAsLong()));
  }

  /** Pins the current generation until the handle is closed. */
  public IndexHandle acquire() throws IOException {
    return new IndexHandle(manager, manager.acquire());
  }

  /**
   * Swaps to the generation {@code CURRENT} now points to, if it changed; blocks while another refresh runs.
   *
   * @return true when a new generation is now served
   */
  public boolean refresh() throws IOException {
    long before = generation();
    manager.maybeRefreshBlocking();
    return generation() != before;
  }

  /** Generation number served now (may change right after the call; pin with {@link #acquire} to read). */
  public long generation() throws IOException {
    OpenGeneration g = manager.acquire();
    try {
      return g.manifest.generation();
    } finally {
      manager.release(g);
    }
  }

  /** Manifest of the generation served now. */
  public IndexManifest manifest() throws IOException {
    OpenGeneration g = manager.acquire();
    try {
      return g.manifest;
    } finally {
      manager.release(g);
    }
  }

  public Path root() { return layout.root(); }

  /** Releases the index's own reference; generations close once handles still out are released. */
  @Override
  public void close() throws IOException {
    manager.close();
  }

  /** One opened generation: its directory, reader and searcher, with a reference count. */
  static final class OpenGeneration {
    final IndexManifest manifest;
    final Path dir;
    final Directory directory;
    final DirectoryReader reader;
    final IndexSearcher searcher;
    private final AtomicInteger refCount = new AtomicInteger(1);

    private OpenGeneration(IndexManifest manifest, Path dir, Directory directory, DirectoryReader reader) {
      this.manifest = manifest;
      this.dir = dir;
      this.directory = directory;
      this.reader = reader;
      this.searcher = new IndexSearcher(reader);
    }

    static OpenGeneration open(IndexLayout layout, long generation) throws IOException {
      Path dir = layout.generationDir(generation);
      IndexManifest manifest = IndexManifest.read(dir);
      IndexLayout.markOpen(dir);
      Directory d = null;
      try {
        d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d);
        log.info("opened index {} ({} courses, model {})", dir, r.numDocs(), manifest.modelVersion());
        return new OpenGeneration(manifest, dir, d, r);
      } catch (IOException | RuntimeException e) {
        if (d != null) d.close();
        IndexLayout.markClosed(dir);
        throw e;
      }
    }

    boolean tryIncRef() {
      int c;
      do {
        c = refCount.get();
        if (c <= 0) return false;
      } while (!refCount.compareAndSet(c, c + 1));
      return true;
    }

    void decRef() throws IOException {
      int c = refCount.decrementAndGet();
      if (c == 0) {
        try (Directory d = directory) {
          reader.close();
        } finally {
          IndexLayout.markClosed(dir);
          log.debug("closed index generation {}", dir);
        }
      } else if (c < 0) {
        throw new IllegalStateException("generation " + dir + " released more often than acquired");
      }
    }

    int refCount() { return refCount.get(); }
  }

  private final class Manager extends ReferenceManager<OpenGeneration> {
    Manager(OpenGeneration first) {
      current = first;
    }

    @Override
    protected void decRef(OpenGeneration g) throws IOException { g.decRef(); }

    @Override
    protected OpenGeneration refreshIfNeeded(OpenGeneration old) throws IOException {
      // A generation can be published and pruned by a concurrent reindex between reading CURRENT and opening it;
      // then CURRENT has moved on, so read it again.
      for (int attempt = 1; ; attempt++) {
        OptionalLong now = layout.current();
        if (now.isEmpty() || now.getAsLong() == old.manifest.generation()) return null;
        try {
          return OpenGeneration.open(layout, now.getAsLong());
        } catch (NoSuchFileException | FileNotFoundException e) { // incl. IndexNotFoundException
          if (attempt == MAX_OPEN_ATTEMPTS) throw e;
          log.debug("generation {} vanished while opening, re-reading {}", now.getAsLong(), IndexLayout.CURRENT);
        }
      }
    }

    @Override
    protected boolean tryIncRef(OpenGeneration g) { return g.tryIncRef(); }

    @Override
    protected int getRefCount(OpenGeneration g) { return g.refCount(); }
  }

  /** There is no published generation under an index root. */
  public static final class NoIndexException extends IOException {
    public NoIndexException(Path root) {
      super("no index under " + root + ": run './courserec reindex' first");
    }
  }
}
