package io.courserec.hybrid;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.hybrid.BlendedSource;
import io.courserec.hybrid.signals.ContentSignal;
import io.courserec.index.CatalogSearch;
import io.courserec.index.IndexHandle;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Strategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Catalog search through the same {@link HybridQuery}: candidates are the courses matching the text (BM25 over
 * title, skills, description, subject; user text is analysed into terms, never parsed as query syntax) and the
 * filters. Without a learner, the score is the BM25 text match divided by the best match (plain BM25 order). With a
 * learner, the blend is {@code (1 - p) * text + p * personal}, where p = {@code hybrid.search.personal_weight} and
 * "personal" is the learner's segment blend of item-CF, user-CF, MF and the prior (their segment weights
 * renormalised to sum to 1). Nothing is excluded: a learner may search for a course they took.
 */
final class HybridSearch {
  private final CatalogSearch text;
  private final HybridRanker ranker;
  private final double personal;

  HybridSearch(Config config, HybridRanker ranker, CatalogSearch text) {
    this.ranker = ranker;
    this.text = text;
    this.personal = config.number(ConfigKey.HYBRID_SEARCH_PERSONAL);
  }

  /** @param userId null for a plain BM25 search */
  HybridRanking search(HybridModels m, IndexHandle h, String query, String userId, CourseFilter filter, int k, int offset)
      throws IOException {
    Query textQuery = text.textQuery(query == null ? "" : query);
    if (textQuery == null) return new HybridRanking(userId, UserSegment.COLD, Strategy.SEARCH, null, List.of(), 0);
    Query candidates = CandidateQueries.search(textQuery, filter, Set.of());
    TopDocs top = h.searcher().search(candidates, 1);
    if (top.scoreDocs.length == 0) return new HybridRanking(userId, UserSegment.COLD, Strategy.SEARCH, null, List.of(), 0);
    Map<Signal, DoubleValuesSource> sources = new EnumMap<>(Signal.class);
    sources.put(Signal.CONTENT, ContentSignal.ofQuery(textQuery, top.scoreDocs[0].score));
    BlendWeights w = BlendWeights.only(Signal.CONTENT);
    HybridRanker.Built built = null;
    Strategy strategy = Strategy.SEARCH;
    if (userId != null && personal > 0) {
      built = ranker.build(m, h, RecommendRequest.of(userId, Math.max(1, k + offset)).withFilter(filter), true,
          UserContextBuilder.Needs.WEIGHTED_BUT_CONTENT);
      BlendWeights seg = built.weights();
      Map<Signal, Double> x = new EnumMap<>(Signal.class);
      double sum = 0;
      for (Signal s : Signal.values()) {
        if (s == Signal.CONTENT || !built.available().contains(s)) continue;
        x.put(s, seg.of(s));
        sum += seg.of(s);
        sources.put(s, built.sources().get(s));
      }
      if (sum > 0) {
        final double total = sum;
        x.replaceAll((s, v) -> personal * v / total);
        x.put(Signal.CONTENT, 1 - personal);
        w = BlendWeights.of(x);
        strategy = Strategy.SEARCH_PERSONAL;
      }
    }
    HybridQuery q = HybridQuery.of(candidates, BlendedSource.of(sources, w, built == null ? null : built.ctx().courseFactors()));
    TopDocs td = h.searcher().search(q, k + offset);
    ScoreDoc[] hits = td.scoreDocs;
    List<HybridItem> items = new ArrayList<>();
    if (hits.length > offset) {
      int[] docs = new int[hits.length - offset];
      for (int i = offset; i < hits.length; i++) docs[i - offset] = hits[i].doc;
      double[][] values = HybridRanker.readValues(h.searcher(), q.blend(), docs);
      HybridRanker.Built b = built != null
          ? new HybridRanker.Built(built.ctx(), w, strategy, q, sources)
          : new HybridRanker.Built(null, w, strategy, q, sources);
      for (int i = 0; i < docs.length; i++) {
        items.add(ranker.item(m, h, b, docs[i], hits[i + offset].score, values[i], offset + i + 1, false));
      }
    }
    UserSegment segment = built == null ? UserSegment.COLD : built.ctx().segment();
    return new HybridRanking(userId, segment, strategy, w, items, td.totalHits.value());
  }
}
