package io.courserec.rec;

import io.courserec.catalog.Interaction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller asks of any recommender.
 *
 * @param userId learner id; may be unknown to the model (then {@code interests} and {@code recentEvents} are all
 *     there is: cold start)
 * @param k number of results wanted (after {@code offset})
 * @param offset results to skip (paging)
 * @param filter hard filters on courses
 * @param exclude course ids never to return (in addition to taken and dismissed courses)
 * @param includeTaken when true, courses the learner has taken ({@code recommend.exclude_events}) may be returned (dismissed never are)
 * @param explain whether to build {@link Evidence}
 * @param recentEvents events not in the trained model (feedback since training); they count as history
 * @param interests declared interests for learners unknown to the data set (cold start); added to known ones
 */
public record RecommendRequest(String userId, int k, int offset, CourseFilter filter, Set<String> exclude,
                               boolean includeTaken, boolean explain, List<Interaction> recentEvents,
                               List<String> interests) {
  public RecommendRequest {
    Objects.requireNonNull(userId, "userId");
    if (k <= 0) throw new IllegalArgumentException("k must be positive, got " + k);
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    filter = filter == null ? CourseFilter.NONE : filter;
    exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    recentEvents = recentEvents == null ? List.of() : List.copyOf(recentEvents);
    interests = interests == null ? List.of() : List.copyOf(interests);
  }

  /** The common case: top-k for a user, default exclusions, no explanation. */
  public static RecommendRequest of(String userId, int k) {
    return new RecommendRequest(userId, k, 0, CourseFilter.NONE, Set.of(), false, false, List.of(), List.of());
  }

  public RecommendRequest withExplain(boolean e) {
    return new RecommendRequest(userId, k, offset, filter, exclude, includeTaken, e, recentEvents, interests);
  }

  public RecommendRequest withK(int newK) {
    return new RecommendRequest(userId, newK, offset, filter, exclude, includeTaken, explain, recentEvents, interests);
  }

  public RecommendRequest withRecentEvents(List<Interaction> events) {
    return new RecommendRequest(userId, k, offset, filter, exclude, includeTaken, explain, events, interests);
  }

  public RecommendRequest withInterests(List<String> i) {
    return new RecommendRequest(userId, k, offset, filter, exclude, includeTaken, explain, recentEvents, i);
  }

  public RecommendRequest withFilter(CourseFilter f) {
    return new RecommendRequest(userId, k, offset, f, exclude, includeTaken, explain, recentEvents, interests);
  }

  /** k + offset: how many ranked items must be computed. */
  public int depth() { return k + offset; }
}
