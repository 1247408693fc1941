package io.courserec.index;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param hits the requested page, best first
 * @param totalMatches courses matching text and filters (exact)
 * @param status {@link Status#NO_TERMS} when the text has no searchable word (blank, or only stop words that are
 *     not a skill either), {@link Status#NO_MATCH} when it has some but no course matches them under the filters,
 *     else {@link Status#OK} (possibly an empty page past the end)
 * @param generation index generation that answered
 */
public record CatalogHits(List<Hit> hits, long totalMatches, Status status, long generation) {
  public CatalogHits {
    hits = List.copyOf(hits);
  }

  /** Outcome of a search, so callers can say why a list is empty. */
  public enum Status { OK, NO_MATCH, NO_TERMS }

  /**
   * One matching course.
   *
   * @param rank 1-based position in the full result list (offset included)
   * @param courseId the course
   * @param title its title
   * @param score BM25 score (sum over matched field terms, with the configured field boosts)
   * @param matchedFields user-facing names of the fields that matched: title, skills, description, subject
   * @param course stored display values
   */
  public record Hit(int rank, String courseId, String title, double score, List<String> matchedFields,
                    CourseDocuments.StoredCourse course) {
    public Hit {
      matchedFields = List.copyOf(matchedFields);
    }
  }
}
