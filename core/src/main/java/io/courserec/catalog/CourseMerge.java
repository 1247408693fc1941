package io.courserec.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A course being assembled from one or more rows, and the merge policy for duplicates. The first row seen is
 * authoritative for scalars; later rows fill what it lacks:
 * <ul>
 *   <li>id, title: the first row's.</li>
 *   <li>skills, prerequisites: union, first row's order then new ones.</li>
 *   <li>description: the longest.</li>
 *   <li>organisation, subject, language, url, duration: the first non-empty; level: the first that is not unknown.</li>
 *   <li>rating: when every merged rating has a count, the count-weighted mean sum(r_i n_i) / sum(n_i); otherwise
 *       the plain mean of the two ratings being merged; rounded to 0.01.</li>
 *   <li>num_ratings: the larger known count, not the sum: duplicates are mostly one course listed twice
 *       (scraped twice, or as course and specialisation) whose reviews are the same people, so summing would
 *       double count.</li>
 * </ul>
 */
final class CourseMerge {
  final String id;
  final String title;
  final String file;
  final long line;
  String description = "";
  final Set<String> skillKeys = new LinkedHashSet<>();
  String organizationKey = "";
  Level level = Level.UNKNOWN;
  String subject = "";
  String language = "";
  Double durationHours;
  String durationText = "";
  Double rating;
  Integer numRatings;
  /** Null until a merge; then the sum of the counts behind {@link #rating}, or -1 when one of them was unknown. */
  private Long weightSum;
  String url = "";
  final Set<String> prerequisites = new LinkedHashSet<>();

  CourseMerge(String id, String title, String file, long line) {
    this.id = id;
    this.title = title;
    this.file = file;
    this.line = line;
  }

  /** Merges a later duplicate into this course. */
  void absorb(CourseMerge o) {
    skillKeys.addAll(o.skillKeys);
    prerequisites.addAll(o.prerequisites);
    if (o.description.length() > description.length()) description = o.description;
    if (organizationKey.isEmpty()) organizationKey = o.organizationKey;
    if (level == Level.UNKNOWN) level = o.level;
    if (subject.isEmpty()) subject = o.subject;
    if (language.isEmpty()) language = o.language;
    if (url.isEmpty()) url = o.url;
    if (durationHours == null && durationText.isEmpty()) {
      durationHours = o.durationHours;
      durationText = o.durationText;
    }
    mergeRatings(o.rating, o.numRatings);
  }

  private void mergeRatings(Double r2, Integer n2) {
    Double r1 = rating;
    Long w1 = ratingWeight();
    if (r1 != null && r2 != null) {
      if (w1 != null && n2 != null && w1 + n2 > 0) {
        rating = round((r1 * w1 + r2 * n2) / (w1 + n2));
        weightSum = w1 + n2;
      } else {
        rating = round((r1 + r2) / 2);
        weightSum = -1L;
      }
    } else if (r1 == null && r2 != null) {
      rating = r2;
      weightSum = n2 == null ? -1L : n2;
    }
    if (numRatings == null || (n2 != null && n2 > numRatings)) numRatings = n2;
  }

  /** Sum of the counts behind the current rating; null when some rating merged in had no count. */
  private Long ratingWeight() {
    if (weightSum == null) return numRatings == null ? null : (long) numRatings;
    return weightSum < 0 ? null : weightSum;
  }

  private static double round(double r) {
    return Math.round(r * 100) / 100.0;
  }

  Course toCourse(TagVocabulary skills, TagVocabulary organizations, List<String> resolvedPrerequisites) {
    List<String> skillNames = new ArrayList<>(skillKeys.size());
    for (String k : skillKeys) skillNames.add(skills.display(k));
    String org = organizationKey.isEmpty() ? "" : organizations.display(organizationKey);
    return new Course(id, title, description, skillNames, org, level, subject, language, durationHours, durationText,
        rating, numRatings, url, resolvedPrerequisites);
  }
}
