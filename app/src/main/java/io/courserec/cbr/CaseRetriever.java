package io.courserec.cbr;

import io.courserec.index.FilterQueries;
import io.courserec.index.IndexHandle;
import io.courserec.rec.CourseFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Retrieval then exact re-scoring. The profile's top terms (by {@code q_t = W_f x P_f[t] / |P_f|}) retrieve the
 * pool ({@code cbr.retrieval}): {@link Retrieval#COSINE} ranks documents by the terms' share of the exact score,
 * {@code sum_t q_t x v(d, f)[t]} ({@link CasePostings}), with the filter evaluated by Lucene and exclusions by id;
 * {@link Retrieval#BM25} makes them a boosted OR query with filters and exclusions as non-scoring clauses. Either
 * way every candidate satisfies the filter and exclusions. The pool is
 * the best {@code N = max(cbr.candidates, depth)} documents by that retrieval, topped up to N with further filtered
 * documents (index order) when fewer match; every pool member is re-scored with {@link ContentScorer#score}.
 * The pool does not depend on the page asked for (while depth is at most N), so pages of one ranking agree, a
 * request for k results gets k whenever k courses pass the filters, and a catalog of at most N courses is ranked
 * exhaustively. On larger catalogs a course sharing none of the top terms can be missed: the approximation
 * retrieval makes, stated here.
 */
final class CaseRetriever {
  /** A candidate with its exact score; sorted by score, then by course ordinal. */
  record Scored(int doc, double score, int ordinal) {}

  static final Comparator<Scored> ORDER =
      Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::ordinal);

  /** How the pool is retrieved ({@code cbr.retrieval}). */
  enum Retrieval {
    /** a boosted OR of term queries, BM25-scored by Lucene */
    BM25,
    /** the top terms' share of the exact score, {@link CasePostings} */
    COSINE;

    static Retrieval of(String code) {
      for (Retrieval r : values()) if (r.name().equalsIgnoreCase(code)) return r;
      throw new IllegalArgumentException("cbr.retrieval must be bm25 or cosine, got '" + code + "'");
    }
  }

  private final ContentScorer scorer;
  private final int profileTerms;
  private final int candidates;
  private final Retrieval retrieval;

  CaseRetriever(ContentScorer scorer, int profileTerms, int candidates, Retrieval retrieval) {
    this.scorer = scorer;
    this.profileTerms = profileTerms;
    this.candidates = candidates;
    this.retrieval = retrieval;
  }

  /**
   * The profile query: top terms, each boosted by its retrieval weight (null when the profile has none). The
   * term queries carry the case base's per-generation {@link org.apache.lucene.index.TermStates}, so building the
   * query's weight does not seek every term in every segment again on each request (same statistics, same scores).
   */
  Query profileQuery(CaseBase cases, LearnerProfile p) throws IOException {
    List<LearnerProfile.WeightedTerm> terms = p.topTerms(profileTerms, scorer.fieldWeights());
    if (terms.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (LearnerProfile.WeightedTerm t : terms) {
      TermQuery tq = cases.termQuery(t.field().term(t.key()));
      b.add(new BoostQuery(tq, (float) t.weight()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** The best {@code depth} courses for the profile under the filter, exclusions removed, exactly scored. */
  List<Scored> rank(IndexHandle h, CaseBase cases, LearnerProfile p, CourseFilter filter, Set<String> excluded, int depth)
      throws IOException {
    int pool = Math.min(Math.max(candidates, depth), Math.max(1, cases.maxDoc())); // more than the index holds is pointless
    Set<Integer> docs = new LinkedHashSet<>();
    if (retrieval == Retrieval.COSINE) {
      List<LearnerProfile.WeightedTerm> terms = p.topTerms(profileTerms, scorer.fieldWeights());
      if (!terms.isEmpty()) {
        for (int doc : cases.postings().top(terms, pool, allowed(h, cases, filter, excluded))) docs.add(doc);
      }
    }
    Query profile = retrieval == Retrieval.BM25 ? profileQuery(cases, p) : null;
    if (profile != null) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(profile, BooleanClause.Occur.MUST);
      Query q = FilterQueries.addTo(b, filter, excluded).build();
      // total hits counted only up to the pool size (IndexSearcher.search counts the first 1,000): the collector
      // then raises its minimum competitive score at once, so MaxScore skips documents that cannot enter the
      // pool; the top `pool` documents and their order are the same
      TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(pool, pool);
      for (ScoreDoc sd : h.searcher().search(q, top).scoreDocs) docs.add(sd.doc);
    }
    if (docs.size() < pool) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      Query q = FilterQueries.addTo(b, filter, excluded).build();
      for (ScoreDoc sd : h.searcher().search(q, pool + docs.size()).scoreDocs) {
        if (docs.size() >= pool) break;
        docs.add(sd.doc);
      }
    }
    List<Scored> out = new ArrayList<>(docs.size());
    for (int doc : docs) {
      out.add(new Scored(doc, scorer.score(p, cases.course(doc), cases.level(doc)), cases.ordinal(doc)));
    }
    out.sort(ORDER);
    return out.size() > depth ? out.subList(0, depth) : out;
  }

  /**
   * The documents that pass the filter and are not excluded, or null when every live document does. The filter is
   * evaluated by Lucene ({@link FilterQueries}, the rules the BM25 path applies as clauses); exclusions by id.
   */
  private static Bits allowed(IndexHandle h, CaseBase cases, CourseFilter filter, Set<String> excluded)
      throws IOException {
    if (filter.isEmpty() && excluded.isEmpty()) return null;
    FixedBitSet ok = new FixedBitSet(Math.max(1, cases.maxDoc()));
    if (filter.isEmpty()) {
      ok.set(0, cases.maxDoc());
    } else {
      Query q = FilterQueries.addTo(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST),
          filter, Set.of()).build();
      Weight w = h.searcher().createWeight(h.searcher().rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : h.reader().leaves()) {
        Scorer s = w.scorer(leaf);
        if (s == null) continue;
        DocIdSetIterator it = s.iterator();
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) ok.set(leaf.docBase + d);
      }
    }
    for (String id : excluded) {
      int d = cases.docId(id);
      if (d >= 0) ok.clear(d);
    }
    return ok;
  }
}
