package io.courserec.catalog;

import java.util.Locale;
import java.util.Optional;

/** Interaction event types. A {@code DISMISS} is negative feedback: the course is never recommended again. */
public enum EventType {
  VIEW, BOOKMARK, ENROLL, COMPLETE, RATE, DISMISS;

  public String code() { return name().toLowerCase(Locale.ROOT); }

  public static Optional<EventType> fromCode(String s) {
    if (s == null) return Optional.empty();
    String t = s.trim().toLowerCase(Locale.ROOT);
    for (EventType e : values()) if (e.code().equals(t)) return Optional.of(e);
    return Optional.empty();
  }

  /** Enrolled or completed: the learner has taken the course, so it is excluded from recommendations by default. */
  public boolean marksTaken() { return this == ENROLL || this == COMPLETE; }
}
