package io.courserec.cf;

import io.courserec.catalog.Dataset;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.RecommendRequest;
import java.util.Arrays;

/**
 * Turns a dense score array (one float per course ordinal) into the page a request asked for, applying the
 * {@link io.courserec.rec.Recommender} contract in one place: a NaN score means "no evidence, never returned";
 * dismissed courses are never returned, taken ones only with {@code includeTaken}; {@code exclude} ids and the
 * {@link CourseFilter} remove more; the best {@code k + offset} remain (score descending, ties by ordinal) and
 * the first {@code offset} are skipped. Exclusions and the filter are checked only for courses that would
 * enter the top list, so a request costs O(courses) score comparisons plus O(depth log depth).
 */
public final class CandidateRanker {
  private CandidateRanker() {}

  public static TopK.Ranked rank(float[] scores, UserHistory history, RecommendRequest request, Dataset catalog) {
    int n = scores.length;
    int depth = (int) Math.min((long) request.k() + request.offset(), n);
    int[] excluded = request.exclude().stream().mapToInt(catalog::courseOrdinal).filter(o -> o >= 0).sorted().toArray();
    CourseFilter filter = request.filter();
    boolean filtering = !filter.isEmpty();
    TopK top = new TopK(depth);
    for (int i = 0; i < n; i++) {
      float s = scores[i];
      if (!top.accepts(i, s)) continue;
      if (history.dismissed(i) || (!request.includeTaken() && history.taken(i))) continue;
      if (excluded.length > 0 && Arrays.binarySearch(excluded, i) >= 0) continue;
      if (filtering && !filter.test(catalog.course(i))) continue;
      top.offer(i, s);
    }
    return top.drain().from(request.offset());
  }
}
