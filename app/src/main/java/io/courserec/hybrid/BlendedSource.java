package io.courserec.hybrid;

import io.courserec.hybrid.signals.OrdinalSignal;
import io.courserec.index.LeafSignals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * The blend: {@code score(u,i) = sum_s w_s * v_s(u,i)} over the signals present, where each {@code v_s} is a
 * normalised signal in [0,1] and the weights sum to 1 (see {@link BlendWeights}). A signal with weight 0 or without
 * data for this learner is left out (contributes 0). {@link #explain} lists every signal with its weight, value and
 * contribution, so the parts sum to the score. An optional per-course factor ({@code io.courserec.hybrid.CourseFactors},
 * read through the course ordinal) multiplies the sum: {@code score(u,i) = f(u,i) * sum_s w_s * v_s(u,i)}, f = 1 when
 * absent; {@link #explain} then shows the sum and the factor.
 */
public final class BlendedSource extends DoubleValuesSource {
  private final Map<Signal, DoubleValuesSource> sources;
  private final BlendWeights weights;
  private final float[] factors;

  private BlendedSource(Map<Signal, DoubleValuesSource> sources, BlendWeights weights, float[] factors) {
    this.sources = sources;
    this.weights = weights;
    this.factors = factors;
  }

  /** Sources with a zero weight are dropped; the map is copied. */
  public static BlendedSource of(Map<Signal, DoubleValuesSource> sources, BlendWeights weights) {
    return of(sources, weights, null);
  }

  /** As {@link #of(Map, BlendWeights)} with a factor per course ordinal (not copied; null for none). */
  public static BlendedSource of(Map<Signal, DoubleValuesSource> sources, BlendWeights weights, float[] factors) {
    Map<Signal, DoubleValuesSource> m = new EnumMap<>(Signal.class);
    sources.forEach((s, src) -> {
      if (src != null && weights.of(s) > 0) m.put(s, src);
    });
    return new BlendedSource(Collections.unmodifiableMap(m), weights, factors);
  }

  public Map<Signal, DoubleValuesSource> sources() { return sources; }

  /**
   * The largest score the blend can give any course: the sum of the weights of the sources in use, since every
   * signal's value lies in [0,1] (each source clamps). A bound known before scoring, reported as the scorer's
   * maximum score.
   */
  public double upperBound() {
    double s = 0;
    for (Signal sig : sources.keySet()) s += weights.of(sig);
    return s;
  }

  /** The factor of a course ordinal: 1 without factors or outside the array. */
  public double factorAt(int ordinal) {
    return factors == null || ordinal < 0 || ordinal >= factors.length ? 1.0 : factors[ordinal];
  }

  public BlendWeights weights() { return weights; }

  /**
   * The blend's values in one segment. The course ordinal is read once per document, for every
   * {@link OrdinalSignal} (array-backed signals and MF) and the course factor together; other sources read their own
   * doc values. The sum runs over the signals in their fixed order, as {@link #explain} does.
   */
  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    int n = sources.size();
    DoubleValues[] values = new DoubleValues[n];
    OrdinalSignal[] byOrdinal = new OrdinalSignal[n];
    double[] w = new double[n];
    boolean ordinals = factors != null;
    int i = 0;
    for (Map.Entry<Signal, DoubleValuesSource> e : sources.entrySet()) {
      if (e.getValue() instanceof OrdinalSignal o) {
        byOrdinal[i] = o;
        ordinals = true;
      } else {
        values[i] = e.getValue().getValues(ctx, scores);
      }
      w[i] = weights.of(e.getKey());
      i++;
    }
    LeafSignals leaf = ordinals ? LeafSignals.open(ctx) : null;
    return new DoubleValues() {
      double value;

      @Override
      public double doubleValue() { return value; }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        int ord = leaf == null ? -1 : leaf.ordinal(doc);
        double s = 0;
        for (int j = 0; j < n; j++) {
          if (byOrdinal[j] != null) s += w[j] * byOrdinal[j].valueAt(ord);
          else if (values[j].advanceExact(doc)) s += w[j] * values[j].doubleValue();
        }
        value = factors == null ? s : s * factorAt(ord);
        return true;
      }
    };
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    List<Explanation> parts = new ArrayList<>();
    double sum = 0;
    for (Map.Entry<Signal, DoubleValuesSource> e : sources.entrySet()) {
      Explanation v = e.getValue().explain(ctx, doc, scoreExplanation);
      double value = v.isMatch() ? v.getValue().doubleValue() : 0;
      double w = weights.of(e.getKey());
      sum += w * value;
      parts.add(Explanation.match(w * value, e.getKey().code() + ": weight " + w + " x value " + value,
          Explanation.match(w, "weight"), v));
    }
    if (factors == null) return Explanation.match(sum, "hybrid blend, sum of:", parts);
    int ord = LeafSignals.open(ctx).ordinal(doc);
    double f = factorAt(ord);
    return Explanation.match(sum * f, "hybrid blend x course factor " + f + " (course ordinal " + ord + "), product of:",
        Explanation.match(sum, "hybrid blend, sum of:", parts), Explanation.match(f, "course factor"));
  }

  @Override
  public boolean needsScores() {
    return sources.values().stream().anyMatch(DoubleValuesSource::needsScores);
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) throws IOException {
    Map<Signal, DoubleValuesSource> m = new EnumMap<>(Signal.class);
    boolean changed = false;
    for (Map.Entry<Signal, DoubleValuesSource> e : sources.entrySet()) {
      DoubleValuesSource r = e.getValue().rewrite(searcher);
      changed |= r != e.getValue();
      m.put(e.getKey(), r);
    }
    return changed ? new BlendedSource(Collections.unmodifiableMap(m), weights, factors) : this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return false; }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlendedSource b && b.sources.equals(sources) && b.weights.equals(weights)
        && java.util.Arrays.equals(b.factors, factors);
  }

  @Override
  public int hashCode() { return 31 * (31 * sources.hashCode() + weights.hashCode()) + java.util.Arrays.hashCode(factors); }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("blend(");
    sources.forEach((s, src) -> sb.append(weights.of(s)).append('*').append(src).append(' '));
    if (factors != null) sb.append("x factors(").append(factors.length).append(") ");
    return sb.append(')').toString();
  }
}
