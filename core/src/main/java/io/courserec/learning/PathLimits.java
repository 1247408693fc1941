package io.courserec.learning;

import io.courserec.catalog.Level;

/**
 * Limits of one plan.
 *
 * @param maxCourses at most this many steps (at least 1)
 * @param maxHours at most this many known study hours in all, or null for no limit (courses without known hours
 *     count 0)
 * @param maxLevel no step above this level (beginner &lt; intermediate &lt; advanced; mixed and unknown courses are
 *     always allowed), or null for no limit
 */
public record PathLimits(int maxCourses, Double maxHours, Level maxLevel) {
  public PathLimits {
    if (maxCourses < 1) throw new IllegalArgumentException("max_courses must be at least 1, got " + maxCourses);
    if (maxHours != null && !(maxHours > 0)) throw new IllegalArgumentException("max_hours must be positive, got " + maxHours);
    if (maxLevel != null && maxLevel.rank() < 0) {
      throw new IllegalArgumentException("max_level must be beginner, intermediate or advanced, got " + maxLevel.code());
    }
  }

  boolean allows(Level level) {
    return maxLevel == null || level.rank() < 0 || level.rank() <= maxLevel.rank();
  }
}
