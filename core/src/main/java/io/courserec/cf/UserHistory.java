package io.courserec.cf;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.util.Arrays;
import java.util.List;

/**
 * One learner's feedback as a request sees it: the trained matrix row merged with the request's recent events
 * (weights summed per course), plus which courses are taken (an event in {@code recommend.exclude_events}) or dismissed and so must not be
 * recommended. Built by {@link InteractionSnapshot#history}; immutable. Course positions {@code 0..size()-1} are
 * sorted by course ordinal. Weights may be negative (dismissals, low ratings). The order in which the learner
 * last touched each course is kept beside them ({@link #stepsBack}, {@link #positionsMostRecentFirst},
 * {@link #ageDays}): training courses by their last event, then the request's recent events, which are newer.
 */
public final class UserHistory {
  private final String userId;
  private final int learnerOrdinal;
  private final int[] courses;
  private final float[] weights;
  private final long[] taken;
  private final long[] dismissed;
  private final List<Interaction> trainingEvents;
  private final List<Interaction> recentEvents;
  private final int[] stepsBack;
  private final float[] ageDays;

  UserHistory(String userId, int learnerOrdinal, int[] courses, float[] weights, long[] taken, long[] dismissed,
              List<Interaction> trainingEvents, List<Interaction> recentEvents, int[] stepsBack, float[] ageDays) {
    this.userId = userId;
    this.learnerOrdinal = learnerOrdinal;
    this.courses = courses;
    this.weights = weights;
    this.taken = taken;
    this.dismissed = dismissed;
    this.trainingEvents = trainingEvents;
    this.recentEvents = recentEvents;
    this.stepsBack = stepsBack;
    this.ageDays = ageDays;
  }

  public String userId() { return userId; }

  /** The learner's ordinal in the trained model, or -1 when the learner was not in training (fold-in / cold). */
  public int learnerOrdinal() { return learnerOrdinal; }

  public boolean inTraining() { return learnerOrdinal >= 0; }

  /** Number of courses with any feedback. */
  public int size() { return courses.length; }

  /** Course ordinal at position p (ascending in p). */
  public int course(int p) { return courses[p]; }

  /** Summed event weight at position p. */
  public float weight(int p) { return weights[p]; }

  /** A copy of the course ordinals, ascending. */
  public int[] courses() { return courses.clone(); }

  /** A copy of the weights, aligned with {@link #courses()}. */
  public float[] weights() { return weights.clone(); }

  /**
   * How many history courses the learner touched after the one at position p: 0 for the most recent, size()−1 for
   * the oldest (a permutation of the positions).
   */
  public int stepsBack(int p) { return stepsBack[p]; }

  /** History positions, most recent course first. */
  public int[] positionsMostRecentFirst() {
    int[] out = new int[stepsBack.length];
    for (int p = 0; p < stepsBack.length; p++) out[stepsBack[p]] = p;
    return out;
  }

  /**
   * Days between the learner's last event on the course at position p and the model's reference time (0 for a
   * recent event newer than it or without a time); NaN when unknown (no timestamps).
   */
  public float ageDays(int p) { return ageDays[p]; }

  /** Position of the course in this history, or a negative number when absent. */
  public int indexOf(int courseOrdinal) { return Arrays.binarySearch(courses, courseOrdinal); }

  /** Summed weight for the course, 0 when absent. */
  public float weightOf(int courseOrdinal) {
    int p = indexOf(courseOrdinal);
    return p >= 0 ? weights[p] : 0f;
  }

  /** Taken: an event of the configured taken set (in training or recent events). */
  public boolean taken(int courseOrdinal) { return (taken[courseOrdinal >>> 6] & (1L << (courseOrdinal & 63))) != 0; }

  /** Dismissed (in training or recent events): never recommended. */
  public boolean dismissed(int courseOrdinal) {
    return (dismissed[courseOrdinal >>> 6] & (1L << (courseOrdinal & 63))) != 0;
  }

  /** Number of courses with positive weight: the evidence CF and MF rest on. */
  public int positiveCount() {
    int n = 0;
    for (float w : weights) if (w > 0) n++;
    return n;
  }

  public boolean hasPositive() { return positiveCount() > 0; }

  /** Events of this learner in the catalog data set (for explanation wording; may be empty). */
  public List<Interaction> trainingEvents() { return trainingEvents; }

  /** The request's recent events. */
  public List<Interaction> recentEvents() { return recentEvents; }

  /**
   * What the learner did with a course, as a verb phrase for explanations ("completed", "enrolled in", "rated 4",
   * "bookmarked", "viewed", "dismissed"): the strongest event found, in that order. Falls back to "took" /
   * "interacted with" when the catalog has no events for the learner.
   */
  public String action(String courseId, int courseOrdinal) {
    EventType best = null;
    Double rating = null;
    for (List<Interaction> events : List.of(trainingEvents, recentEvents)) {
      for (Interaction e : events) {
        if (!e.courseId().equals(courseId)) continue;
        if (best == null || strength(e.event()) > strength(best)) {
          best = e.event();
          rating = e.rating();
        }
      }
    }
    if (best == null) return taken(courseOrdinal) ? "took" : dismissed(courseOrdinal) ? "dismissed" : "interacted with";
    return switch (best) {
      case COMPLETE -> "completed";
      case ENROLL -> "enrolled in";
      case RATE -> rating == null ? "rated" : "rated " + (rating == Math.rint(rating) ? String.valueOf(rating.intValue()) : rating);
      case BOOKMARK -> "bookmarked";
      case VIEW -> "viewed";
      case DISMISS -> "dismissed";
    };
  }

  private static int strength(EventType t) {
    return switch (t) {
      case COMPLETE -> 5;
      case ENROLL -> 4;
      case RATE -> 3;
      case BOOKMARK -> 2;
      case VIEW -> 1;
      case DISMISS -> 0;
    };
  }
}
