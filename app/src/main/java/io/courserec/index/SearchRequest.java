package io.courserec.index;

import io.courserec.rec.CourseFilter;

/**
 * A catalog search: free user text (never parsed as query syntax), hard filters, and a page.
 *
 * @param text what the user typed; may be empty
 * @param filter hard filters (FILTER clauses)
 * @param k hits wanted after {@code offset}, at least 1 ({@code k + offset <= }{@value #MAX_DEPTH})
 * @param offset hits to skip, at least 0
 */
public record SearchRequest(String text, CourseFilter filter, int k, int offset) {
  /** Largest {@code k + offset}: deeper pages cost memory and are never useful to a person. */
  public static final int MAX_DEPTH = 10_000;

  public SearchRequest {
    text = text == null ? "" : text;
    filter = filter == null ? CourseFilter.NONE : filter;
    if (k <= 0) throw new IllegalArgumentException("k must be positive, got " + k);
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    if ((long) k + offset > MAX_DEPTH) {
      throw new IllegalArgumentException("k + offset must be at most " + MAX_DEPTH + ", got " + ((long) k + offset));
    }
  }

  public static SearchRequest of(String text, int k) {
    return new SearchRequest(text, CourseFilter.NONE, k, 0);
  }
}
