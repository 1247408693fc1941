package io.courserec.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The learner x course feedback matrix r(u,i) = sum of event weights ({@link EventWeights}), stored as CSR by
 * learner and, transposed, CSC by course (column indices sorted within each row). Values may be negative
 * (dismissals, low ratings); each algorithm decides how to treat them. Also records per learner which courses were
 * taken (enrolled/completed) and dismissed, which every recommender excludes.
 */
public final class InteractionMatrix {
  private final int numLearners;
  private final int numCourses;
  private final int[] rowPtr;
  private final int[] cols;
  private final float[] vals;
  private final int[] colPtr;
  private final int[] rows;
  private final float[] colVals;
  private final long[][] takenBits;
  private final long[][] dismissedBits;

  private InteractionMatrix(int nl, int nc, int[] rowPtr, int[] cols, float[] vals, long[][] taken, long[][] dismissed) {
    this.numLearners = nl;
    this.numCourses = nc;
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.vals = vals;
    this.takenBits = taken;
    this.dismissedBits = dismissed;
    int nnz = cols.length;
    colPtr = new int[nc + 1];
    for (int c : cols) colPtr[c + 1]++;
    for (int i = 0; i < nc; i++) colPtr[i + 1] += colPtr[i];
    rows = new int[nnz];
    colVals = new float[nnz];
    int[] fill = Arrays.copyOf(colPtr, nc);
    for (int u = 0; u < nl; u++) {
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
        int q = fill[cols[p]]++;
        rows[q] = u;
        colVals[q] = vals[p];
      }
    }
  }

  /** Builds the matrix from a data set; recency decay is relative to {@code now} (null = no decay). */
  public static InteractionMatrix build(Dataset d, EventWeights w, Instant now) {
    int nl = d.numLearners();
    int nc = d.numCourses();
    int[] rowPtr = new int[nl + 1];
    int[][] rowCols = new int[nl][];
    float[][] rowVals = new float[nl][];
    long[][] taken = new long[nl][];
    long[][] dismissed = new long[nl][];
    for (int u = 0; u < nl; u++) {
      Map<Integer, Double> acc = new HashMap<>();
      for (Interaction e : d.eventsOf(u)) {
        int c = d.courseOrdinal(e.courseId());
        acc.merge(c, w.of(e, now), Double::sum);
        if (w.marksTaken(e.event())) taken[u] = set(taken[u], c, nc);
        if (e.event() == EventType.DISMISS) dismissed[u] = set(dismissed[u], c, nc);
      }
      int[] cs = acc.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      float[] vs = new float[cs.length];
      for (int j = 0; j < cs.length; j++) vs[j] = (float) (double) acc.get(cs[j]);
      rowCols[u] = cs;
      rowVals[u] = vs;
      rowPtr[u + 1] = rowPtr[u] + cs.length;
    }
    int[] cols = new int[rowPtr[nl]];
    float[] vals = new float[rowPtr[nl]];
    for (int u = 0; u < nl; u++) {
      System.arraycopy(rowCols[u], 0, cols, rowPtr[u], rowCols[u].length);
      System.arraycopy(rowVals[u], 0, vals, rowPtr[u], rowVals[u].length);
    }
    return new InteractionMatrix(nl, nc, rowPtr, cols, vals, taken, dismissed);
  }

  private static long[] set(long[] bits, int c, int nc) {
    if (bits == null) bits = new long[(nc + 63) >>> 6];
    bits[c >>> 6] |= 1L << (c & 63);
    return bits;
  }

  private static boolean get(long[] bits, int c) {
    return bits != null && (bits[c >>> 6] & (1L << (c & 63))) != 0;
  }

  public int numLearners() { return numLearners; }
  public int numCourses() { return numCourses; }
  public int nnz() { return cols.length; }

  /** Row u occupies positions [rowStart(u), rowEnd(u)) of {@link #cols()} / {@link #vals()}. */
  public int rowStart(int u) { return rowPtr[u]; }
  public int rowEnd(int u) { return rowPtr[u + 1]; }
  public int[] cols() { return cols; }
  public float[] vals() { return vals; }

  /** Column i occupies positions [colStart(i), colEnd(i)) of {@link #rows()} / {@link #colVals()}. */
  public int colStart(int i) { return colPtr[i]; }
  public int colEnd(int i) { return colPtr[i + 1]; }
  public int[] rows() { return rows; }
  public float[] colVals() { return colVals; }

  /** r(u,i), 0 when absent. */
  public float get(int u, int i) {
    int p = Arrays.binarySearch(cols, rowPtr[u], rowPtr[u + 1], i);
    return p >= 0 ? vals[p] : 0f;
  }

  public boolean taken(int u, int i) { return get(takenBits[u], i); }
  public boolean dismissed(int u, int i) { return get(dismissedBits[u], i); }

  /** Number of stored (learner, course) pairs in column i: the course's interaction count. */
  public int courseCount(int i) { return colPtr[i + 1] - colPtr[i]; }

  /** Bit of {@link #fromRows} flags: the learner enrolled in or completed the course. */
  public static final byte FLAG_TAKEN = 1;
  /** Bit of {@link #fromRows} flags: the learner dismissed the course. */
  public static final byte FLAG_DISMISSED = 2;

  /**
   * Rebuilds a matrix from its CSR arrays, e.g. as saved next to a trained model. {@code flags[p]} holds
   * {@link #FLAG_TAKEN} / {@link #FLAG_DISMISSED} for the entry at position p (every taken or dismissed course has
   * an entry, since it has an event). Column indices must be sorted and unique within each row.
   *
   * @throws IllegalArgumentException when the arrays are inconsistent
   */
  public static InteractionMatrix fromRows(int numLearners, int numCourses, int[] rowPtr, int[] cols, float[] vals,
                                           byte[] flags) {
    if (rowPtr.length != numLearners + 1 || rowPtr[0] != 0 || rowPtr[numLearners] != cols.length
        || vals.length != cols.length || flags.length != cols.length) {
      throw new IllegalArgumentException("inconsistent CSR arrays for " + numLearners + " learners and "
          + cols.length + " entries");
    }
    long[][] taken = new long[numLearners][];
    long[][] dismissed = new long[numLearners][];
    for (int u = 0; u < numLearners; u++) {
      if (rowPtr[u + 1] < rowPtr[u]) throw new IllegalArgumentException("row pointers decrease at learner " + u);
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
        int c = cols[p];
        if (c < 0 || c >= numCourses || (p > rowPtr[u] && cols[p - 1] >= c)) {
          throw new IllegalArgumentException("bad or unsorted course ordinal " + c + " in row " + u);
        }
        if ((flags[p] & FLAG_TAKEN) != 0) taken[u] = set(taken[u], c, numCourses);
        if ((flags[p] & FLAG_DISMISSED) != 0) dismissed[u] = set(dismissed[u], c, numCourses);
      }
    }
    return new InteractionMatrix(numLearners, numCourses, rowPtr, cols, vals, taken, dismissed);
  }
}
