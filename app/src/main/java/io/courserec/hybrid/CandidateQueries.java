package io.courserec.hybrid;

import io.courserec.index.CourseFields;
import io.courserec.index.FilterQueries;
import io.courserec.index.OrdinalSetQuery;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
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

  /**
   * Only the given course ordinals (a learner's candidates), passing the filter, minus the excluded ids. The set is
   * an {@link OrdinalSetQuery} (the reader's ordinal → document table, built once per reader: a lookup per
   * candidate); without a reader cache key, an {@link IntPoint} set query on the ordinal points; an index written
   * before the ordinal had points (model versions from before it) falls back to the doc-values scan, which visits
   * every document.
   */
  public static Query recommendation(CourseFilter filter, Collection<String> excludedIds, int[] ordinals,
                                     IndexReader reader) {
    Query set;
    OrdinalSetQuery direct;
    try {
      direct = OrdinalSetQuery.of(reader, ordinals);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("reading course ordinals", e);
    }
    if (direct != null) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(direct, BooleanClause.Occur.MUST);
      return FilterQueries.addTo(b, filter, excludedIds).build();
    }
    // one generation is written in one go, so its first segment tells whether the ordinal has points (a lookup in
    // that segment's field infos; merging every segment's infos per request would be work on the hot path)
    FieldInfo info = reader.leaves().isEmpty() ? null
        : reader.leaves().get(0).reader().getFieldInfos().fieldInfo(CourseFields.ORDINAL);
    if (info != null && info.getPointDimensionCount() == 1) {
      set = IntPoint.newSetQuery(CourseFields.ORDINAL, ordinals);
    } else {
      long[] values = new long[ordinals.length];
      for (int i = 0; i < ordinals.length; i++) values[i] = ordinals[i];
      set = NumericDocValuesField.newSlowSetQuery(CourseFields.ORDINAL, values);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(set, BooleanClause.Occur.MUST);
    return FilterQueries.addTo(b, filter, excludedIds).build();
  }

  /** Courses matching {@code text} (scored by BM25), passing the filter, minus the excluded ids. */
  public static Query search(Query text, CourseFilter filter, Collection<String> excludedIds) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    return FilterQueries.addTo(b, filter, excludedIds).build();
  }
}
