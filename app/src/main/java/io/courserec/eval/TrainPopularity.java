package io.courserec.eval;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Course popularity in the training part of a split, the reference for novelty and for the "expected" list of
 * serendipity. n(i) = number of distinct learners with any event on course i in training; U = number of learners
 * with at least one training event. The popularity share is smoothed with one pseudo-learner so a never-seen
 * course has finite self-information: p(i) = (n(i) + 1) / (U + 1). The popularity ranking orders courses by n(i)
 * descending, ties by ordinal ascending.
 */
public final class TrainPopularity {
  private final Dataset train;
  private final int[] learnersPerCourse;
  private final int activeLearners;
  private final int[] ranking;

  private TrainPopularity(Dataset train, int[] counts, int active) {
    this.train = train;
    this.learnersPerCourse = counts;
    this.activeLearners = active;
    this.ranking = IntStream.range(0, counts.length).boxed()
        .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Counts popularity over the data set's interactions. */
  public static TrainPopularity of(Dataset train) {
    int[] counts = new int[train.numCourses()];
    int active = 0;
    for (int u = 0; u < train.numLearners(); u++) {
      List<Interaction> events = train.eventsOf(u);
      if (events.isEmpty()) continue;
      active++;
      Set<String> seen = new HashSet<>();
      for (Interaction e : events) if (seen.add(e.courseId())) counts[train.courseOrdinal(e.courseId())]++;
    }
    return new TrainPopularity(train, counts, active);
  }

  /** n(i): distinct learners with an event on the course in training (0 for unknown ids). */
  public int learners(String courseId) {
    int o = train.courseOrdinal(courseId);
    return o < 0 ? 0 : learnersPerCourse[o];
  }

  /** U: learners with at least one training event. */
  public int activeLearners() { return activeLearners; }

  /** Smoothed popularity share p(i) = (n(i) + 1) / (U + 1). */
  public double probability(String courseId) {
    return (learners(courseId) + 1.0) / (activeLearners + 1.0);
  }

  /** The n most popular course ids among those {@code excluded} does not match, most popular first. */
  public List<String> top(int n, Predicate<String> excluded) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < ranking.length && out.size() < n; i++) {
      String id = train.course(ranking[i]).id();
      if (!excluded.test(id)) out.add(id);
    }
    return out;
  }
}
