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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Retrieval then exact re-scoring. The profile's top terms (by {@code W_f x P_f[t] / |P_f|}) become a boosted OR
 * query; filters and exclusions are non-scoring clauses, so every candidate already satisfies them. The pool is
 * the best {@code N = max(cbr.candidates, depth)} documents by that query, topped up to N with further filtered
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

  private final ContentScorer scorer;
  private final int profileTerms;
  private final int candidates;

  CaseRetriever(ContentScorer scorer, int profileTerms, int candidates) {
    this.scorer = scorer;
    this.profileTerms = profileTerms;
    this.candidates = candidates;
  }

  /** The profile query: top terms, each boosted by its retrieval weight (null when the profile has none). */
  Query profileQuery(LearnerProfile p) {
    List<LearnerProfile.WeightedTerm> terms = p.topTerms(profileTerms, scorer.fieldWeights());
    if (terms.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (LearnerProfile.WeightedTerm t : terms) {
      b.add(new BoostQuery(new TermQuery(t.field().term(t.key())), (float) t.weight()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** The best {@code depth} courses for the profile under the filter, exclusions removed, exactly scored. */
  List<Scored> rank(IndexHandle h, CaseBase cases, LearnerProfile p, CourseFilter filter, Set<String> excluded, int depth)
      throws IOException {
    int pool = Math.min(Math.max(candidates, depth), Math.max(1, cases.maxDoc())); // more than the index holds is pointless
    Set<Integer> docs = new LinkedHashSet<>();
    Query profile = profileQuery(p);
    if (profile != null) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(profile, BooleanClause.Occur.MUST);
      Query q = FilterQueries.addTo(b, filter, excluded).build();
      for (ScoreDoc sd : h.searcher().search(q, pool).scoreDocs) docs.add(sd.doc);
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
}
