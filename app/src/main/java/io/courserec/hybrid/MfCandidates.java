package io.courserec.hybrid;

import io.courserec.hybrid.signals.MfSignal;
import io.courserec.index.CourseFields;
import io.courserec.index.IndexHandle;
import io.courserec.index.LeafSignals;
import io.courserec.rec.CourseFilter;
import java.io.IOException;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The MF side of a learner's candidates: the {@code k} eligible courses with the largest dot product between the
 * learner's factors and the course's, and the learner's MF normaliser, the largest exact dot product among them
 * (computed with {@link MfSignal#dot}, the arithmetic the scoring pass uses, from the model's in-memory factors);
 * the exact pass also hands the scoring pass every course's dot product ({@code dots}, null from the index search).
 *
 * <p>Two ways, chosen by catalog size ({@code hybrid.mf.exact_max_courses}): {@link #exact} computes one SIMD dot
 * product per course and keeps the best k in a primitive heap; {@link #search} asks the index, a
 * {@link KnnFloatVectorQuery} over {@link CourseFields#MF_ITEM_FACTORS} (HNSW, maximum inner product) filtered by
 * the request's filters and exclusions. Measured at 10,000 courses and rank 16, the exact pass is the cheaper one
 * (docs/engine.md); the graph pays off on larger catalogs. Should HNSW miss the true best course, that course's
 * value is clamped to 1 by {@link MfSignal}; the ranking among the courses found is unchanged.
 */
record MfCandidates(int[] ordinals, double maxDot, float[] dots) {

  static MfCandidates search(IndexHandle h, float[][] itemFactors, float[] userFactors, CourseFilter filter,
                             Collection<String> excluded, int k) throws IOException {
    Query filterQuery = CandidateQueries.recommendation(filter, excluded);
    KnnFloatVectorQuery q = new KnnFloatVectorQuery(CourseFields.MF_ITEM_FACTORS, userFactors, k, filterQuery);
    ScoreDoc[] hits = h.searcher().search(q, k).scoreDocs;
    List<LeafReaderContext> leaves = h.reader().leaves();
    int[] ords = new int[hits.length];
    double max = 0;
    float[][] y = itemFactors;
    int found = 0;
    for (ScoreDoc sd : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      int ord = LeafSignals.open(leaf).ordinal(sd.doc - leaf.docBase);
      if (ord < 0 || ord >= y.length || y[ord] == null) continue;
      ords[found++] = ord;
      max = Math.max(max, MfSignal.dot(userFactors, y[ord]));
    }
    return new MfCandidates(java.util.Arrays.copyOf(ords, found), max, null);
  }

  /**
   * Exact: the best {@code k} courses by {@code x_u . y_i} over every course that is not excluded (and has factors);
   * the request's filters are applied by the scoring query afterwards. Every course's dot product is kept
   * ({@link #dots}, NaN without factors), so the scoring pass reads them instead of computing them again.
   */
  static MfCandidates exact(float[][] itemFactors, float[] userFactors, boolean[] excluded, int k) {
    int n = itemFactors.length;
    int[] heap = new int[Math.max(1, k)];
    float[] key = new float[heap.length];
    float[] dots = new float[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      float[] y = itemFactors[i];
      if (y == null) {
        dots[i] = Float.NaN;
        continue;
      }
      float d = (float) MfSignal.dot(userFactors, y);
      dots[i] = d;
      if (i < excluded.length && excluded[i]) continue;
      if (size < heap.length) {
        heap[size] = i;
        key[size] = d;
        siftUp(heap, key, size++);
      } else if (d > key[0]) {
        heap[0] = i;
        key[0] = d;
        siftDown(heap, key, size);
      }
    }
    int[] ords = java.util.Arrays.copyOf(heap, size);
    double max = 0;
    for (int o : ords) max = Math.max(max, dots[o]);
    java.util.Arrays.sort(ords);
    return new MfCandidates(ords, max, dots);
  }

  private static void siftUp(int[] heap, float[] key, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (key[parent] <= key[i]) return;
      swap(heap, key, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] heap, float[] key, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) return;
      int c = l + 1 < size && key[l + 1] < key[l] ? l + 1 : l;
      if (key[i] <= key[c]) return;
      swap(heap, key, i, c);
      i = c;
    }
  }

  private static void swap(int[] heap, float[] key, int a, int b) {
    int h = heap[a];
    heap[a] = heap[b];
    heap[b] = h;
    float k = key[a];
    key[a] = key[b];
    key[b] = k;
  }

  void addTo(BitSet candidates) {
    for (int o : ordinals) candidates.set(o);
  }
}
