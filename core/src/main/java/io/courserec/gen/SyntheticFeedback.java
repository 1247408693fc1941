package io.courserec.gen;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic feedback data set with the shape of real course data, for benchmarks only (not a product
 * data generator): courses fall into {@code clusters} topics; each learner has a home topic and draws 80 % of
 * their events from it and 20 % from the whole catalog, both with Zipf(1.0) popularity; activity per learner is
 * log-normal (σ = 1), so a few learners are very active. Event mix: view 50 %, enroll 22 %, complete 15 %,
 * bookmark 6 %, rate 5 % (1–5 stars), dismiss 2 %. Timestamps spread over a year.
 */
public final class SyntheticFeedback {
  private SyntheticFeedback() {}

  public static Dataset generate(int learners, int courses, int interactions, int clusters, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Course> cs = new ArrayList<>(courses);
    Level[] levels = {Level.BEGINNER, Level.INTERMEDIATE, Level.ADVANCED, Level.MIXED};
    int[] clusterOf = new int[courses];
    for (int i = 0; i < courses; i++) {
      clusterOf[i] = rnd.nextInt(clusters);
      cs.add(Course.of(String.format("c%06d", i), "Course " + i, "", List.of(), levels[rnd.nextInt(levels.length)],
          "topic" + clusterOf[i]));
    }
    int[][] members = new int[clusters][];
    int[] counts = new int[clusters];
    for (int c : clusterOf) counts[c]++;
    for (int c = 0; c < clusters; c++) members[c] = new int[counts[c]];
    int[] fill = new int[clusters];
    for (int i = 0; i < courses; i++) members[clusterOf[i]][fill[clusterOf[i]]++] = i;
    double[][] clusterCdf = new double[clusters][];
    for (int c = 0; c < clusters; c++) clusterCdf[c] = zipfCdf(members[c].length);
    double[] globalCdf = zipfCdf(courses);
    int[] globalOrder = permutation(courses, rnd);

    double[] activity = new double[learners];
    double total = 0;
    for (int u = 0; u < learners; u++) {
      activity[u] = Math.exp(rnd.nextGaussian());
      total += activity[u];
    }
    List<Learner> ls = new ArrayList<>(learners);
    String[] ids = new String[learners];
    for (int u = 0; u < learners; u++) {
      ids[u] = String.format("u%07d", u);
      ls.add(Learner.anonymous(ids[u]));
    }
    String[] courseIds = cs.stream().map(Course::id).toArray(String[]::new);
    List<Interaction> events = new ArrayList<>(interactions);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    double carry = 0;
    for (int u = 0; u < learners && events.size() < interactions; u++) {
      carry += activity[u] / total * interactions;
      int n = (int) carry;
      carry -= n;
      if (u == learners - 1) n = interactions - events.size();
      int home = rnd.nextInt(clusters);
      for (int e = 0; e < n && events.size() < interactions; e++) {
        int course = rnd.nextDouble() < 0.8 && members[home].length > 0
            ? members[home][sample(clusterCdf[home], rnd)]
            : globalOrder[sample(globalCdf, rnd)];
        double t = rnd.nextDouble();
        EventType type = t < 0.50 ? EventType.VIEW : t < 0.72 ? EventType.ENROLL : t < 0.87 ? EventType.COMPLETE
            : t < 0.93 ? EventType.BOOKMARK : t < 0.98 ? EventType.RATE : EventType.DISMISS;
        Double rating = type == EventType.RATE ? (double) (1 + rnd.nextInt(5)) : null;
        events.add(new Interaction(ids[u], courseIds[course], type, rating, start.plusSeconds(rnd.nextLong(365L * 86400))));
      }
    }
    return Dataset.of(cs, ls, events);
  }

  private static double[] zipfCdf(int n) {
    double[] cdf = new double[n];
    double s = 0;
    for (int r = 0; r < n; r++) {
      s += 1.0 / (r + 1);
      cdf[r] = s;
    }
    for (int r = 0; r < n; r++) cdf[r] /= s;
    return cdf;
  }

  private static int sample(double[] cdf, SplittableRandom rnd) {
    int i = Arrays.binarySearch(cdf, rnd.nextDouble());
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
