package io.courserec.hybrid.signals;

import io.courserec.index.LeafSignals;
import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * A signal whose value for a document is a function of the document's course ordinal alone, from per-request or
 * model arrays in memory: the array-backed signals ({@link CourseArraySignal}) and MF ({@link MfSignal}). The blend
 * ({@code io.courserec.hybrid.BlendedSource}) reads the ordinal once per document and asks every such signal for
 * {@link #valueAt}; standing alone, {@link #getValues} reads the ordinal itself. {@link #explain} takes the value
 * from the same {@link #valueAt}, so an explanation is the score's own arithmetic.
 */
public abstract class OrdinalSignal extends DoubleValuesSource {
  /** The value in [0,1] of a course ordinal; 0 for -1 (a document without ordinal) or an ordinal the signal lacks. */
  public abstract double valueAt(int ordinal);

  /** The explanation of {@link #valueAt}{@code (ordinal)}, whose value it must be. */
  protected abstract Explanation explainOrdinal(int ordinal);

  @Override
  public final DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    return PerDocValues.of(doc -> valueAt(leaf.ordinal(doc)));
  }

  @Override
  public final Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    return explainOrdinal(LeafSignals.open(ctx).ordinal(doc));
  }

  @Override
  public final boolean needsScores() { return false; }

  @Override
  public final DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

  /** Not cacheable: the values are one learner's. */
  @Override
  public final boolean isCacheable(LeafReaderContext ctx) { return false; }
}
