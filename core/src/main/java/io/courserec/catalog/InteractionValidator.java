package io.courserec.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks interactions.csv rows one at a time and turns the good ones into {@link Interaction}s. Each row gets one
 * outcome; the checks run in this order and the first failure is the reason:
 * <ol>
 *   <li>{@code user_id}, {@code course_id} present (missing required value)</li>
 *   <li>{@code event} one of view, enroll, complete, rate, bookmark, dismiss (unknown event type)</li>
 *   <li>{@code rating}: for a rate event present (rate event without rating), a number (rating is not a number),
 *       in [1, 5] (rating out of range); on other events a rating is ignored with a warning</li>
 *   <li>{@code timestamp} empty, ISO-8601 or epoch seconds (bad timestamp; see {@link FieldValues#timestamp})</li>
 *   <li>the course is in the catalog, directly or through a merged id, which is then remapped (unknown course)</li>
 *   <li>when users.csv was given, the user is in it (unknown user); without users.csv every user is accepted</li>
 * </ol>
 * Ids in accepted events are the catalog's and the learner table's own string instances, so millions of events
 * do not hold millions of copies of the same ids.
 */
final class InteractionValidator {
  static final String FILE = "interactions.csv";

  private final ReportCollector report;
  private final Map<String, String> courseIds = new HashMap<>();
  private final Map<String, String> mergedIds;
  private final Map<String, String> userIds = new HashMap<>();
  private final boolean usersDeclared;
  private long remapped;

  /**
   * @param learners the learners from users.csv, or null when there was no users.csv
   */
  InteractionValidator(ReportCollector report, CleanCatalog catalog, List<Learner> learners) {
    this.report = report;
    for (Course c : catalog.courses()) courseIds.put(c.id(), c.id());
    this.mergedIds = catalog.mergedIds();
    this.usersDeclared = learners != null;
    if (learners != null) for (Learner l : learners) userIds.put(l.id(), l.id());
  }

  /** The interaction, or null when the row was rejected (the reason is in the report). */
  Interaction check(CsvRow row) {
    String user = FieldValues.text(row.get("user_id"));
    String course = FieldValues.text(row.get("course_id"));
    if (user == null) return reject(row, IssueKind.MISSING_VALUE, "user_id is empty");
    if (course == null) return reject(row, IssueKind.MISSING_VALUE, "course_id is empty");
    String eventRaw = FieldValues.text(row.get("event"));
    var event = EventType.fromCode(eventRaw);
    if (event.isEmpty()) return reject(row, IssueKind.UNKNOWN_EVENT, eventRaw == null ? "event is empty" : "'" + eventRaw + "'");
    String ratingRaw = FieldValues.text(row.get("rating"));
    Double rating = null;
    if (event.get() == EventType.RATE) {
      if (ratingRaw == null) return reject(row, IssueKind.MISSING_RATING, "");
      rating = FieldValues.number(ratingRaw);
      if (rating == null) return reject(row, IssueKind.BAD_RATING, "'" + ratingRaw + "'");
      if (rating < 1 || rating > 5) return reject(row, IssueKind.RATING_OUT_OF_RANGE, ratingRaw);
    }
    String tsRaw = FieldValues.text(row.get("timestamp"));
    Instant ts = FieldValues.timestamp(tsRaw);
    if (tsRaw != null && ts == null) return reject(row, IssueKind.BAD_TIMESTAMP, "'" + tsRaw + "'");
    String courseId = courseIds.get(course);
    if (courseId == null) {
      String target = mergedIds.get(course);
      if (target == null) return reject(row, IssueKind.UNKNOWN_COURSE, "'" + course + "'");
      courseId = courseIds.get(target);
      remapped++;
    }
    String userId = userIds.get(user);
    if (userId == null) {
      if (usersDeclared) return reject(row, IssueKind.UNKNOWN_USER, "'" + user + "' is not in users.csv");
      userIds.put(user, user);
      userId = user;
    }
    if (event.get() != EventType.RATE && ratingRaw != null) {
      report.issue(row.file(), row.line(), IssueKind.RATING_IGNORED, event.get().code() + " with rating " + ratingRaw, row.excerpt());
    }
    report.loaded(row.file());
    return new Interaction(userId, courseId, event.get(), rating, ts);
  }

  /** Interactions whose course id was merged away and remapped to the kept course. */
  long remapped() { return remapped; }

  private Interaction reject(CsvRow row, IssueKind kind, String detail) {
    report.issue(row.file(), row.line(), kind, detail, row.excerpt());
    return null;
  }
}
