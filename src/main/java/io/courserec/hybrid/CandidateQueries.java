package io.courserec.hybrid;

import io.courserec.index.CourseFields;
import io.courserec.index.FilterQueries;
import org.apache.lucene.document.NumericDocValuesField;
import io.courserec.rec.CourseFilter;
import java.util.Collection;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Builds the candidate part of a {@link HybridQuery}: every course (recommendation) or the courses matching a text
 * query (search), with the filters as {@code FILTER} clauses and the excluded courses (taken, dismissed, asked to
 * exclude) as one {@code MUST_NOT} clause. Candidates carry no score of their own unless a text query is given.
 */
public final class CandidateQueries {
  private CandidateQueries() {}

  /** All courses passing the filter, minus the excluded ids. */
  public static Query recommendation(CourseFilter filter, Collection<String> excludedIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    return FilterQueries.addTo(b, filter, excludedIds).build();
  }

  /** Only the given course ordinals (a learner's candidates), passing the filter, minus the excluded ids. */
  public static Query recommendation(CourseFilter filter, Collection<String> excludedIds, int[] ordinals) {
    long[] values = new long[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) values[i] = ordinals[i];
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
        .add(NumericDocValuesField.newSlowSetQuery(CourseFields.ORDINAL, values), BooleanClause.Occur.FILTER);
    return FilterQueries.addTo(b, filter, excludedIds).build();
  }

  /** Courses matching {@code text} (scored by BM25), passing the filter, minus the excluded ids. */
  public static Query search(Query text, CourseFilter filter, Collection<String> excludedIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    return FilterQueries.addTo(b, filter, excludedIds).build();
  }
}
