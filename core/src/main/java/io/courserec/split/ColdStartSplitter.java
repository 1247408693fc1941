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
import java.util.SplittableRandom;

/**
 * Cold-start split: a sample of learners loses almost all history. Eligible learners have n &ge; minUserEvents
 * positive courses; m = max(1, round(fraction &times; eligible)) of them are drawn (seeded shuffle of the eligible
 * learners in ordinal order). Each drawn learner keeps k = min(u, n - 1) events, u uniform in [0, maxKept] from a
 * generator seeded by (seed, learner id): the first positive event of each of their k oldest positive courses
 * (chronological order as in {@link Relevance}), as a newcomer's first steps would be; they are listed in
 * {@link Split#kept()} in input order, as in training. All their other events are
 * hidden; the positive courses not kept are the targets. Declared interests and goals in the learner record stay,
 * so content-based methods have what a real newcomer gives. Learners not drawn keep all their events.
 */
public final class ColdStartSplitter implements Splitter {
  private final double fraction;
  private final int maxKept;
  private final int minUserEvents;
  private final long seed;

  /**
   * @param fraction share of eligible learners made cold, in (0, 1]
   * @param maxKept most events a cold learner keeps (0..maxKept, uniform)
   * @param minUserEvents fewest positive courses a learner needs to be eligible
   * @param seed random seed (config {@code seed})
   */
  public ColdStartSplitter(double fraction, int maxKept, int minUserEvents, long seed) {
    if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    if (maxKept < 0) throw new IllegalArgumentException("maxKept must be >= 0, got " + maxKept);
    this.fraction = fraction;
    this.maxKept = maxKept;
    this.minUserEvents = minUserEvents;
    this.seed = seed;
  }

  @Override
  public String name() { return "cold-start"; }

  @Override
  public Split split(Dataset data) {
    List<Integer> eligible = new ArrayList<>();
    for (int u = 0; u < data.numLearners(); u++) {
      if (Relevance.positiveCourses(data.eventsOf(u)).size() >= Math.max(minUserEvents, 1)) eligible.add(u);
    }
    int m = eligible.isEmpty() ? 0 : (int) Math.max(1, Math.round(fraction * eligible.size()));
    List<Integer> drawn = new ArrayList<>(eligible);
    SeededRandom.shuffle(drawn, new SplittableRandom(seed));
    drawn = new ArrayList<>(drawn.subList(0, m));
    drawn.sort(null);

    Map<String, Set<String>> heldOut = new LinkedHashMap<>();
    Map<String, List<Interaction>> kept = new LinkedHashMap<>();
    Set<Interaction> keptEvents = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int u : drawn) {
      String user = data.learner(u).id();
      List<Interaction> events = data.eventsOf(u);
      List<PositiveCourse> pos = Relevance.positiveCourses(events);
      int k = Math.min(SeededRandom.forKey(seed, user).nextInt(maxKept + 1), pos.size() - 1);
      List<Interaction> keep = new ArrayList<>(k);
      pos.subList(0, k).stream().mapToInt(PositiveCourse::firstIndex).sorted().forEach(i -> keep.add(events.get(i)));
      Set<String> targets = new LinkedHashSet<>();
      for (PositiveCourse p : pos.subList(k, pos.size())) targets.add(p.courseId());
      heldOut.put(user, targets);
      kept.put(user, keep);
      keptEvents.addAll(keep);
    }
    List<Interaction> train = new ArrayList<>(data.interactions().size());
    for (Interaction e : data.interactions()) {
      if (!heldOut.containsKey(e.userId()) || keptEvents.contains(e)) train.add(e);
    }
    return new Split(name(), data.withInteractions(train), heldOut, kept, data.interactions().size() - train.size());
  }
}
