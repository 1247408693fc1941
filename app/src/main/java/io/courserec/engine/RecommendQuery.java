package io.courserec.engine;

import io.courserec.rec.CourseFilter;
import java.util.List;

/**
 * A recommendation request as the API and CLI receive it.
 *
 * @param userId learner id (may be unknown: cold start)
 * @param k results wanted, 1..cap
 * @param offset results skipped
 * @param filter hard filters
 * @param algorithm registry name (hybrid, pop, cbr, itemknn, userknn, mf)
 * @param explain include explanations
 * @param interests declared interests for an unknown learner (cold start)
 */
public record RecommendQuery(String userId, int k, int offset, CourseFilter filter, String algorithm, boolean explain,
                             List<String> interests) {
  public RecommendQuery {
    filter = filter == null ? CourseFilter.NONE : filter;
    algorithm = algorithm == null ? "hybrid" : algorithm;
    interests = interests == null ? List.of() : List.copyOf(interests);
  }
}
