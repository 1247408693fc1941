package io.courserec.hybrid.signals;

import io.courserec.index.CourseFields;
import io.courserec.index.LeafSignals;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * MF signal: {@code clamp(x_u . y_i / max, 0, 1)} where {@code y_i} is the course's item factor vector read from
 * the {@link CourseFields#MF_ITEM_FACTORS} vector values, {@code x_u} the learner's factors and {@code max} the
 * learner's largest dot product over the eligible courses (computed per request from the in-memory factors, one
 * k-length dot per course), so the learner's best MF course scores 1, as for the other signals. A course without
 * factors (added after training) scores 0 and explain says so.
 */
public final class MfSignal extends DoubleValuesSource {
  private final float[] userFactors;
  private final double max;

  private MfSignal(float[] userFactors, double max) {
    if (!(max > 0) || Double.isInfinite(max)) throw new IllegalArgumentException("max must be positive, got " + max);
    this.userFactors = userFactors;
    this.max = max;
  }

  /** @param max the learner's largest dot product over eligible courses (> 0) */
  public static MfSignal of(float[] userFactors, double max) {
    return new MfSignal(userFactors.clone(), max);
  }

  /** The raw dot product in double precision (the same arithmetic the in-memory check uses). */
  public static double dot(float[] a, float[] b) {
    double s = 0;
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) s += (double) a[i] * b[i];
    return s;
  }

  /** Maps a raw MF score to [0,1]. */
  public double normalise(double raw) {
    return Double.isNaN(raw) ? 0 : Math.max(0, Math.min(1, raw / max));
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    return PerDocValues.of(doc -> {
      float[] y = leaf.itemFactors(doc);
      return y == null ? 0 : normalise(dot(userFactors, y));
    });
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    float[] y = LeafSignals.open(ctx).itemFactors(doc);
    if (y == null) return Explanation.match(0.0, "mf: course has no factors (not in the trained model), 0");
    double raw = dot(userFactors, y);
    return Explanation.match(normalise(raw), "mf: clamp(dot(user factors, course factors) / learner max " + max
        + ", 0, 1); dot = " + raw);
  }

  @Override
  public boolean needsScores() { return false; }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return false; }

  @Override
  public boolean equals(Object o) {
    return o instanceof MfSignal m && m.max == max && Arrays.equals(userFactors, m.userFactors);
  }

  @Override
  public int hashCode() { return Arrays.hashCode(userFactors) * 31 + Double.hashCode(max); }

  @Override
  public String toString() { return "mf(rank=" + userFactors.length + ")"; }
}
