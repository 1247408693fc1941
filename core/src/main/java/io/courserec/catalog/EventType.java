package io.courserec.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * Interaction event types. A {@code DISMISS} is negative feedback: the course is never recommended again. Which
 * types mark a course as taken is configuration, answered by {@link EventWeights#marksTaken}.
 */
public enum EventType {
  VIEW, BOOKMARK, ENROLL, COMPLETE, RATE, DISMISS;

  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() { return code; }

  /** The event type of a code, ignoring case and surrounding spaces. */
  public static Optional<EventType> fromCode(String s) {
    if (s == null) return Optional.empty();
    String t = s.trim();
    for (EventType e : values()) if (e.code.equalsIgnoreCase(t)) return Optional.of(e);
    return Optional.empty();
  }
}
