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
 * The MF side of a learner's candidates, found by the index: a {@link KnnFloatVectorQuery} over the courses' MF
 * factors ({@link CourseFields#MF_ITEM_FACTORS}, indexed with maximum inner product) for the learner's factors,
 * filtered by the request's filters and exclusions, returns the {@code k} courses with the largest dot product
 * (approximately: HNSW; exact when the filter leaves few courses). The learner's MF normaliser is the largest exact
 * dot product among them, computed with {@link MfSignal#dot} — the arithmetic the scoring pass uses — from the
 * model's in-memory factors, so no pass over the catalog is needed. Should HNSW miss the true best course, that
 * course's value is clamped to 1 by {@link MfSignal}; the ranking among the courses found is unchanged.
 */
record MfCandidates(int[] ordinals, double maxDot) {

  static MfCandidates search(IndexHandle h, HybridModels m, float[] userFactors, CourseFilter filter,
                             Collection<String> excluded, int k) throws IOException {
    Query filterQuery = CandidateQueries.recommendation(filter, excluded);
    KnnFloatVectorQuery q = new KnnFloatVectorQuery(CourseFields.MF_ITEM_FACTORS, userFactors, k, filterQuery);
    ScoreDoc[] hits = h.searcher().search(q, k).scoreDocs;
    List<LeafReaderContext> leaves = h.reader().leaves();
    int[] ords = new int[hits.length];
    double max = 0;
    float[][] y = m.itemFactors();
    int found = 0;
    for (ScoreDoc sd : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      int ord = LeafSignals.open(leaf).ordinal(sd.doc - leaf.docBase);
      if (ord < 0 || ord >= y.length || y[ord] == null) continue;
      ords[found++] = ord;
      max = Math.max(max, MfSignal.dot(userFactors, y[ord]));
    }
    return new MfCandidates(java.util.Arrays.copyOf(ords, found), max);
  }

  void addTo(BitSet candidates) {
    for (int o : ordinals) candidates.set(o);
  }
}
