package io.courserec.hybrid.signals;

import io.courserec.index.CourseFields;
import io.courserec.index.LeafSignals;
import io.courserec.index.NeighborListCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * Item-CF signal. The course's neighbour list N(i) (top-K similar courses with similarities, read from the
 * {@link CourseFields#CF_ITEM_NEIGHBORS} binary doc values) is intersected with the learner's history H(u):
 *
 * <pre>  raw(u,i) = sum_{j in N(i) and H(u)} sim(i,j) * w(u,j),     value = raw / max_i' raw(u,i')</pre>
 *
 * where w(u,j) in (0,1] is the learner's history weight divided by their largest, and the normaliser
 * {@code max} is the learner's best raw score over the whole catalog (computed per request from the model's
 * neighbour lists), so the learner's strongest item-CF course scores 1. Courses without a neighbour list score 0.
 */
public final class ItemCfSignal extends DoubleValuesSource {
  private final int[] historyOrdinals; // ascending
  private final float[] historyWeights;
  private final double max;
  private final float[] weightByOrdinal; // dense view of the history for O(1) lookups while scoring

  private ItemCfSignal(int[] historyOrdinals, float[] historyWeights, double max) {
    this.historyOrdinals = historyOrdinals;
    this.historyWeights = historyWeights;
    this.max = max;
    int top = historyOrdinals.length == 0 ? 0 : historyOrdinals[historyOrdinals.length - 1] + 1;
    this.weightByOrdinal = new float[top];
    for (int p = 0; p < historyOrdinals.length; p++) weightByOrdinal[historyOrdinals[p]] = historyWeights[p];
  }

  /**
   * @param historyOrdinals ascending course ordinals of the learner's positive history
   * @param historyWeights their weights in (0,1]
   * @param max the learner's largest raw item-CF score (> 0)
   */
  public static ItemCfSignal of(int[] historyOrdinals, float[] historyWeights, double max) {
    if (!(max > 0)) throw new IllegalArgumentException("max must be positive, got " + max);
    return new ItemCfSignal(historyOrdinals, historyWeights, max);
  }

  private double raw(BytesRef list) {
    if (list == null) return 0;
    double s = 0;
    int n = NeighborListCodec.size(list);
    float[] w = weightByOrdinal;
    for (int k = 0; k < n; k++) {
      int j = NeighborListCodec.ordinal(list, k);
      if (j < w.length && w[j] != 0f) s += NeighborListCodec.similarity(list, k) * w[j];
    }
    return s;
  }

  private double normalise(double raw) {
    return Math.max(0, Math.min(1, raw / max));
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    return PerDocValues.of(doc -> normalise(raw(leaf.neighbors(doc))));
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    BytesRef list = LeafSignals.open(ctx).neighbors(doc);
    if (list == null) return Explanation.match(0.0, "itemcf: course has no neighbour list, 0");
    List<Explanation> parts = new ArrayList<>();
    int n = NeighborListCodec.size(list);
    for (int k = 0; k < n; k++) {
      int ord = NeighborListCodec.ordinal(list, k);
      int p = Arrays.binarySearch(historyOrdinals, ord);
      if (p >= 0) {
        float sim = NeighborListCodec.similarity(list, k);
        parts.add(Explanation.match(sim * historyWeights[p],
            "neighbour ordinal " + ord + ": similarity " + sim + " x history weight " + historyWeights[p]));
      }
    }
    double raw = raw(list);
    return Explanation.match(normalise(raw), "itemcf: " + parts.size() + " of " + n
        + " neighbours in history, raw " + raw + " / learner max " + max, parts);
  }

  @Override
  public boolean needsScores() { return false; }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return false; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItemCfSignal s && max == s.max && Arrays.equals(historyOrdinals, s.historyOrdinals)
        && Arrays.equals(historyWeights, s.historyWeights);
  }

  @Override
  public int hashCode() { return 31 * Arrays.hashCode(historyOrdinals) + Arrays.hashCode(historyWeights); }

  @Override
  public String toString() { return "itemcf(history=" + historyOrdinals.length + ", max=" + max + ")"; }
}
