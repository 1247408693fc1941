package io.courserec.hybrid.signals;

import java.util.Arrays;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.util.VectorUtil;

/**
 * MF signal: {@code clamp(x_u . y_i / max, 0, 1)} where {@code y_i} is the course's item factor vector, {@code x_u}
 * the learner's factors and {@code max} the learner's largest dot product over the eligible courses, so the
 * learner's best MF course scores 1, as for the other signals. A course without factors (added after training)
 * scores 0 and explain says so.
 *
 * <p>{@code y_i} comes from the model's factor array by course ordinal — the same array, and the same arithmetic
 * ({@link #dot}), that found the learner's MF candidates and {@code max} — not from the index's
 * {@code KnnFloatVectorField}, which holds the same vectors for the HNSW candidate search of large catalogs. Reading
 * each candidate's vector out of the index cost a decode per document for values the model already holds. When the
 * exact candidate pass has already computed every course's dot product ({@code dots}), the signal reads them
 * instead of computing them again: one dot product per course and request.
 */
public final class MfSignal extends OrdinalSignal {
  private final float[] userFactors;
  private final float[][] itemFactors;
  private final double max;
  private final float[] dots;

  private MfSignal(float[] userFactors, float[][] itemFactors, double max, float[] dots) {
    if (!(max > 0) || Double.isInfinite(max)) throw new IllegalArgumentException("max must be positive, got " + max);
    this.userFactors = userFactors;
    this.itemFactors = java.util.Objects.requireNonNull(itemFactors);
    this.max = max;
    this.dots = dots;
  }

  /**
   * @param itemFactors the model's item factors by course ordinal (not copied; null rows for courses without)
   * @param max the learner's largest dot product over eligible courses (> 0)
   */
  public static MfSignal of(float[] userFactors, float[][] itemFactors, double max) {
    return of(userFactors, itemFactors, max, null);
  }

  /**
   * As {@link #of(float[], float[][], double)}, with every course's {@link #dot} already computed for this learner
   * ({@code dots[i]}, NaN for a course without factors; not copied), or null to compute them when read.
   */
  public static MfSignal of(float[] userFactors, float[][] itemFactors, double max, float[] dots) {
    if (dots != null && dots.length != itemFactors.length) {
      throw new IllegalArgumentException(dots.length + " dot products for " + itemFactors.length + " courses");
    }
    return new MfSignal(userFactors.clone(), itemFactors, max, dots);
  }

  /**
   * The raw dot product, {@link VectorUtil#dotProduct} (SIMD, float): the one arithmetic of the candidate pass,
   * the normaliser, the scoring pass and explain. Vectors of unequal length (a model of another rank) use their
   * common prefix.
   */
  public static double dot(float[] a, float[] b) {
    if (a.length == b.length) return VectorUtil.dotProduct(a, b);
    int n = Math.min(a.length, b.length);
    return VectorUtil.dotProduct(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
  }

  /** Maps a raw MF score to [0,1]. */
  public double normalise(double raw) {
    return Double.isNaN(raw) ? 0 : Math.max(0, Math.min(1, raw / max));
  }

  private float[] factorsOf(int ordinal) {
    return ordinal >= 0 && ordinal < itemFactors.length ? itemFactors[ordinal] : null;
  }

  @Override
  public double valueAt(int ordinal) {
    if (dots != null) return ordinal >= 0 && ordinal < dots.length ? normalise(dots[ordinal]) : 0;
    float[] y = factorsOf(ordinal);
    return y == null ? 0 : normalise(dot(userFactors, y));
  }

  @Override
  protected Explanation explainOrdinal(int ordinal) {
    float[] y = factorsOf(ordinal);
    if (y == null) return Explanation.match(0.0, "mf: course has no factors (not in the trained model), 0");
    double raw = dots != null ? dots[ordinal] : dot(userFactors, y);
    return Explanation.match(valueAt(ordinal), "mf: clamp(dot(user factors, course factors) / learner max " + max
        + ", 0, 1); dot = " + raw);
  }

  /**
   * Equal for the same learner factors and maximum over the same model's factor array (compared by identity); the
   * dot products are derived from those, so they do not take part.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MfSignal m && m.max == max && m.itemFactors == itemFactors && Arrays.equals(userFactors, m.userFactors);
  }

  @Override
  public int hashCode() { return Arrays.hashCode(userFactors) * 31 + Double.hashCode(max); }

  @Override
  public String toString() { return "mf(rank=" + userFactors.length + ")"; }
}
