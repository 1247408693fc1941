package io.courserec.gen;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * "Learners who took X go on to Y": for each course a short, fixed list of follow-up courses, drawn once per
 * catalog from its own seeded stream (so the default regime, which never builds it, is unchanged). The list of
 * course c holds {@value #LENGTH} distinct courses of c's subject: first a chain successor of c (a course that lists
 * c as prerequisite) when there is one, else a course of c's track at c's level or above, else any course of the
 * subject; the rest from the subject. Every draw other than the chain successor is weighted by popularity^0.5 (so
 * follow-ups lean to popular courses, as real ones do, but not only). A sequence pick draws slot k with probability
 * {@code WEIGHTS[k]} (0.6, 0.25, 0.15) and, when that course is unavailable (seen, not launched, unreadable), takes
 * the next available slot.
 */
final class FollowUps {
  static final int LENGTH = 3;
  private static final double[] WEIGHTS = {0.6, 0.25, 0.15};

  private final int[][] next;

  private FollowUps(int[][] next) {
    this.next = next;
  }

  static FollowUps build(SyntheticCatalog catalog, long seed) {
    int n = catalog.numCourses();
    int ns = catalog.numSubjects();
    double[][] subjectCumulative = new double[ns][];
    for (int s = 0; s < ns; s++) {
      int[] members = catalog.coursesOfSubject(s);
      double[] w = new double[members.length];
      for (int i = 0; i < w.length; i++) w[i] = StrictMath.exp(0.5 * catalog.traits(members[i]).logPopularity());
      subjectCumulative[s] = new double[members.length];
      if (members.length > 0) CumulativeSampler.fill(w, subjectCumulative[s], members.length);
    }
    int[][] next = new int[n][];
    for (int c = 0; c < n; c++) {
      SplittableRandom rng = SeedStreams.stream(seed, SeedStreams.FOLLOW_UPS, c);
      CourseTraits t = catalog.traits(c);
      int[] members = catalog.coursesOfSubject(t.subject());
      int[] list = new int[Math.min(LENGTH, members.length - 1)];
      int size = 0;
      int[] successors = catalog.successors(c);
      if (successors.length > 0 && list.length > 0) list[size++] = successors[rng.nextInt(successors.length)];
      for (int attempt = 0; size < list.length && attempt < 200; attempt++) {
        int d = members[CumulativeSampler.sample(subjectCumulative[t.subject()], members.length, rng.nextDouble())];
        boolean sameTrackUp = catalog.traits(d).track() == t.track() && catalog.traits(d).rank() >= t.rank();
        if (d == c || contains(list, size, d) || (size == 0 && attempt < 50 && !sameTrackUp)) continue;
        list[size++] = d;
      }
      next[c] = size == list.length ? list : Arrays.copyOf(list, size);
    }
    return new FollowUps(next);
  }

  private static boolean contains(int[] a, int size, int v) {
    for (int i = 0; i < size; i++) if (a[i] == v) return true;
    return false;
  }

  /** The follow-up list of course c (may be shorter than {@value #LENGTH} in tiny subjects). */
  int[] of(int c) {
    return next[c];
  }

  /** The slot a uniform draw u selects: 0 with 0.6, 1 with 0.25, 2 with 0.15. */
  static int slot(double u) {
    double acc = 0;
    for (int k = 0; k < WEIGHTS.length - 1; k++) {
      acc += WEIGHTS[k];
      if (u < acc) return k;
    }
    return WEIGHTS.length - 1;
  }
}
