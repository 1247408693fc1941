package io.courserec.hybrid;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One learner's normalised signal values on a candidate set: what the blend would see, so weights can be searched
 * in memory without a Lucene query per trial. Built by {@link HybridRecommender#signalTable} from the same sources
 * the ranking query uses (the values are read through them, not recomputed another way).
 *
 * @param segment the learner's segment
 * @param available the signals the learner has (the blend renormalises over them)
 * @param courseIds candidate course ids: the union of every available signal's best eligible courses
 * @param ordinals the candidates' course ordinals (ties in a ranking are broken by ordinal)
 * @param values per candidate, every available signal's value in [0, 1]
 */
public record SignalTable(UserSegment segment, Set<Signal> available, List<String> courseIds, int[] ordinals,
                          List<Map<Signal, Double>> values, int positiveCourses) {
  public SignalTable {
    available = Set.copyOf(available);
    courseIds = List.copyOf(courseIds);
    values = List.copyOf(values);
    if (ordinals.length != courseIds.size() || values.size() != courseIds.size()) {
      throw new IllegalArgumentException("candidate arrays differ in length");
    }
  }

  /** A table without the learner's positive course count (0), for tests and tools that do not calibrate. */
  public SignalTable(UserSegment segment, Set<Signal> available, List<String> courseIds, int[] ordinals,
                     List<Map<Signal, Double>> values) {
    this(segment, available, courseIds, ordinals, values, 0);
  }

  /** Number of candidates. */
  public int size() { return courseIds.size(); }
}
