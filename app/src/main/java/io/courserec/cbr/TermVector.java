package io.courserec.cbr;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable sparse vector over term keys, sorted by key, normalised to unit length when built with
 * {@link #unit} (the zero vector stays empty). Course cases are stored this way: compact and fast to dot.
 */
public final class TermVector {
  /** The empty vector. */
  public static final TermVector EMPTY = new TermVector(new String[0], new double[0]);

  private final String[] keys;
  private final double[] weights;
  /** Per key, its term id in the case base that built the vector ({@link CaseBase}), or null when not assigned. */
  private final int[] ids;
  /** The dictionary the ids come from (ids of two vectors only compare when their id spaces are the same object). */
  private final Object idSpace;
  /** With ids: the ids in ascending order and the weights in that order, for {@link #dot(TermVector)} by id. */
  private final int[] sortedIds;
  private final double[] weightsByIdOrder;

  private TermVector(String[] keys, double[] weights) {
    this(keys, weights, null, null);
  }

  private TermVector(String[] keys, double[] weights, int[] ids, Object idSpace) {
    this.keys = keys;
    this.weights = weights;
    this.ids = ids;
    this.idSpace = idSpace;
    if (ids == null) {
      this.sortedIds = null;
      this.weightsByIdOrder = null;
    } else {
      long[] packed = new long[ids.length]; // id in the high bits, key position in the low: one primitive sort
      for (int i = 0; i < ids.length; i++) packed[i] = ((long) ids[i] << 32) | i;
      Arrays.sort(packed);
      this.sortedIds = new int[ids.length];
      this.weightsByIdOrder = new double[ids.length];
      for (int i = 0; i < packed.length; i++) {
        sortedIds[i] = (int) (packed[i] >>> 32);
        weightsByIdOrder[i] = weights[(int) packed[i]];
      }
    }
  }

  /**
   * The same vector with a term id per key (same order as the keys) from the dictionary {@code space}, so profiles
   * can dot it without hashing strings.
   */
  TermVector withIds(int[] termIds, Object space) {
    if (termIds.length != keys.length) throw new IllegalArgumentException("need " + keys.length + " ids, got " + termIds.length);
    return keys.length == 0 ? this : new TermVector(keys, weights, termIds.clone(), java.util.Objects.requireNonNull(space));
  }

  /** Whether every key has a term id from {@code space} (the empty vector has all of none). */
  boolean hasIds(Object space) { return keys.length == 0 || (ids != null && idSpace == space); }

  /** The id space of this vector's ids, null when it has none. */
  Object idSpace() { return idSpace; }

  /** Term id of key i (only when {@link #hasIds}). */
  int id(int i) { return ids[i]; }

  /** The unit vector in the direction of {@code raw}; entries with weight 0 are dropped; empty if all are 0. */
  public static TermVector unit(Map<String, Double> raw) {
    String[] k = raw.entrySet().stream().filter(e -> e.getValue() != 0.0).map(Map.Entry::getKey).sorted().toArray(String[]::new);
    double norm = 0;
    for (String key : k) norm += raw.get(key) * raw.get(key);
    if (k.length == 0 || norm == 0) return EMPTY;
    norm = Math.sqrt(norm);
    double[] w = new double[k.length];
    for (int i = 0; i < k.length; i++) w[i] = raw.get(k[i]) / norm;
    return new TermVector(k, w);
  }

  public int size() { return keys.length; }
  public boolean isEmpty() { return keys.length == 0; }
  public String key(int i) { return keys[i]; }
  public double weight(int i) { return weights[i]; }

  /** Weight of a key, 0 when absent. */
  public double get(String key) {
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? weights[i] : 0.0;
  }

  /** Dot product with a map-backed vector. */
  public double dot(Map<String, Double> other) {
    double s = 0;
    for (int i = 0; i < keys.length; i++) {
      Double o = other.get(keys[i]);
      if (o != null) s += weights[i] * o;
    }
    return s;
  }

  /**
   * Dot product with another sorted vector: a merge of the two id lists when both carry ids of the same case base
   * (integer comparisons; MMR's pairwise course similarity spent most of its time comparing strings), else of the
   * two key lists. The two orders sum the same products in another order, so they agree to rounding.
   */
  public double dot(TermVector other) {
    if (sortedIds != null && other.sortedIds != null && idSpace == other.idSpace) {
      int[] a = sortedIds;
      int[] b = other.sortedIds;
      double s = 0;
      int i = 0;
      int j = 0;
      while (i < a.length && j < b.length) {
        if (a[i] == b[j]) s += weightsByIdOrder[i++] * other.weightsByIdOrder[j++];
        else if (a[i] < b[j]) i++;
        else j++;
      }
      return s;
    }
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < keys.length && j < other.keys.length) {
      int c = keys[i].compareTo(other.keys[j]);
      if (c == 0) s += weights[i++] * other.weights[j++];
      else if (c < 0) i++;
      else j++;
    }
    return s;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(keys[i]).append('=').append(String.format(java.util.Locale.ROOT, "%.4f", weights[i]));
    }
    return sb.append('}').toString();
  }
}
