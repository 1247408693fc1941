package io.courserec.rec;

import io.courserec.catalog.Course;
import io.courserec.catalog.Level;

/**
 * Hard filters on candidate courses; a null component does not filter. Level {@code mixed} courses pass any level
 * filter (they are for all levels). String comparisons ignore case.
 */
public record CourseFilter(Level level, String language, String organization, String subject, Double maxDurationHours) {
  public static final CourseFilter NONE = new CourseFilter(null, null, null, null, null);

  public boolean isEmpty() { return equals(NONE); }

  public boolean test(Course c) {
    if (level != null && c.level() != level && c.level() != Level.MIXED) return false;
    if (language != null && !language.equalsIgnoreCase(c.language())) return false;
    if (organization != null && !organization.equalsIgnoreCase(c.organization())) return false;
    if (subject != null && !subject.equalsIgnoreCase(c.subject())) return false;
    if (maxDurationHours != null && (c.durationHours() == null || c.durationHours() > maxDurationHours)) return false;
    return true;
  }
}
