package io.courserec.engine;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.rec.UnknownEntityException;

/**
 * The engine's checks of what a request names: ids, courses, pages and feedback events. Each failure names the
 * field ({@link InvalidInputException}, 400) or the unknown entity ({@link UnknownEntityException}, 404 or, for a
 * course in feedback, 400 {@code unknown_course}).
 */
final class RequestChecks {
  static final int MAX_EVENT_ID_LENGTH = 128;
  /** How far ahead of the server clock an event's time may be. */
  static final long MAX_FUTURE_SECONDS = 3600;

  private RequestChecks() {}

  static Course requireCourse(Generation g, String courseId) {
    String problem = Identifiers.problem(courseId);
    if (problem != null) throw new InvalidInputException("course", "course " + problem);
    return g.data().course(courseId).orElseThrow(() -> new UnknownEntityException("course", courseId));
  }

  static String requireId(String field, String id) {
    String problem = Identifiers.problem(id);
    if (problem != null) throw new InvalidInputException(field, field + " " + problem);
    return id;
  }

  static void checkPage(int k, int offset) {
    if (k <= 0) throw new InvalidInputException("k", "k must be at least 1, got " + k);
    if (offset < 0) throw new InvalidInputException("offset", "offset must be >= 0, got " + offset);
  }

  /** One feedback event; {@code at} prefixes the field names ({@code events[3].}). */
  static void validate(Generation g, Interaction e, String at, long latestSecond) {
    if (e == null) throw new InvalidInputException(at.substring(0, at.length() - 1), "event is null");
    requireId(at + "user_id", e.userId());
    requireId(at + "course_id", e.courseId());
    requireCourse(g, e.courseId());
    if (e.event() == EventType.RATE) {
      if (e.rating() == null) throw new InvalidInputException(at + "rating", "rating is required for event 'rate'");
      if (!(e.rating() >= 1 && e.rating() <= 5)) {
        throw new InvalidInputException(at + "rating", "rating must be in [1, 5], got " + e.rating());
      }
    } else if (e.rating() != null) {
      throw new InvalidInputException(at + "rating", "rating is only allowed for event 'rate', not '" + e.event().code() + "'");
    }
    if (e.timestamp() != null && (e.timestamp().getEpochSecond() < 0 || e.timestamp().getEpochSecond() > latestSecond)) {
      throw new InvalidInputException(at + "timestamp", "timestamp must be after 1970 and at most "
          + MAX_FUTURE_SECONDS / 60 + " minutes ahead of the server clock, got " + e.timestamp());
    }
    if (e.eventId() != null) {
      if (e.eventId().length() > MAX_EVENT_ID_LENGTH) {
        throw new InvalidInputException(at + "event_id", "event_id must be 1.." + MAX_EVENT_ID_LENGTH + " characters");
      }
      requireId(at + "event_id", e.eventId());
    }
  }
}
