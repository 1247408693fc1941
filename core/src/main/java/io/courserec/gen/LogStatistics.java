package io.courserec.gen;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shape of an interaction log, measured the way issue 8 describes real logs, so a generated regime can be
 * compared with them. A course is <em>taken</em> by a learner who has an {@code enroll}, {@code complete} or
 * {@code rate} event on it; a learner's <em>sequence</em> is their taken courses in the order of the first such
 * event (timestamp order, ties in log order).
 *
 * <ul>
 *   <li><b>Popularity</b> x_c = learners who took course c, over every course of the catalog (never-taken courses
 *       count as 0). Gini = 2 Σ_i i x_(i) / (n Σ x) − (n + 1) / n with x_(1) ≤ … ≤ x_(n); the top 1 % / top 10 %
 *       share is the share of Σ x held by the round(0.01 n) / round(0.10 n) most taken courses (at least one).</li>
 *   <li><b>Courses per learner</b> over learners with at least one taken course: mean, and the nearest-rank
 *       median and 90th percentile (the value at position ceil(p m) of the m sorted counts).</li>
 *   <li><b>Events by type</b>: share of all events.</li>
 *   <li><b>Next-course predictability</b>: over consecutive pairs (a, b) of a learner's sequence, the share of pairs
 *       whose b is the most frequent successor of a. The successor table is counted on the learners at even
 *       positions of the log (0, 2, 4, … in order of first appearance) and scored on the odd ones, so a course seen
 *       once does not predict itself; a predecessor never seen in the fitting half is a miss, ties go to the
 *       smaller course index. This is the hit rate at 1 of a "learners who took X went on to Y" recommender.</li>
 * </ul>
 *
 * @param courses catalog size (courses with no events included)
 * @param learners learners in the log (with at least one event of any type)
 * @param learnersWithCourses learners with at least one taken course
 * @param events all events
 * @param eventCounts events per type
 * @param nextCoursePairs consecutive pairs scored (the odd half)
 * @param nextCourseHitRate share of scored pairs whose next course is the fitted most frequent successor
 */
public record LogStatistics(int courses, int learners, int learnersWithCourses, long events,
                            Map<EventType, Long> eventCounts, double popularityGini, double top1Share,
                            double top10Share, int medianCourses, double meanCourses, int p90Courses,
                            long nextCoursePairs, double nextCourseHitRate) {

  public LogStatistics {
    eventCounts = Map.copyOf(new EnumMap<>(eventCounts));
  }

  /** Whether an event of this type makes the course taken (enrolled, completed or rated). */
  public static boolean takes(EventType type) {
    return io.courserec.catalog.EventWeights.DEFAULT_TAKEN.contains(type);
  }

  /** Share of all events that have this type (0 for an empty log). */
  public double eventShare(EventType type) {
    return events == 0 ? 0 : eventCounts.getOrDefault(type, 0L) / (double) events;
  }

  /** A few lines for people (the {@code generate} command prints them after the summary). */
  public String describe() {
    String byType = Arrays.stream(EventType.values())
        .map(t -> String.format(Locale.ROOT, "%s %.1f%%", t.code(), 100 * eventShare(t)))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, """
        log shape: %d courses, %d learners (%d with a taken course), %d events
          popularity of taken courses: Gini %.2f, top 1%% of courses %.1f%%, top 10%% %.1f%%
          courses taken per learner: median %d, mean %.1f, p90 %d
          events: %s
          next course is the most frequent successor of the previous one: %.1f%% of %d transitions""",
        courses, learners, learnersWithCourses, events, popularityGini, 100 * top1Share, 100 * top10Share,
        medianCourses, meanCourses, p90Courses, byType, 100 * nextCourseHitRate, nextCoursePairs);
  }

  /**
   * Measures any log: learners in order of first appearance, each learner's events ordered by timestamp (stable, so
   * ties keep log order; missing timestamps last). Courses that appear only in the log are added to the catalog.
   */
  public static LogStatistics of(List<Course> catalog, List<Interaction> interactions) {
    Map<String, Integer> index = new HashMap<>();
    for (Course c : catalog) index.putIfAbsent(c.id(), index.size());
    Map<String, List<Interaction>> byLearner = new LinkedHashMap<>();
    for (Interaction e : interactions) {
      index.putIfAbsent(e.courseId(), index.size());
      byLearner.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
    }
    Accumulator acc = new Accumulator(index.size());
    Comparator<Interaction> byTime = Comparator.comparing(Interaction::timestamp,
        Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
    for (List<Interaction> events : byLearner.values()) {
      events.sort(byTime);
      int[] courses = new int[events.size()];
      EventType[] types = new EventType[events.size()];
      for (int i = 0; i < courses.length; i++) {
        courses[i] = index.get(events.get(i).courseId());
        types[i] = events.get(i).event();
      }
      acc.addLearner(courses, types);
    }
    return acc.result();
  }

  /**
   * Streams learners in log order (the generator feeds it block by block, so statistics cost one pass and no file
   * re-read). Not thread-safe.
   */
  public static final class Accumulator {
    private final int[] popularity;
    private final long[] eventCounts = new long[EventType.values().length];
    private final GrowingLongs fitPairs = new GrowingLongs();
    private final GrowingLongs scoredPairs = new GrowingLongs();
    private final GrowingLongs perLearner = new GrowingLongs();
    private final int[] stamp;
    private int learners;

    public Accumulator(int numCourses) {
      this.popularity = new int[numCourses];
      this.stamp = new int[numCourses];
    }

    /**
     * One learner's events in chronological order: course indexes in [0, numCourses) and their types (same
     * length). A learner with no events is ignored.
     */
    public void addLearner(int[] courses, EventType[] types) {
      if (courses.length == 0) return;
      learners++;
      int taken = 0;
      int previous = -1;
      GrowingLongs pairs = (learners - 1) % 2 == 0 ? fitPairs : scoredPairs;
      for (int i = 0; i < courses.length; i++) {
        eventCounts[types[i].ordinal()]++;
        int c = courses[i];
        if (!takes(types[i]) || stamp[c] == learners) continue;
        stamp[c] = learners;
        popularity[c]++;
        taken++;
        if (previous >= 0) pairs.add(((long) previous << 32) | c);
        previous = c;
      }
      if (taken > 0) perLearner.add(taken);
    }

    public LogStatistics result() {
      int n = popularity.length;
      long[] sorted = new long[n];
      long total = 0;
      for (int c = 0; c < n; c++) {
        sorted[c] = popularity[c];
        total += popularity[c];
      }
      Arrays.sort(sorted);
      double weighted = 0;
      for (int i = 0; i < n; i++) weighted += (i + 1) * (double) sorted[i];
      double gini = total == 0 ? 0 : 2 * weighted / (n * (double) total) - (n + 1) / (double) n;
      long[] counts = perLearner.toSortedArray();
      int m = counts.length;
      double mean = m == 0 ? 0 : Arrays.stream(counts).sum() / (double) m;
      Map<EventType, Long> byType = new EnumMap<>(EventType.class);
      long events = 0;
      for (EventType t : EventType.values()) {
        byType.put(t, eventCounts[t.ordinal()]);
        events += eventCounts[t.ordinal()];
      }
      long[] scored = scoredPairs.toSortedArray();
      long hits = 0;
      int[] best = mostFrequentSuccessors(n);
      for (long p : scored) if (best[(int) (p >>> 32)] == (int) p) hits++;
      return new LogStatistics(n, learners, m, events, byType, gini, topShare(sorted, total, 0.01),
          topShare(sorted, total, 0.10), nearestRank(counts, 0.5), mean, nearestRank(counts, 0.9), scored.length,
          scored.length == 0 ? 0 : hits / (double) scored.length);
    }

    /** best[a] = the b counted most often after a in the fitting half (smaller b on ties), -1 when a never led. */
    private int[] mostFrequentSuccessors(int n) {
      int[] best = new int[n];
      Arrays.fill(best, -1);
      int[] bestCount = new int[n];
      long[] pairs = fitPairs.toSortedArray();
      for (int i = 0; i < pairs.length; ) {
        int j = i;
        while (j < pairs.length && pairs[j] == pairs[i]) j++;
        int a = (int) (pairs[i] >>> 32);
        if (j - i > bestCount[a]) {
          bestCount[a] = j - i;
          best[a] = (int) pairs[i];
        }
        i = j;
      }
      return best;
    }

    private static double topShare(long[] ascending, long total, double share) {
      if (total == 0) return 0;
      int k = (int) Math.max(1, Math.round(share * ascending.length));
      long top = 0;
      for (int i = 0; i < k; i++) top += ascending[ascending.length - 1 - i];
      return top / (double) total;
    }

    private static int nearestRank(long[] ascending, double p) {
      if (ascending.length == 0) return 0;
      return (int) ascending[(int) Math.ceil(p * ascending.length) - 1];
    }
  }

  /** An append-only long array (pairs packed as a << 32 | b, or counts). */
  private static final class GrowingLongs {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    long[] toSortedArray() {
      long[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }
}
