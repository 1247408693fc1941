package io.courserec.cbr;

/**
 * A sparse vector over term ids (open addressing, linear probing, primitive keys and values): a profile part as
 * the exact scorer reads it, so dotting a course vector costs one probe per course term instead of a string hash
 * lookup and an unboxing. Ids are those of one {@link CaseBase} part. Not thread-safe while being filled; read-only
 * afterwards.
 */
final class TermWeights {
  private static final int EMPTY = -1;
  private int[] keys;
  private double[] values;
  private int size;
  private final Object idSpace;

  /** An empty vector for about {@code expected} terms whose ids come from the dictionary {@code idSpace}. */
  TermWeights(int expected, Object idSpace) {
    this.idSpace = idSpace;
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new int[cap];
    values = new double[cap];
    java.util.Arrays.fill(keys, EMPTY);
  }

  /** Adds {@code w} to the weight of term {@code id} (ids are non-negative). */
  void add(int id, double w) {
    if ((size + 1) * 2 > keys.length) grow();
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (keys[i] != EMPTY && keys[i] != id) i = (i + 1) & mask;
    if (keys[i] == EMPTY) {
      keys[i] = id;
      values[i] = w;
      size++;
    } else {
      values[i] += w;
    }
  }

  /** Weight of term {@code id}, 0 when absent. */
  double get(int id) {
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (true) {
      int k = keys[i];
      if (k == id) return values[i];
      if (k == EMPTY) return 0.0;
      i = (i + 1) & mask;
    }
  }

  /** Dot product with a course vector that carries term ids, summed in the vector's key order. */
  double dot(TermVector v) {
    double s = 0;
    for (int i = 0; i < v.size(); i++) {
      double p = get(v.id(i));
      if (p != 0.0) s += v.weight(i) * p;
    }
    return s;
  }

  int size() { return size; }

  /** Whether {@code v}'s ids are ids of this vector's dictionary. */
  boolean sharesIds(TermVector v) { return v.hasIds(idSpace); }

  private void grow() {
    int[] oldKeys = keys;
    double[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    java.util.Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != EMPTY) add(oldKeys[i], oldValues[i]);
  }

  private static int mix(int id) {
    return id * 0x9E3779B9; // Fibonacci hashing spreads consecutive ids
  }
}
