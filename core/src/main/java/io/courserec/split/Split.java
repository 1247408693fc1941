package io.courserec.split;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of a {@link Splitter}: the training data set (same catalog and learners as the input, fewer
 * interactions) and, per test learner, the held-out relevant course ids. None of a test learner's held-out courses
 * has any event of that learner in {@link #train()}.
 *
 * @param name the split's name ({@code random}, {@code temporal}, ...)
 * @param train what algorithms are trained on
 * @param heldOut test learner id -> held-out relevant course ids (never empty), in learner-ordinal order
 * @param kept cold-start split only: test learner id -> the 0..n events left in training; empty map otherwise
 * @param hiddenEvents number of input interactions removed from training (targets and their companions)
 */
public record Split(String name, Dataset train, Map<String, Set<String>> heldOut,
                    Map<String, List<Interaction>> kept, int hiddenEvents) {

  public Split {
    Map<String, Set<String>> h = new LinkedHashMap<>();
    heldOut.forEach((u, s) -> {
      if (s.isEmpty()) throw new IllegalArgumentException("test learner " + u + " has no held-out course");
      h.put(u, Collections.unmodifiableSet(new LinkedHashSet<>(s)));
    });
    heldOut = Collections.unmodifiableMap(h);
    Map<String, List<Interaction>> k = new LinkedHashMap<>();
    kept.forEach((u, l) -> k.put(u, List.copyOf(l)));
    kept = Collections.unmodifiableMap(k);
  }

  /** Number of held-out (learner, course) pairs. */
  public int heldOutPairs() {
    int n = 0;
    for (Set<String> s : heldOut.values()) n += s.size();
    return n;
  }

  /** Sizes for reports. */
  public Summary summary() {
    return new Summary(name, train.interactions().size(), hiddenEvents, heldOut.size(), heldOutPairs());
  }

  /**
   * Split sizes as reported.
   *
   * @param name split name
   * @param trainEvents interactions in training
   * @param hiddenEvents interactions removed from training
   * @param testUsers learners with held-out courses
   * @param heldOutPairs held-out (learner, course) pairs
   */
  public record Summary(String name, int trainEvents, int hiddenEvents, int testUsers, int heldOutPairs) {}
}
