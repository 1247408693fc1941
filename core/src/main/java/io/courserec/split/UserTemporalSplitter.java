package io.courserec.split;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.split.Relevance.PositiveCourse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-learner temporal hold-out of the last N positive courses (leave-last-out is N = 1). For a learner with n
 * positive courses in chronological order (see {@link Relevance}), n &ge; max(minUserEvents, 2), the last
 * h = min(N, n - 1) are the targets. The learner's history is then cut just before the first positive event of the
 * earliest target, b: training keeps the learner's events that come strictly before b in chronological order
 * (untimed events first, then by time, ties by input position) and are not on a target course; everything from b
 * on is hidden, so no later event (a view, a completion of an older course) reveals the future.
 *
 * <p>Events without timestamps sort before timed ones; a learner with no timestamps at all is ordered by input
 * position, which is then the only notion of "last" available.
 */
public final class UserTemporalSplitter implements Splitter {
  private final String name;
  private final int lastN;
  private final int minUserEvents;

  /**
   * @param lastN number N of latest positive courses held out per learner, &ge; 1
   * @param minUserEvents fewest positive courses a learner needs to be a test learner
   */
  public UserTemporalSplitter(int lastN, int minUserEvents) {
    this("user-temporal", lastN, minUserEvents);
  }

  private UserTemporalSplitter(String name, int lastN, int minUserEvents) {
    if (lastN < 1) throw new IllegalArgumentException("lastN must be >= 1, got " + lastN);
    this.name = name;
    this.lastN = lastN;
    this.minUserEvents = minUserEvents;
  }

  /** Leave-last-out: the single latest positive course of each learner is the target. */
  public static UserTemporalSplitter leaveLastOut(int minUserEvents) {
    return new UserTemporalSplitter("leave-last-out", 1, minUserEvents);
  }

  @Override
  public String name() { return name; }

  @Override
  public Split split(Dataset data) {
    Map<String, Set<String>> heldOut = new LinkedHashMap<>();
    // events of test learners that stay in training, by identity (two equal records may fall on either side)
    Set<Interaction> keptOfTestUsers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int u = 0; u < data.numLearners(); u++) {
      List<Interaction> events = data.eventsOf(u);
      List<PositiveCourse> pos = Relevance.positiveCourses(events);
      int n = pos.size();
      if (n < Math.max(minUserEvents, 2)) continue;
      int h = Math.min(lastN, n - 1);
      Set<String> targets = new LinkedHashSet<>();
      for (PositiveCourse p : pos.subList(n - h, n)) targets.add(p.courseId());
      PositiveCourse boundary = pos.get(n - h);
      for (int i = 0; i < events.size(); i++) {
        Interaction e = events.get(i);
        PositiveCourse at = new PositiveCourse(e.courseId(), e.timestamp(), i);
        if (!targets.contains(e.courseId()) && Relevance.CHRONOLOGICAL.compare(at, boundary) < 0) {
          keptOfTestUsers.add(e);
        }
      }
      heldOut.put(data.learner(u).id(), targets);
    }
    List<Interaction> train = new ArrayList<>(data.interactions().size());
    for (Interaction e : data.interactions()) {
      if (!heldOut.containsKey(e.userId()) || keptOfTestUsers.contains(e)) train.add(e);
    }
    return new Split(name, data.withInteractions(train), heldOut, Map.of(), data.interactions().size() - train.size());
  }
}
