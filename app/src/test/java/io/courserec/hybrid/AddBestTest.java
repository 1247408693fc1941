package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.cf.TopK;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code UserContextBuilder.addBest} (radix and threshold selection) keeps exactly the courses a {@link TopK} heap keeps —
 * the k largest positive values among eligible courses, ties by lower ordinal — on seeded random arrays with many
 * ties (values from a small set), zeros, negatives and exclusions; {@code select} against a sort.
 */
class AddBestTest {
  @Test
  void theSameCoursesAsTheHeap() {
    Random rnd = new Random(23);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + rnd.nextInt(400);
      int distinct = 1 + rnd.nextInt(20);
      float[] v = new float[n];
      boolean[] excluded = new boolean[n];
      for (int i = 0; i < n; i++) {
        int r = rnd.nextInt(10);
        v[i] = r == 0 ? 0f : r == 1 ? -rnd.nextInt(5) : 1 + rnd.nextInt(distinct);
        excluded[i] = rnd.nextInt(8) == 0;
      }
      int k = 1 + rnd.nextInt(60);
      assertSameAsTheHeap(v, excluded, k, trial);
    }
  }

  /** The same with normalised values in (0,1] spread over many buckets, larger arrays and larger k. */
  @Test
  void theSameCoursesAsTheHeapForNormalisedValues() {
    Random rnd = new Random(29);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + rnd.nextInt(5000);
      int distinct = 1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 100_000);
      float[] v = new float[n];
      boolean[] excluded = new boolean[n];
      for (int i = 0; i < n; i++) {
        int r = rnd.nextInt(10);
        // a skewed spread (squares) puts many values in few buckets, as real scores do
        float u = (1 + rnd.nextInt(distinct)) / (float) distinct;
        v[i] = r == 0 ? 0f : r == 1 ? -u : u * u;
        excluded[i] = rnd.nextInt(8) == 0;
      }
      int k = 1 + rnd.nextInt(400);
      assertSameAsTheHeap(v, excluded, k, trial);
    }
  }

  /**
   * The form over listed courses only (how the neighbour-list signals call it): a random subset in random order,
   * against the heap fed the listed eligible positive values; ties must still go to the lower ordinal.
   */
  @Test
  void overListedCoursesTheSameAsTheHeapOfThoseCourses() {
    Random rnd = new Random(31);
    for (int trial = 0; trial < 1000; trial++) {
      int n = 1 + rnd.nextInt(3000);
      int distinct = 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 100_000);
      float[] v = new float[n];
      boolean[] excluded = new boolean[n];
      java.util.List<Integer> listed = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        excluded[i] = rnd.nextInt(8) == 0;
        if (rnd.nextInt(3) == 0) continue; // not listed: value 0, as the models leave it
        listed.add(i);
        int r = rnd.nextInt(10);
        float u = (1 + rnd.nextInt(distinct)) / (float) distinct;
        v[i] = r == 0 ? 0f : r == 1 ? -u : u * u;
      }
      java.util.Collections.shuffle(listed, rnd);
      int[] courses = new int[listed.size() + rnd.nextInt(5)]; // spare room past count, as the models hand it out
      for (int z = 0; z < listed.size(); z++) courses[z] = listed.get(z);
      int k = 1 + rnd.nextInt(300);
      BitSet got = new BitSet(n);
      UserContextBuilder.addBest(v, courses, listed.size(), excluded, k, got);
      assertThat(got).as("trial %d", trial).isEqualTo(heapBest(v, excluded, k)); // unlisted courses are 0
    }
  }

  /** addBest's courses against the heap's. */
  private static void assertSameAsTheHeap(float[] v, boolean[] excluded, int k, int trial) {
    BitSet got = new BitSet(v.length);
    UserContextBuilder.addBest(v, excluded, k, got);
    assertThat(got).as("trial %d", trial).isEqualTo(heapBest(v, excluded, k));
  }

  /** The courses a {@link TopK} heap keeps when fed every eligible positive value. */
  private static BitSet heapBest(float[] v, boolean[] excluded, int k) {
    TopK top = new TopK(k);
    for (int i = 0; i < v.length; i++) if (v[i] > 0 && !excluded[i]) top.offer(i, v[i]);
    BitSet want = new BitSet(v.length);
    for (int i : top.drain().ids()) want.set(i);
    return want;
  }

  @Test
  void selectReturnsTheOrderStatistic() {
    Random rnd = new Random(5);
    for (int trial = 0; trial < 2000; trial++) {
      float[] a = new float[1 + rnd.nextInt(300)];
      for (int i = 0; i < a.length; i++) a[i] = rnd.nextInt(1 + rnd.nextInt(50));
      float[] sorted = a.clone();
      Arrays.sort(sorted);
      int r = rnd.nextInt(a.length);
      assertThat(UserContextBuilder.select(a.clone(), r)).as("trial %d", trial).isEqualTo(sorted[r]);
    }
  }
}
