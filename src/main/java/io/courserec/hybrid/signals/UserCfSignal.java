package io.courserec.hybrid.signals;

import io.courserec.index.LeafSignals;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * User-CF signal: the per-request array {@code s[ordinal]} of user-kNN scores (sum of neighbour similarity x
 * neighbour weight over the learner's nearest learners who took the course), divided by its maximum so it lies in
 * [0,1]. The document's course ordinal is read from the ordinal doc values. Courses outside the array (added after
 * training) score 0.
 */
public final class UserCfSignal extends DoubleValuesSource {
  private final float[] scores;
  private final int[] support;

  private UserCfSignal(float[] scores, int[] support) {
    this.scores = scores;
    this.support = support;
  }

  /** @param normalisedScores per course ordinal, in [0,1]; @param support neighbours per ordinal (may be null) */
  public static UserCfSignal of(float[] normalisedScores, int[] support) {
    return new UserCfSignal(normalisedScores, support);
  }

  double valueAt(int ordinal) {
    return ordinal >= 0 && ordinal < scores.length ? scores[ordinal] : 0;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues ignored) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    return PerDocValues.of(doc -> valueAt(leaf.ordinal(doc)));
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    int ord = LeafSignals.open(ctx).ordinal(doc);
    double v = valueAt(ord);
    int n = support != null && ord >= 0 && ord < support.length ? support[ord] : 0;
    return Explanation.match(v, "usercf: " + n + " similar learners took this course (normalised score)");
  }

  @Override
  public boolean needsScores() { return false; }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return false; }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserCfSignal u && Arrays.equals(scores, u.scores) && Arrays.equals(support, u.support);
  }

  @Override
  public int hashCode() { return Arrays.hashCode(scores); }

  @Override
  public String toString() { return "usercf(" + scores.length + ")"; }
}
