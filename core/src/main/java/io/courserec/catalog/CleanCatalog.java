package io.courserec.catalog;

import java.util.List;
import java.util.Map;

/**
 * The cleaned courses and the ids that were merged away (merged id to kept id), so interactions and
 * prerequisites naming a merged-away course still find it.
 */
record CleanCatalog(List<Course> courses, Map<String, String> mergedIds) {
  CleanCatalog {
    courses = List.copyOf(courses);
    mergedIds = Map.copyOf(mergedIds);
  }
}
