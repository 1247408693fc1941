package io.courserec.hybrid.signals;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Content signal: the BM25 score of a text query (the learner's profile query for recommendations, or the wrapped
 * query's own score for catalog search) divided by the best score that query reaches on any course, so the best
 * textual match scores 1 for every learner. A course that does not match scores 0.
 */
public final class ContentSignal extends DoubleValuesSource {
  private final Query query; // null: use the wrapped query's scores
  private final double max;

  private ContentSignal(Query query, double max) {
    if (!(max > 0) || Double.isInfinite(max)) throw new IllegalArgumentException("max must be positive, got " + max);
    this.query = query;
    this.max = max;
  }

  /** Scores a separate profile query; {@code max} is its top score over the index (from a top-1 search). */
  public static ContentSignal ofQuery(Query profileQuery, double max) {
    return new ContentSignal(Objects.requireNonNull(profileQuery), max);
  }

  /** Uses the wrapped (search) query's score; {@code max} is that query's top score. */
  public static ContentSignal ofScores(double max) {
    return new ContentSignal(null, max);
  }

  private double normalise(double raw) {
    return Math.max(0, Math.min(1, raw / max));
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    if (query == null) {
      return new DoubleValues() {
        double v;

        @Override
        public double doubleValue() { return v; }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          v = scores != null && scores.advanceExact(doc) ? normalise(scores.doubleValue()) : 0;
          return true;
        }
      };
    }
    throw new IllegalStateException("rewrite() must be called before getValues() for a profile query");
  }

  @Override
  public boolean needsScores() { return query == null; }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) throws IOException {
    if (query == null) return this;
    DoubleValuesSource inner = DoubleValuesSource.fromQuery(query).rewrite(searcher);
    return new Rewritten(inner, max, this);
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    double raw = scoreExplanation != null && scoreExplanation.isMatch() ? scoreExplanation.getValue().doubleValue() : 0;
    return Explanation.match(normalise(raw), "content: search score / best search score " + max,
        scoreExplanation == null ? new Explanation[0] : new Explanation[] {scoreExplanation});
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return false; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentSignal c && Objects.equals(query, c.query) && max == c.max;
  }

  @Override
  public int hashCode() { return Objects.hash(query, max); }

  @Override
  public String toString() { return "content(" + (query == null ? "scores" : query.toString()) + " / " + max + ")"; }

  /** The profile-query form after rewrite: reads the query's per-document score. */
  private static final class Rewritten extends DoubleValuesSource {
    private final DoubleValuesSource inner;
    private final double max;
    private final ContentSignal original;

    Rewritten(DoubleValuesSource inner, double max, ContentSignal original) {
      this.inner = inner;
      this.max = max;
      this.original = original;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      DoubleValues v = inner.getValues(ctx, null);
      return new DoubleValues() {
        double value;

        @Override
        public double doubleValue() { return value; }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          value = v.advanceExact(doc) ? Math.max(0, Math.min(1, v.doubleValue() / max)) : 0;
          return true;
        }
      };
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
      Explanation e = inner.explain(ctx, doc, null);
      double raw = e.isMatch() ? e.getValue().doubleValue() : 0;
      double value = Math.max(0, Math.min(1, raw / max));
      return Explanation.match(value, "content: profile match " + raw + " / best match " + max, e);
    }

    @Override
    public boolean needsScores() { return false; }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) { return false; }

    @Override
    public boolean equals(Object o) { return o instanceof Rewritten r && r.original.equals(original); }

    @Override
    public int hashCode() { return original.hashCode() * 31; }

    @Override
    public String toString() { return original.toString(); }
  }
}
