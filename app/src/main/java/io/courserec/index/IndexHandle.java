package io.courserec.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.util.BytesRef;

/**
 * One request's pinned view of a {@link CatalogIndex} generation: everything read through it comes from the same
 * generation. Close it (try-with-resources) exactly once; closing twice is harmless, using it after close is a bug.
 * Not shared between threads.
 */
public final class IndexHandle implements AutoCloseable {
  private final ReferenceManager<CatalogIndex.OpenGeneration> manager;
  private final CatalogIndex.OpenGeneration generation;
  private final AtomicBoolean closed = new AtomicBoolean();

  IndexHandle(ReferenceManager<CatalogIndex.OpenGeneration> manager, CatalogIndex.OpenGeneration generation) {
    this.manager = manager;
    this.generation = generation;
  }

  public IndexSearcher searcher() { return generation.searcher; }
  public DirectoryReader reader() { return generation.reader; }
  public IndexManifest manifest() { return generation.manifest; }
  public long generation() { return generation.manifest.generation(); }

  /** Global doc id of the course with this id, or -1 when this generation has no such course. */
  public int docId(String courseId) {
    BytesRef term = new BytesRef(courseId);
    try {
      for (LeafReaderContext leaf : generation.reader.leaves()) {
        Terms terms = leaf.reader().terms(CourseFields.ID);
        if (terms == null) continue;
        TermsEnum te = terms.iterator();
        if (!te.seekExact(term)) continue;
        PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d)) return leaf.docBase + d;
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + new Term(CourseFields.ID, courseId), e);
    }
  }

  /** Stored display values of a global doc id. */
  public CourseDocuments.StoredCourse course(int docId) throws IOException {
    return CourseDocuments.read(generation.reader.storedFields(), docId);
  }

  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) manager.release(generation);
  }
}
