package io.courserec.cbr;

import io.courserec.index.CourseFields;
import io.courserec.index.FilterQueries;
import io.courserec.index.IndexHandle;
import io.courserec.rec.Recommendation;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Course-to-course similarity. Lucene's {@link MoreLikeThis} reads the course's term vectors (title, description,
 * skill words, whole skills, subject), keeps its most distinctive terms (tf x idf, terms in at least two
 * courses) and retrieves candidates; each candidate is then ranked by the exact weighted cosine
 * {@link ContentScorer#similarity}, ties by ordinal. Evidence names the shared skills.
 */
final class SimilarCourses {
  private static final String[] FIELDS = {CourseFields.TITLE, CourseFields.DESCRIPTION, CourseFields.SKILLS,
      CourseFields.SKILL_EXACT, CourseFields.SUBJECT_TEXT};

  private final ContentScorer scorer;
  private final int maxQueryTerms;
  private final int candidates;

  SimilarCourses(ContentScorer scorer, int maxQueryTerms, int candidates) {
    this.scorer = scorer;
    this.maxQueryTerms = maxQueryTerms;
    this.candidates = candidates;
  }

  List<Recommendation> similar(IndexHandle h, CaseBase cases, String courseId, int k) throws IOException {
    int doc = cases.docId(courseId);
    if (doc < 0) throw new UnknownEntityException("course", courseId);
    MoreLikeThis mlt = new MoreLikeThis(h.reader());
    mlt.setFieldNames(FIELDS);
    mlt.setAnalyzer(CourseFields.analyzer());
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(maxQueryTerms);
    mlt.setBoost(true);
    Query like = mlt.like(doc);
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST);
    Query q = FilterQueries.addTo(b, io.courserec.rec.CourseFilter.NONE, Set.of(courseId)).build();
    var self = cases.course(doc);
    List<CaseRetriever.Scored> scored = new ArrayList<>();
    for (ScoreDoc sd : h.searcher().search(q, Math.max(candidates, k)).scoreDocs) {
      scored.add(new CaseRetriever.Scored(sd.doc, scorer.similarity(self, cases.course(sd.doc)), cases.ordinal(sd.doc)));
    }
    scored.sort(CaseRetriever.ORDER);
    List<Recommendation> out = new ArrayList<>(k);
    for (CaseRetriever.Scored s : scored.subList(0, Math.min(k, scored.size()))) {
      out.add(new Recommendation(cases.courseId(s.doc()), s.score(), Double.NaN,
          scorer.explainSimilarity(self, cases.course(s.doc()))));
    }
    return out;
  }
}
