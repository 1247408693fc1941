package io.courserec.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The documents of a set of course ordinals in one reader, found by a lookup per ordinal instead of a pass over the
 * index: a learner's candidates in {@code /recommend}. The {@code IntPoint} set query it replaces walks the BKD tree,
 * and because ordinals are dense (0..n−1) and candidates are spread over them, nearly every leaf of 512 values holds
 * one, so it compared every document's ordinal with the set — 7.4 % of a request's CPU samples at 10,000 courses
 * ({@code BKDReader.visitCompressedDocValues}, JFR, 2026-12-05). Here the reader's ordinal → document table is built
 * once per reader (a pass over the live documents' ordinal doc values, cached while the reader lives) and a query
 * costs a sort of the candidates' document ids.
 *
 * <p>The query belongs to the reader it was built for: used with another it fails rather than match the wrong
 * documents. It is not cached (a per-request set) and scores every match {@code boost} (a filter).
 */
public final class OrdinalSetQuery extends Query {
  private static final Map<IndexReader.CacheKey, int[]> DOCS = new WeakHashMap<>();
  /** The table last asked for: a server asks for one reader's until it swaps, so requests skip the lock. */
  private static volatile Table last;

  private record Table(IndexReader.CacheKey key, int[] docByOrdinal) {}

  private final IndexReader.CacheKey readerKey;
  private final int[] docs; // ascending global doc ids

  private OrdinalSetQuery(IndexReader.CacheKey readerKey, int[] docs) {
    this.readerKey = readerKey;
    this.docs = docs;
  }

  /**
   * The live documents of {@code reader} whose course ordinal is in {@code ordinals} (ordinals with no live document
   * are skipped), or null when the reader offers no cache key to tie the query to.
   */
  public static OrdinalSetQuery of(IndexReader reader, int[] ordinals) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) return null;
    int[] docByOrdinal = docByOrdinal(reader, helper.getKey());
    int[] docs = new int[ordinals.length];
    int n = 0;
    for (int o : ordinals) {
      if (o >= 0 && o < docByOrdinal.length && docByOrdinal[o] >= 0) docs[n++] = docByOrdinal[o];
    }
    docs = Arrays.copyOf(docs, n);
    Arrays.sort(docs);
    int m = 0;
    for (int i = 0; i < n; i++) if (m == 0 || docs[i] != docs[m - 1]) docs[m++] = docs[i];
    return new OrdinalSetQuery(helper.getKey(), Arrays.copyOf(docs, m));
  }

  /** Global doc id by course ordinal over the live documents (−1 = none), built once per reader. */
  static int[] docByOrdinal(IndexReader reader, IndexReader.CacheKey key) throws IOException {
    Table t = last;
    if (t != null && t.key() == key) return t.docByOrdinal();
    synchronized (DOCS) {
      int[] cached = DOCS.get(key);
      if (cached != null) {
        last = new Table(key, cached);
        return cached;
      }
    }
    int[] map = new int[0];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues ord = leaf.reader().getNumericDocValues(CourseFields.ORDINAL);
      if (ord == null) continue;
      Bits live = leaf.reader().getLiveDocs();
      for (int d = ord.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ord.nextDoc()) {
        if (live != null && !live.get(d)) continue;
        int o = (int) ord.longValue();
        if (o < 0) continue;
        if (o >= map.length) {
          int old = map.length;
          map = Arrays.copyOf(map, Math.max(o + 1, old * 2));
          Arrays.fill(map, old, map.length, -1);
        }
        map[o] = leaf.docBase + d;
      }
    }
    synchronized (DOCS) {
      DOCS.put(key, map);
    }
    last = new Table(key, map);
    return map;
  }

  /** How many documents match. */
  public int size() { return docs.length; }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext ctx) {
        IndexReader.CacheHelper top = ReaderUtil.getTopLevelContext(ctx).reader().getReaderCacheHelper();
        if (top == null || top.getKey() != readerKey) {
          throw new IllegalStateException("an ordinal set query runs on the reader it was built for only");
        }
        int from = lowerBound(ctx.docBase);
        int to = lowerBound(ctx.docBase + ctx.reader().maxDoc());
        if (from == to) return null;
        return new Weight.DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode,
            new Slice(docs, from, to, ctx.docBase)));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private int lowerBound(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    return i >= 0 ? i : -i - 1;
  }

  /** The docs[from, to) of one leaf, as leaf doc ids. */
  private static final class Slice extends DocIdSetIterator {
    private final int[] docs;
    private final int from;
    private final int to;
    private final int base;
    private int at;
    private int doc = -1;

    Slice(int[] docs, int from, int to, int base) {
      this.docs = docs;
      this.from = from;
      this.at = from - 1;
      this.to = to;
      this.base = base;
    }

    @Override
    public int docID() { return doc; }

    @Override
    public int nextDoc() {
      return doc = ++at < to ? docs[at] - base : NO_MORE_DOCS;
    }

    @Override
    public int advance(int target) {
      int i = Arrays.binarySearch(docs, Math.max(at + 1, 0), to, target + base);
      at = i >= 0 ? i : -i - 1;
      return doc = at < to ? docs[at] - base : NO_MORE_DOCS;
    }

    @Override
    public long cost() { return to - from; }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(CourseFields.ORDINAL)) visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "ordinal-docs(" + docs.length + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && readerKey == ((OrdinalSetQuery) o).readerKey && Arrays.equals(docs, ((OrdinalSetQuery) o).docs);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + Arrays.hashCode(docs);
  }
}
