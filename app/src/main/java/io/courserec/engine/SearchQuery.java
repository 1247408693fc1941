package io.courserec.engine;

import io.courserec.rec.CourseFilter;

/** Catalog search: free text (never parsed as query syntax), optional learner for personal boosting. */
public record SearchQuery(String text, String userId, CourseFilter filter, int k, int offset) {
  public SearchQuery {
    filter = filter == null ? CourseFilter.NONE : filter;
  }
}
