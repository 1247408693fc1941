package io.courserec.gen;

/**
 * What one pick of a learner writes to {@code interactions.csv}.
 */
public enum EventStyle {
  /** The platform funnel: view, then maybe bookmark, enroll, complete, rate, or a dismissal (the default). */
  FUNNEL,
  /** One {@code enroll} event per course taken, like a MOOC enrolment log. */
  ENROLMENTS,
  /** One {@code rate} event (1..5) per course taken, like a movie-ratings log. */
  RATINGS
}
