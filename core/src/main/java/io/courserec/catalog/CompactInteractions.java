package io.courserec.catalog;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Interactions held as columns — learner and course ordinal, event type, rating, time — instead of one
 * {@link Interaction} (with its {@link Instant}) per event: about 33 bytes an event against about 75, for a
 * server that keeps a model version's training events to answer history, profile and explanation questions. An
 * {@link Interaction} is made when one is read ({@link #get}); equal by value to the one that was stored. Ids come
 * from the shared course and learner records, so no id string is copied. Immutable.
 */
final class CompactInteractions extends AbstractList<Interaction> implements RandomAccess {
  private static final EventType[] TYPES = EventType.values();
  private static final long NO_TIME = Long.MIN_VALUE;

  private final List<Course> courses;
  private final List<Learner> learners;
  private final int[] learner;
  private final int[] course;
  private final byte[] type;
  private final double[] rating; // NaN = none (ratings are finite)
  private final long[] second; // NO_TIME = none
  private final int[] nano;
  private final Map<Integer, String> eventIds; // only the events that carry one
  private final int[] byLearner; // event positions grouped by learner, input order within a learner
  private final int[] learnerStart; // learner u's events are byLearner[learnerStart[u] .. learnerStart[u + 1])

  /**
   * @param learnerOrdinal maps each event's learner id to its position in {@code learners}
   * @param courseOrdinal the same for courses
   */
  CompactInteractions(List<Course> courses, List<Learner> learners, List<Interaction> events,
                      java.util.function.ToIntFunction<String> learnerOrdinal, java.util.function.ToIntFunction<String> courseOrdinal) {
    this.courses = courses;
    this.learners = learners;
    int n = events.size();
    learner = new int[n];
    course = new int[n];
    type = new byte[n];
    rating = new double[n];
    second = new long[n];
    nano = new int[n];
    Map<Integer, String> ids = new HashMap<>();
    int[] count = new int[learners.size() + 1];
    for (int i = 0; i < n; i++) {
      Interaction e = events.get(i);
      learner[i] = learnerOrdinal.applyAsInt(e.userId());
      course[i] = courseOrdinal.applyAsInt(e.courseId());
      type[i] = (byte) e.event().ordinal();
      rating[i] = e.rating() == null ? Double.NaN : e.rating();
      second[i] = e.timestamp() == null ? NO_TIME : e.timestamp().getEpochSecond();
      nano[i] = e.timestamp() == null ? 0 : e.timestamp().getNano();
      if (e.eventId() != null) ids.put(i, e.eventId());
      count[learner[i] + 1]++;
    }
    eventIds = ids.isEmpty() ? Map.of() : ids;
    for (int u = 0; u < learners.size(); u++) count[u + 1] += count[u];
    learnerStart = count;
    byLearner = new int[n];
    int[] fill = Arrays.copyOf(count, learners.size());
    for (int i = 0; i < n; i++) byLearner[fill[learner[i]]++] = i;
  }

  @Override
  public Interaction get(int i) {
    Objects.checkIndex(i, learner.length);
    return new Interaction(learners.get(learner[i]).id(), courses.get(course[i]).id(), TYPES[type[i]],
        Double.isNaN(rating[i]) ? null : rating[i], second[i] == NO_TIME ? null : Instant.ofEpochSecond(second[i], nano[i]),
        eventIds.get(i));
  }

  @Override
  public int size() {
    return learner.length;
  }

  /** Learner {@code u}'s events in input order, as a view. */
  List<Interaction> eventsOf(int u) {
    int from = learnerStart[u];
    int to = learnerStart[u + 1];
    return new LearnerView(from, to);
  }

  private final class LearnerView extends AbstractList<Interaction> implements RandomAccess {
    private final int from;
    private final int to;

    LearnerView(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    public Interaction get(int k) {
      Objects.checkIndex(k, to - from);
      return CompactInteractions.this.get(byLearner[from + k]);
    }

    @Override
    public int size() {
      return to - from;
    }
  }
}
