package io.courserec.engine;

import java.util.List;

/**
 * A learning-path request as the API and CLI receive it.
 *
 * @param goals goal skills as typed; empty means the learner's declared goals
 * @param maxCourses null for {@code learning.path.max_courses}
 * @param maxHours null for no limit
 * @param maxLevel beginner, intermediate or advanced; null for no limit
 */
public record PathQuery(String userId, List<String> goals, Integer maxCourses, Double maxHours, String maxLevel) {
  public PathQuery {
    goals = goals == null ? List.of() : goals.stream().filter(g -> g != null && !g.isBlank()).map(String::trim).toList();
  }
}
