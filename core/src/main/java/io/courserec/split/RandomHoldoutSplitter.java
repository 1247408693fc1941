package io.courserec.split;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.split.Relevance.PositiveCourse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Random per-learner hold-out. For every learner with n positive courses, n &ge; max(minUserEvents, 2), it hides
 * h = clamp(round(fraction &times; n), 1, n - 1) of them, chosen uniformly with a generator seeded by
 * (seed, learner id); every event of the learner on a hidden course leaves the training set. Learners with fewer
 * positive courses stay entirely in training and are not evaluated. Timestamps play no part.
 */
public final class RandomHoldoutSplitter implements Splitter {
  private final double fraction;
  private final int minUserEvents;
  private final long seed;

  /**
   * @param fraction share of each learner's positive courses to hide, in (0, 1)
   * @param minUserEvents fewest positive courses a learner needs to be a test learner
   * @param seed random seed (config {@code seed})
   */
  public RandomHoldoutSplitter(double fraction, int minUserEvents, long seed) {
    if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
    this.fraction = fraction;
    this.minUserEvents = minUserEvents;
    this.seed = seed;
  }

  @Override
  public String name() { return "random"; }

  @Override
  public Split split(Dataset data) {
    Map<String, Set<String>> heldOut = new LinkedHashMap<>();
    for (int u = 0; u < data.numLearners(); u++) {
      String user = data.learner(u).id();
      List<PositiveCourse> pos = Relevance.positiveCourses(data.eventsOf(u));
      int n = pos.size();
      if (n < Math.max(minUserEvents, 2)) continue;
      int h = (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
      List<String> ids = new ArrayList<>(n);
      for (PositiveCourse p : pos) ids.add(p.courseId());
      SeededRandom.shuffle(ids, SeededRandom.forKey(seed, user));
      heldOut.put(user, new HashSet<>(ids.subList(0, h)));
    }
    List<Interaction> train = new ArrayList<>(data.interactions().size());
    for (Interaction e : data.interactions()) {
      Set<String> hidden = heldOut.get(e.userId());
      if (hidden == null || !hidden.contains(e.courseId())) train.add(e);
    }
    return new Split(name(), data.withInteractions(train), heldOut, Map.of(),
        data.interactions().size() - train.size());
  }
}
