package io.courserec.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * One event. {@code rating} is set (1..5) only for {@link EventType#RATE}; {@code timestamp} may be null when the
 * source had none (such events count with full weight and sort before timed ones in temporal splits).
 * {@code eventId} is the optional idempotency key from the API (null for CSV rows).
 */
public record Interaction(String userId, String courseId, EventType event, Double rating, Instant timestamp, String eventId) {
  public Interaction {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(courseId, "courseId");
    Objects.requireNonNull(event, "event");
  }

  public Interaction(String userId, String courseId, EventType event, Double rating, Instant timestamp) {
    this(userId, courseId, event, rating, timestamp, null);
  }

  public static Interaction of(String userId, String courseId, EventType event) {
    return new Interaction(userId, courseId, event, null, null, null);
  }
}
