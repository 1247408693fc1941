package io.courserec.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The learner x course feedback matrix r(u,i) = sum of event weights ({@link EventWeights}), stored as CSR by
 * learner and, transposed, CSC by course (column indices sorted within each row). Values may be negative
 * (dismissals, low ratings); each algorithm decides how to treat them. Also records per learner which courses were
 * taken (enrolled/completed) and dismissed, which every recommender excludes: one flag byte per stored entry (every
 * taken or dismissed course has an entry, since it has an event), so the cost is one byte per pair, not a bitset
 * over the catalog per learner (which grew with learners x courses: 2 x 1,272 bytes per learner at 10k courses).
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
  private final byte[] flags;

  private InteractionMatrix(int nl, int nc, int[] rowPtr, int[] cols, float[] vals, byte[] flags) {
    this.numLearners = nl;
    this.numCourses = nc;
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.vals = vals;
    this.flags = flags;
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
    byte[][] rowFlags = new byte[nl][];
    for (int u = 0; u < nl; u++) {
      Map<Integer, Double> acc = new HashMap<>();
      Map<Integer, Byte> marks = new HashMap<>();
      for (Interaction e : d.eventsOf(u)) {
        int c = d.courseOrdinal(e.courseId());
        acc.merge(c, w.of(e, now), Double::sum);
        if (w.marksTaken(e.event())) marks.merge(c, FLAG_TAKEN, (a, b) -> (byte) (a | b));
        if (e.event() == EventType.DISMISS) marks.merge(c, FLAG_DISMISSED, (a, b) -> (byte) (a | b));
      }
      int[] cs = acc.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      float[] vs = new float[cs.length];
      byte[] fs = new byte[cs.length];
      for (int j = 0; j < cs.length; j++) {
        vs[j] = (float) (double) acc.get(cs[j]);
        fs[j] = marks.getOrDefault(cs[j], (byte) 0);
      }
      rowCols[u] = cs;
      rowVals[u] = vs;
      rowFlags[u] = fs;
      rowPtr[u + 1] = rowPtr[u] + cs.length;
    }
    int[] cols = new int[rowPtr[nl]];
    float[] vals = new float[rowPtr[nl]];
    byte[] flags = new byte[rowPtr[nl]];
    for (int u = 0; u < nl; u++) {
      System.arraycopy(rowCols[u], 0, cols, rowPtr[u], rowCols[u].length);
      System.arraycopy(rowVals[u], 0, vals, rowPtr[u], rowVals[u].length);
      System.arraycopy(rowFlags[u], 0, flags, rowPtr[u], rowFlags[u].length);
    }
    return new InteractionMatrix(nl, nc, rowPtr, cols, vals, flags);
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

  public boolean taken(int u, int i) { return has(u, i, FLAG_TAKEN); }
  public boolean dismissed(int u, int i) { return has(u, i, FLAG_DISMISSED); }

  /** {@link #FLAG_TAKEN} / {@link #FLAG_DISMISSED} of the entry at position p of {@link #cols()}. */
  public byte flagsAt(int p) { return flags[p]; }

  /** The flag byte of every stored pair, by position (the array itself, not a copy). */
  public byte[] flags() { return flags; }

  private boolean has(int u, int i, byte flag) {
    int p = Arrays.binarySearch(cols, rowPtr[u], rowPtr[u + 1], i);
    return p >= 0 && (flags[p] & flag) != 0;
  }

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
    for (int u = 0; u < numLearners; u++) {
      if (rowPtr[u + 1] < rowPtr[u]) throw new IllegalArgumentException("row pointers decrease at learner " + u);
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
        int c = cols[p];
        if (c < 0 || c >= numCourses || (p > rowPtr[u] && cols[p - 1] >= c)) {
          throw new IllegalArgumentException("bad or unsorted course ordinal " + c + " in row " + u);
        }
        if ((flags[p] & ~(FLAG_TAKEN | FLAG_DISMISSED)) != 0) {
          throw new IllegalArgumentException("unknown flag bits " + flags[p] + " at entry " + p);
        }
      }
    }
    return new InteractionMatrix(numLearners, numCourses, rowPtr, cols, vals, flags.clone());
  }
}
