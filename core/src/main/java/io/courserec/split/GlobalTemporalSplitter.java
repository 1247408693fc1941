package io.courserec.split;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.split.Relevance.PositiveCourse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global temporal cut-off: everything after one moment T is the future. With the n timed events sorted by time
 * t(1) &le; ... &le; t(n), T = t(ceil((1 - f) n)) so that about a share f of the timed events fall after T (fewer
 * when events share T's timestamp). Training keeps every event at or before T and every event without a timestamp
 * (untimed events count as old history). A learner is a test learner when they have at least minUserEvents
 * positive courses in all, at least one of them positive before T, and at least one course whose first positive
 * event lies after T; those courses are the held-out targets. A course already positive (or ever dismissed) before
 * T is not a target. As in every split, whole (learner, course) pairs are hidden: a test learner's earlier
 * non-positive events on a target course (a view, a low rating before T) leave training too, so training is
 * "every event at or before T, minus those". Learners who appear only after T are cold-start learners, measured by
 * {@link ColdStartSplitter}.
 */
public final class GlobalTemporalSplitter implements Splitter {
  private static final Logger log = LoggerFactory.getLogger(GlobalTemporalSplitter.class);
  private final double testFraction;
  private final int minUserEvents;

  /**
   * @param testFraction share f of timed events meant to fall after the cut-off, in (0, 1)
   * @param minUserEvents fewest positive courses a learner needs to be a test learner
   */
  public GlobalTemporalSplitter(double testFraction, int minUserEvents) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
    }
    this.testFraction = testFraction;
    this.minUserEvents = minUserEvents;
  }

  @Override
  public String name() { return "temporal"; }

  /** The cut-off T for these interactions; throws when none has a timestamp. */
  public Instant cutoff(List<Interaction> events) {
    List<Instant> times = new ArrayList<>(events.size());
    for (Interaction e : events) if (e.timestamp() != null) times.add(e.timestamp());
    if (times.isEmpty()) {
      throw new IllegalArgumentException("the temporal split needs timestamps, but none of the "
          + events.size() + " interactions has one");
    }
    times.sort(null);
    int n = times.size();
    int idx = (int) Math.ceil((1 - testFraction) * n) - 1;
    return times.get(Math.max(0, Math.min(n - 1, idx)));
  }

  @Override
  public Split split(Dataset data) {
    Instant cut = cutoff(data.interactions());
    List<Interaction> beforeCut = new ArrayList<>(data.interactions().size());
    for (Interaction e : data.interactions()) {
      if (e.timestamp() == null || !e.timestamp().isAfter(cut)) beforeCut.add(e);
    }
    Dataset past = data.withInteractions(beforeCut);
    Map<String, Set<String>> heldOut = new LinkedHashMap<>();
    for (int u = 0; u < data.numLearners(); u++) {
      List<PositiveCourse> all = Relevance.positiveCourses(data.eventsOf(u));
      if (all.size() < minUserEvents) continue;
      if (Relevance.positiveCourses(past.eventsOf(u)).isEmpty()) continue;
      Set<String> targets = new LinkedHashSet<>();
      for (PositiveCourse p : all) {
        if (p.firstTime() != null && p.firstTime().isAfter(cut)) targets.add(p.courseId());
      }
      if (!targets.isEmpty()) heldOut.put(data.learner(u).id(), targets);
    }
    // whole pairs: a test learner's earlier views or low ratings of a target course leave training too
    List<Interaction> train = new ArrayList<>(beforeCut.size());
    for (Interaction e : beforeCut) {
      Set<String> targets = heldOut.get(e.userId());
      if (targets == null || !targets.contains(e.courseId())) train.add(e);
    }
    log.info("temporal split: cut-off {}, {} of {} interactions in training, {} test learners",
        cut, train.size(), data.interactions().size(), heldOut.size());
    return new Split(name(), data.withInteractions(train), heldOut, Map.of(), data.interactions().size() - train.size());
  }
}
