package io.courserec.cbr;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;

/**
 * The case vectors of one index generation turned around: per part f and term t, the live documents whose unit
 * vector {@code v(d, f)} has t, with the weight {@code v(d, f)[t]} (a float copy of the {@link TermVector} weight).
 * It answers the retrieval question of {@link CaseRetriever} with the content score's own arithmetic: for query
 * terms {@code (f, t, q_t)} with {@code q_t = W_f x P_f[t] / |P_f|} ({@link LearnerProfile#topTerms}),
 *
 * <pre>
 *   r(d) = sum_(f,t) q_t x v(d, f)[t]
 * </pre>
 *
 * which is the content part of {@code Z x score(P, d)} ({@link ContentScorer}) restricted to the query terms: a
 * document's retrieval score is the part of its exact score that the top terms explain. Term-at-a-time over
 * in-memory arrays; built once per generation from the cached case vectors (so the weights are those the exact
 * score uses) and only read afterwards, so it is thread-safe. Memory: one int and one float per (document, part,
 * term) posting, about 8 MB at 10,000 courses.
 */
final class CasePostings {
  private final EnumMap<ContentField, Map<String, Integer>> ordByKey = new EnumMap<>(ContentField.class);
  /** Per part, CSR layout: postings of term ordinal i are [start[i], start[i + 1]) of docs and weights. */
  private final EnumMap<ContentField, int[]> start = new EnumMap<>(ContentField.class);
  private final EnumMap<ContentField, int[]> docs = new EnumMap<>(ContentField.class);
  private final EnumMap<ContentField, float[]> weights = new EnumMap<>(ContentField.class);
  private final int maxDoc;

  private CasePostings(CaseBase cases) {
    this.maxDoc = cases.maxDoc();
    Bits live = MultiBits.getLiveDocs(cases.reader());
    for (ContentField f : ContentField.values()) {
      Map<String, Integer> ords = new HashMap<>();
      int[] count = new int[16];
      for (int d = 0; d < maxDoc; d++) {
        if (live != null && !live.get(d)) continue;
        TermVector v = cases.course(d).get(f);
        for (int i = 0; i < v.size(); i++) {
          int o = ords.computeIfAbsent(v.key(i), k -> ords.size());
          if (o >= count.length) count = Arrays.copyOf(count, count.length * 2);
          count[o]++;
        }
      }
      int terms = ords.size();
      int[] s = new int[terms + 1];
      for (int o = 0; o < terms; o++) s[o + 1] = s[o] + count[o];
      int[] next = Arrays.copyOf(s, terms);
      int[] ds = new int[s[terms]];
      float[] ws = new float[s[terms]];
      for (int d = 0; d < maxDoc; d++) { // ascending doc ids, so each term's postings are in doc order
        if (live != null && !live.get(d)) continue;
        TermVector v = cases.course(d).get(f);
        for (int i = 0; i < v.size(); i++) {
          int p = next[ords.get(v.key(i))]++;
          ds[p] = d;
          ws[p] = (float) v.weight(i);
        }
      }
      ordByKey.put(f, ords);
      start.put(f, s);
      docs.put(f, ds);
      weights.put(f, ws);
    }
  }

  /** The postings of a case base's generation (reads every live case once). */
  static CasePostings of(CaseBase cases) {
    return new CasePostings(cases);
  }

  /**
   * The best {@code n} documents by {@code r(d)} (class comment) among those with {@code r(d) > 0} that
   * {@code allowed} accepts (null: every live document), best first, ties by doc id; fewer when fewer match.
   */
  int[] top(List<LearnerProfile.WeightedTerm> terms, int n, Bits allowed) {
    float[] acc = new float[maxDoc];
    int[] touched = new int[64];
    int touchedCount = 0;
    for (LearnerProfile.WeightedTerm t : terms) {
      Integer o = ordByKey.get(t.field()).get(t.key());
      if (o == null || !(t.weight() > 0)) continue;
      float q = (float) t.weight();
      int[] s = start.get(t.field());
      int[] ds = docs.get(t.field());
      float[] ws = weights.get(t.field());
      for (int p = s[o], end = s[o + 1]; p < end; p++) {
        int d = ds[p];
        if (acc[d] == 0f) {
          if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touched.length * 2);
          touched[touchedCount++] = d;
        }
        acc[d] += q * ws[p];
      }
    }
    // order by score descending, then doc ascending: for positive floats the bits order like the values, so one
    // long per document orders both; a min-heap of the best n keys (no sort of every touched document)
    long[] heap = new long[Math.max(1, Math.min(n, touchedCount))];
    int size = 0;
    for (int i = 0; i < touchedCount; i++) {
      int d = touched[i];
      if (!(acc[d] > 0f) || (allowed != null && !allowed.get(d))) continue;
      long key = ((long) Float.floatToIntBits(acc[d]) << 32) | (Integer.MAX_VALUE - d);
      acc[d] = 0f; // a doc whose first share underflowed to 0 was listed twice; count it once
      if (size < heap.length) {
        heap[size] = key;
        up(heap, size++);
      } else if (key > heap[0]) {
        heap[0] = key;
        down(heap, size);
      }
    }
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) { // pop the smallest into the last free slot
      out[i] = Integer.MAX_VALUE - (int) heap[0];
      heap[0] = heap[i];
      down(heap, i);
    }
    return out;
  }

  private static void up(long[] h, int i) {
    long v = h[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (h[parent] <= v) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = v;
  }

  private static void down(long[] h, int size) {
    if (size == 0) return;
    long v = h[0];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && h[c + 1] < h[c]) c++;
      if (h[c] >= v) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = v;
  }

  /** Retrieval score r(d) of one document, the slow way (for tests and explanations of the pool). */
  double score(List<LearnerProfile.WeightedTerm> terms, int doc) {
    float r = 0f;
    for (LearnerProfile.WeightedTerm t : terms) {
      Integer o = ordByKey.get(t.field()).get(t.key());
      if (o == null || !(t.weight() > 0)) continue;
      int[] s = start.get(t.field());
      int[] ds = docs.get(t.field());
      int p = Arrays.binarySearch(ds, s[o], s[o + 1], doc);
      if (p >= 0) r += (float) t.weight() * weights.get(t.field())[p];
    }
    return r;
  }
}
