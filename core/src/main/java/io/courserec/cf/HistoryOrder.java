package io.courserec.cf;

import io.courserec.catalog.Column;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.InteractionMatrix;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * When each learner last touched each course, kept per matrix entry so a saved model still knows the order of a
 * learner's history (the matrix rows are sorted by course ordinal, not by time):
 *
 * <ul>
 *   <li>{@code rank(p)}: for the entry at matrix position p (learner u, course c), the place of u's last event on c
 *       among u's courses ordered by their last event, 0 = the oldest. Ranks of a row are 0..|row|−1.</li>
 *   <li>{@code ageDays(p)}: reference time − time of that last event, in days (float), NaN when it has no time.</li>
 * </ul>
 *
 * <b>Event order</b> ({@link #chronological}): events are ordered by time; an event without a timestamp takes the
 * time of the event before it in the file (or list), or comes first when none before it has one; equal times keep
 * file order (a stable sort). So a log without timestamps is ordered by its lines, and an untimed event between
 * timed ones stays where it was written. Request events are newer than everything trained and are ordered the
 * same way among themselves. Costs 8 bytes per matrix entry, saved with the snapshot.
 */
final class HistoryOrder {
  private static final double SECONDS_PER_DAY = 86_400.0;

  private final int[] rank;
  private final float[] ageDays;

  private HistoryOrder(int[] rank, float[] ageDays) {
    this.rank = rank;
    this.ageDays = ageDays;
  }

  int rank(int position) { return rank[position]; }

  float ageDays(int position) { return ageDays[position]; }

  /** The ranks and ages by matrix entry, as columns (no copy). */
  Column.Ints ranks() { return Column.Ints.of(rank); }

  Column.Floats ages() { return Column.Floats.of(ageDays); }

  /** The learners' events in {@code data}, ordered per learner, for the entries of {@code m} (built from data). */
  static HistoryOrder build(Dataset data, InteractionMatrix m, Instant referenceTime) {
    int[] rank = new int[m.nnz()];
    float[] age = new float[m.nnz()];
    Arrays.fill(age, Float.NaN);
    int[] cols = m.cols();
    for (int u = 0; u < m.numLearners(); u++) {
      int start = m.rowStart(u);
      int len = m.rowEnd(u) - start;
      if (len == 0) continue;
      List<Timed> events = chronological(data.eventsOf(u));
      // last occurrence of each row entry in event order
      int[] last = new int[len];
      Arrays.fill(last, -1);
      for (int e = 0; e < events.size(); e++) {
        int c = data.courseOrdinal(events.get(e).event().courseId());
        int p = Arrays.binarySearch(cols, start, start + len, c);
        if (p < 0) continue;
        last[p - start] = e;
        age[p] = ageDays(referenceTime, events.get(e).seconds());
      }
      long[] byLast = new long[len]; // (last event index, entry) packed, so a primitive sort orders the entries
      for (int q = 0; q < len; q++) byLast[q] = ((long) (last[q] + 1) << 32) | q;
      Arrays.sort(byLast);
      for (int r = 0; r < len; r++) rank[start + (int) byLast[r]] = r;
    }
    return new HistoryOrder(rank, age);
  }

  /** An event with its effective time in epoch seconds (Long.MIN_VALUE: nothing before it had a time). */
  record Timed(Interaction event, long seconds) {}

  /** The events in the order defined in the class comment. */
  static List<Timed> chronological(List<Interaction> events) {
    List<Timed> out = new ArrayList<>(events.size());
    long carried = Long.MIN_VALUE;
    for (Interaction e : events) {
      if (e.timestamp() != null) carried = e.timestamp().getEpochSecond();
      out.add(new Timed(e, carried));
    }
    out.sort(Comparator.comparingLong(Timed::seconds)); // List.sort is stable: file order among equals
    return out;
  }

  /** Days from an effective time to the reference time; NaN when either is unknown. */
  static float ageDays(Instant referenceTime, long seconds) {
    if (referenceTime == null || seconds == Long.MIN_VALUE) return Float.NaN;
    return (float) ((referenceTime.getEpochSecond() - seconds) / SECONDS_PER_DAY);
  }

  void write(BinaryModelFile.Writer w) throws IOException {
    w.writeInts(rank);
    w.writeFloats(ageDays);
  }

  /** Reads what {@link #write} wrote for {@code m}; the ranks of each row must be a permutation of 0..|row|−1. */
  static HistoryOrder read(BinaryModelFile.Reader r, InteractionMatrix m) throws IOException {
    int[] rank = r.readInts(m.nnz());
    float[] age = r.readFloats(m.nnz());
    if (rank.length != m.nnz() || age.length != m.nnz()) throw new IOException("history order has " + rank.length
        + " entries, the matrix " + m.nnz());
    for (int u = 0; u < m.numLearners(); u++) {
      int start = m.rowStart(u);
      int len = m.rowEnd(u) - start;
      boolean[] seen = new boolean[len];
      for (int p = start; p < start + len; p++) {
        int k = rank[p];
        if (k < 0 || k >= len || seen[k]) throw new IOException("history order of learner " + u + " is not a permutation");
        seen[k] = true;
      }
    }
    return new HistoryOrder(rank, age);
  }
}
