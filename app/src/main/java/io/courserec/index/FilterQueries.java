package io.courserec.index;

import io.courserec.catalog.Level;
import io.courserec.rec.CourseFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * {@link CourseFilter} and exclusions as Lucene clauses, so the index applies exactly the rules of
 * {@link CourseFilter#test}: a level filter also passes {@code mixed} courses; language, organisation and subject
 * compare case-insensitively (both sides lower-cased, see {@link CourseFields#keyword}); a maximum duration
 * excludes courses whose duration is unknown. Filters are non-scoring ({@code FILTER}, {@code MUST_NOT}).
 */
public final class FilterQueries {
  private FilterQueries() {}

  /** The non-scoring queries a document must match to pass {@code filter} (empty for {@link CourseFilter#NONE}). */
  public static List<Query> of(CourseFilter filter) {
    List<Query> out = new ArrayList<>();
    if (filter.level() != null) {
      Query exact = new TermQuery(new Term(CourseFields.LEVEL, filter.level().code()));
      if (filter.level() == Level.MIXED) {
        out.add(exact);
      } else {
        out.add(new BooleanQuery.Builder()
            .add(exact, BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term(CourseFields.LEVEL, Level.MIXED.code())), BooleanClause.Occur.SHOULD)
            .build());
      }
    }
    keyword(out, CourseFields.LANGUAGE, filter.language());
    keyword(out, CourseFields.ORGANIZATION, filter.organization());
    keyword(out, CourseFields.SUBJECT, filter.subject());
    if (filter.maxDurationHours() != null) {
      out.add(DoubleField.newRangeQuery(CourseFields.DURATION_HOURS, Double.NEGATIVE_INFINITY, filter.maxDurationHours()));
    }
    return out;
  }

  /** Adds the filter's clauses as {@code FILTER} and the excluded ids as one {@code MUST_NOT} clause. */
  public static BooleanQuery.Builder addTo(BooleanQuery.Builder b, CourseFilter filter, Collection<String> excludedIds) {
    for (Query q : of(filter)) b.add(q, BooleanClause.Occur.FILTER);
    if (!excludedIds.isEmpty()) b.add(excludeIds(excludedIds), BooleanClause.Occur.MUST_NOT);
    return b;
  }

  /** Matches the courses with these ids. */
  public static Query excludeIds(Collection<String> ids) {
    List<BytesRef> terms = new ArrayList<>(ids.size());
    for (String id : ids) terms.add(new BytesRef(id));
    return new TermInSetQuery(CourseFields.ID, terms);
  }

  private static void keyword(List<Query> out, String field, String value) {
    if (value != null) out.add(new TermQuery(new Term(field, CourseFields.keyword(value))));
  }
}
