package io.courserec.cf;

import java.util.Arrays;

/**
 * Keeps the best {@code capacity} (id, score) pairs offered to it, ordered by score descending and, on equal
 * scores, by id ascending (the house tie rule: lower course or learner ordinal first). A bounded binary heap on
 * primitive arrays whose root is the current worst pair, so offering n pairs costs O(n log capacity) and no
 * boxing. NaN scores are refused. Not thread-safe; reuse with {@link #clear()}.
 */
public final class TopK {
  private final int capacity;
  private final int[] ids;
  private final float[] scores;
  private int size;

  public TopK(int capacity) {
    if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    this.capacity = capacity;
    this.ids = new int[capacity];
    this.scores = new float[capacity];
  }

  public int size() { return size; }
  public int capacity() { return capacity; }

  public void clear() { size = 0; }

  /** True when (a, ia) ranks below (b, ib): lower score, or equal score and higher id. */
  private static boolean worse(float a, int ia, float b, int ib) {
    return a < b || (a == b && ia > ib);
  }

  /** Whether {@link #offer} would keep this pair now; lets callers skip costly checks (filters) for losers. */
  public boolean accepts(int id, float score) {
    if (Float.isNaN(score) || capacity == 0) return false;
    return size < capacity || worse(scores[0], ids[0], score, id);
  }

  /** Offers a pair; returns whether it was kept. */
  public boolean offer(int id, float score) {
    if (!accepts(id, score)) return false;
    if (size < capacity) {
      int i = size++;
      ids[i] = id;
      scores[i] = score;
      siftUp(i);
    } else {
      ids[0] = id;
      scores[0] = score;
      siftDown(0);
    }
    return true;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(scores[i], ids[i], scores[parent], ids[parent])) break;
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) return;
      int w = l;
      int r = l + 1;
      if (r < size && worse(scores[r], ids[r], scores[l], ids[l])) w = r;
      if (!worse(scores[w], ids[w], scores[i], ids[i])) return;
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    int ti = ids[a];
    ids[a] = ids[b];
    ids[b] = ti;
    float ts = scores[a];
    scores[a] = scores[b];
    scores[b] = ts;
  }

  /** The kept pairs, best first; empties the heap. */
  public Ranked drain() {
    int n = size;
    int[] outIds = new int[n];
    float[] outScores = new float[n];
    for (int k = n - 1; k >= 0; k--) {
      outIds[k] = ids[0];
      outScores[k] = scores[0];
      size--;
      if (size > 0) {
        ids[0] = ids[size];
        scores[0] = scores[size];
        siftDown(0);
      }
    }
    return new Ranked(outIds, outScores);
  }

  /**
   * Ids with their scores, best first.
   *
   * @param ids course or learner ordinals
   * @param scores their scores, same length
   */
  public record Ranked(int[] ids, float[] scores) {
    public static final Ranked EMPTY = new Ranked(new int[0], new float[0]);

    public int size() { return ids.length; }

    /** The pairs from position {@code from} on (paging). */
    public Ranked from(int from) {
      if (from <= 0) return this;
      if (from >= ids.length) return EMPTY;
      return new Ranked(Arrays.copyOfRange(ids, from, ids.length), Arrays.copyOfRange(scores, from, scores.length));
    }
  }
}
