package io.courserec.split;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What counts as a relevant (positive) interaction in offline evaluation, and the ordered list of a learner's
 * positive courses that every splitter works from.
 *
 * <p>An event is <em>positive</em> when it is an enroll, a complete, a bookmark, or a rating of at least
 * {@value #MIN_RELEVANT_RATING}. Views and dismissals are never positive. A course is a positive course of a learner
 * when the learner has at least one positive event on it and has not dismissed it (a dismissed course is never
 * recommended, so it can never be a target). Splitters hold out whole (learner, course) pairs: when a course is
 * hidden, every event of that learner on that course is hidden with it, so no trace of a target leaks into training.
 *
 * <p>Order of positive courses: by the time of the course's first positive event; events without a timestamp sort
 * before all timed ones (they are treated as the oldest history), and ties keep input order.
 */
public final class Relevance {
  /**
   * Lowest rating (1..5 scale) that makes a rate event positive: any. A learner rates a course they took, so a rated
   * course is a course taken, whatever they thought of it; the service never recommends it again
   * ({@code recommend.exclude_events}) and evaluation counts it as a hit when it was predicted. (Until issue 8 this
   * was 4: a course taken and rated 2 was neither a hit nor excluded.)
   */
  public static final double MIN_RELEVANT_RATING = 1.0;

  private Relevance() {}

  /** Whether one event shows interest strong enough to count as relevant. */
  public static boolean isPositive(Interaction e) {
    return switch (e.event()) {
      case ENROLL, COMPLETE, BOOKMARK -> true;
      case RATE -> e.rating() != null && e.rating() >= MIN_RELEVANT_RATING;
      case VIEW, DISMISS -> false;
    };
  }

  /**
   * One positive course of a learner.
   *
   * @param courseId the course
   * @param firstTime timestamp of the first positive event on it, null when that event had none
   * @param firstIndex position of that event in the learner's event list (tie-breaker)
   */
  public record PositiveCourse(String courseId, Instant firstTime, int firstIndex) {}

  /** Sort order of positive courses: untimed first, then by time, ties by input position. */
  static final Comparator<PositiveCourse> CHRONOLOGICAL = Comparator
      .comparing(PositiveCourse::firstTime, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingInt(PositiveCourse::firstIndex);

  /** The learner's positive courses (dismissed ones removed), oldest first. */
  public static List<PositiveCourse> positiveCourses(List<Interaction> events) {
    Set<String> dismissed = new HashSet<>();
    Map<String, PositiveCourse> first = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      if (e.event() == EventType.DISMISS) dismissed.add(e.courseId());
      if (!isPositive(e)) continue;
      PositiveCourse seen = first.get(e.courseId());
      PositiveCourse cand = new PositiveCourse(e.courseId(), e.timestamp(), i);
      if (seen == null || CHRONOLOGICAL.compare(cand, seen) < 0) first.put(e.courseId(), cand);
    }
    List<PositiveCourse> out = new ArrayList<>(first.size());
    for (PositiveCourse p : first.values()) if (!dismissed.contains(p.courseId())) out.add(p);
    out.sort(CHRONOLOGICAL);
    return out;
  }
}
