package io.courserec.eval;

import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.split.Split;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every algorithm's evaluation on one split shares: training popularity, and per test learner the courses
 * excluded by default (taken or dismissed in training) and the primitive popularity list used as "expected" by
 * serendipity (the top K popular courses not excluded for the learner, i.e. what a popularity recommender would
 * show them).
 */
final class SplitContext {
  final Split split;
  final int k;
  final TrainPopularity popularity;
  private final Map<String, Set<String>> excluded = new HashMap<>();
  private final Map<String, Set<String>> expected = new HashMap<>();

  SplitContext(Split split, int k, List<String> users, EventWeights semantics) {
    this.split = split;
    this.k = k;
    this.popularity = TrainPopularity.of(split.train());
    for (String u : users) {
      Set<String> ex = new HashSet<>();
      for (Interaction e : split.train().eventsOf(u)) {
        if (semantics.excludes(e)) ex.add(e.courseId());
      }
      excluded.put(u, ex);
      expected.put(u, new LinkedHashSet<>(popularity.top(k, ex::contains)));
    }
  }

  /** Courses taken or dismissed by the learner in training. */
  Set<String> excluded(String user) { return excluded.get(user); }

  /** The popularity list the learner would get: the "expected" courses of serendipity. */
  Set<String> expected(String user) { return expected.get(user); }
}
