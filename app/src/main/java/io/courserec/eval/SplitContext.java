package io.courserec.eval;

import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.UserHistory;
import io.courserec.hybrid.UserSegment;
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
 * show them), and the learner's hybrid segment (cold, warm, rich: {@link UserSegment#of} over the courses with a
 * positive training weight, exactly as the hybrid counts them from its snapshot), for comparisons per segment.
 */
final class SplitContext {
  final Split split;
  final int k;
  final TrainPopularity popularity;
  private final Map<String, Set<String>> excluded = new HashMap<>();
  private final Map<String, Set<String>> expected = new HashMap<>();
  /** The test learners' segments, in the order of the users given. */
  final UserSegment[] segments;

  SplitContext(Split split, int k, List<String> users, EventWeights semantics, int warmMin, int richMin) {
    this.split = split;
    this.k = k;
    this.popularity = TrainPopularity.of(split.train());
    InteractionSnapshot snapshot = InteractionSnapshot.build(split.train(), semantics);
    this.segments = new UserSegment[users.size()];
    for (int i = 0; i < users.size(); i++) {
      int positive = 0;
      if (snapshot.learnerOrdinal(users.get(i)) >= 0) {
        UserHistory h = snapshot.history(users.get(i), List.of());
        for (int p = 0; p < h.size(); p++) if (h.weight(p) > 0) positive++;
      }
      segments[i] = UserSegment.of(positive, warmMin, richMin);
    }
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
