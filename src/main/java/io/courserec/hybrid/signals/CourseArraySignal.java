package io.courserec.hybrid.signals;

import io.courserec.hybrid.Signal;
import io.courserec.index.LeafSignals;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * A signal whose per-learner values were computed for this request into a small array indexed by course ordinal
 * (already normalised to [0,1]), read for each document through its ordinal doc value. Used for the profile
 * content score (exact weighted cosine over the best profile matches, see {@code CbrRecommender#contentScores}).
 * Courses outside the array, or with ordinal -1, score 0.
 */
public final class CourseArraySignal extends DoubleValuesSource {
  private final Signal signal;
  private final float[] values;
  private final String meaning;

  private CourseArraySignal(Signal signal, float[] values, String meaning) {
    this.signal = signal;
    this.values = values;
    this.meaning = meaning;
  }

  /** @param values normalised value per course ordinal (not copied; must not change afterwards) */
  public static CourseArraySignal of(Signal signal, float[] values, String meaning) {
    return new CourseArraySignal(Objects.requireNonNull(signal), Objects.requireNonNull(values), meaning);
  }

  double valueAt(int ordinal) {
    return ordinal >= 0 && ordinal < values.length ? Math.max(0, Math.min(1, values[ordinal])) : 0;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    return PerDocValues.of(doc -> valueAt(leaf.ordinal(doc)));
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    int ord = LeafSignals.open(ctx).ordinal(doc);
    return Explanation.match(valueAt(ord), signal.code() + ": " + meaning + " (course ordinal " + ord + ")");
  }

  @Override
  public boolean needsScores() { return false; }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return false; }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseArraySignal c && c.signal == signal && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() { return signal.hashCode() * 31 + Arrays.hashCode(values); }

  @Override
  public String toString() { return signal.code() + "(array " + values.length + ")"; }
}
