package io.courserec.index;

import io.courserec.rec.CourseFilter;

/**
 * A catalog search: free user text (never parsed as query syntax), hard filters, and a page.
 *
 * @param text what the user typed; may be empty
 * @param filter hard filters (FILTER clauses)
 * @param k hits wanted after {@code offset}, at least 1
 * @param offset hits to skip, at least 0
 */
public record SearchRequest(String text, CourseFilter filter, int k, int offset) {
  public SearchRequest {
    text = text == null ? "" : text;
    filter = filter == null ? CourseFilter.NONE : filter;
    if (k <= 0) throw new IllegalArgumentException("k must be positive, got " + k);
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
  }

  public static SearchRequest of(String text, int k) {
    return new SearchRequest(text, CourseFilter.NONE, k, 0);
  }
}
