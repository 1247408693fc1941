package io.courserec.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One cleaned catalog entry. Lists are never null (empty when absent); optional scalars are null when the source
 * had no usable value (see the missing-value policy in the README): {@code durationHours} null with the raw
 * text kept in {@code durationText}; {@code rating}/{@code numRatings} null when unknown, never silently zero.
 */
public record Course(
    String id,
    String title,
    String description,
    List<String> skills,
    String organization,
    Level level,
    String subject,
    String language,
    Double durationHours,
    String durationText,
    Double rating,
    Integer numRatings,
    String url,
    List<String> prerequisites) {

  public Course {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    skills = skills == null ? List.of() : List.copyOf(skills);
    organization = organization == null ? "" : organization;
    level = level == null ? Level.UNKNOWN : level;
    subject = subject == null ? "" : subject;
    language = language == null ? "" : language;
    durationText = durationText == null ? "" : durationText;
    url = url == null ? "" : url;
    prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
  }

  /** A minimal course, for tests and cold-start items. */
  public static Course of(String id, String title, String description, List<String> skills, Level level, String subject) {
    return new Course(id, title, description, skills, "", level, subject, "en", null, "", null, null, "", List.of());
  }
}
