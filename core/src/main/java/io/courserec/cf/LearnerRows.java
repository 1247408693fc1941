package io.courserec.cf;

import io.courserec.catalog.Column;
import io.courserec.catalog.ColumnFile;
import io.courserec.catalog.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Every learner's training row as serving reads it: the {@link InteractionMatrix} row (courses, summed event
 * weights, taken/dismissed flags), the {@link HistoryOrder} of its entries, and the course → learners postings of
 * the positive pairs that user-kNN walks ({@link Positive}). Two forms, read through the same
 * {@link Column} accessors: on the heap, over the arrays of a snapshot trained in this JVM (no copy); or mapped
 * from {@value #FILE} in a model version, so a serving replica's heap does not grow with the number of learners
 * (issue 12: the OS page cache holds the rows in use and may drop the rest). Training never reads this class; it
 * works on the {@link InteractionMatrix} itself.
 *
 * <p>File ({@link ColumnFile}, kind {@code learner-rows}): learners, courses, row pointers (learners + 1), columns,
 * values, flags, history ranks, ages in days; then the positive postings: column pointers (courses + 1), learner
 * ordinals, values, each learner's mean positive value and the Euclidean norm of their positive values, and (since
 * 2026-12-05; a file without it still loads) each posting's value divided by its learner's norm.
 */
public final class LearnerRows {
  /** Where a model version keeps the rows, beside the snapshot's learner table. */
  public static final String FILE = "rows.col";
  private static final String KIND = "learner-rows";

  private final int numLearners;
  private final int numCourses;
  private final Column.Ints rowPtr;
  private final Column.Ints cols;
  private final Column.Floats vals;
  private final Column.Bytes flags;
  private final Column.Ints rank;
  private final Column.Floats age;
  private final InteractionMatrix source; // the heap form's matrix (the positive part is derived on first use)
  private volatile Positive positive;

  /**
   * The positive pairs (r(u,i) &gt; 0) by course: learners of course i are {@code rows[colPtr[i] .. colPtr[i+1])} with
   * values {@code colVals}; {@code means} and {@code norms} are per learner over their positive values;
   * {@code unit} is {@code colVals} divided by the posting learner's norm (the cosine's second factor, so a cosine
   * search reads no per-learner norm at random; null in a file written before it).
   */
  public record Positive(Column.Ints colPtr, Column.Ints rows, Column.Floats colVals, Column.Floats means,
                         Column.Doubles norms, Column.Floats unit) {
    /** Learners with positive feedback on course {@code i}. */
    public int postings(int i) { return colPtr.get(i + 1) - colPtr.get(i); }
  }

  private LearnerRows(int nl, int nc, Column.Ints rowPtr, Column.Ints cols, Column.Floats vals, Column.Bytes flags,
                      Column.Ints rank, Column.Floats age, InteractionMatrix source, Positive positive) {
    this.numLearners = nl;
    this.numCourses = nc;
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.vals = vals;
    this.flags = flags;
    this.rank = rank;
    this.age = age;
    this.source = source;
    this.positive = positive;
  }

  /** The heap form over a trained matrix and its order (their arrays, not copies). */
  static LearnerRows of(InteractionMatrix m, HistoryOrder order) {
    int[] ptr = new int[m.numLearners() + 1];
    for (int u = 0; u < m.numLearners(); u++) ptr[u + 1] = m.rowEnd(u);
    return new LearnerRows(m.numLearners(), m.numCourses(), Column.Ints.of(ptr), Column.Ints.of(m.cols()),
        Column.Floats.of(m.vals()), Column.Bytes.of(m.flags()), order.ranks(), order.ages(), m, null);
  }

  public int numLearners() { return numLearners; }
  public int numCourses() { return numCourses; }
  public long nnz() { return cols.size(); }

  /** Learner u's entries are positions [rowStart(u), rowEnd(u)), courses ascending. */
  public int rowStart(int u) { return rowPtr.get(u); }
  public int rowEnd(int u) { return rowPtr.get(u + 1); }
  public int col(int p) { return cols.get(p); }
  public float val(int p) { return vals.get(p); }
  public byte flags(int p) { return flags.get(p); }
  /** 0 = the learner's earliest course, row length − 1 = their latest ({@link HistoryOrder}). */
  int rank(int p) { return rank.get(p); }
  float ageDays(int p) { return age.get(p); }

  /** r(u,i), 0 when the learner has no feedback on the course. */
  public float get(int u, int i) {
    int p = find(u, i);
    return p < 0 ? 0f : vals.get(p);
  }

  /** Whether the learner enrolled in or completed the course. */
  public boolean taken(int u, int i) {
    int p = find(u, i);
    return p >= 0 && (flags.get(p) & InteractionMatrix.FLAG_TAKEN) != 0;
  }

  /** Whether the learner dismissed the course. */
  public boolean dismissed(int u, int i) {
    int p = find(u, i);
    return p >= 0 && (flags.get(p) & InteractionMatrix.FLAG_DISMISSED) != 0;
  }

  private int find(int u, int i) {
    int lo = rowStart(u);
    int hi = rowEnd(u) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = cols.get(mid);
      if (c < i) lo = mid + 1;
      else if (c > i) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The positive postings (derived from the matrix on first use in the heap form, mapped in the loaded one). */
  public Positive positive() {
    Positive p = positive;
    if (p == null) {
      synchronized (this) {
        p = positive;
        if (p == null) {
          PositiveFeedback x = PositiveFeedback.of(source, false);
          double[] norms = x.rowNorms();
          float[] unit = new float[x.colVals.length];
          for (int q = 0; q < unit.length; q++) unit[q] = (float) (x.colVals[q] / norms[x.rows[q]]);
          p = new Positive(Column.Ints.of(x.colPtr), Column.Ints.of(x.rows), Column.Floats.of(x.colVals),
              Column.Floats.of(x.learnerMeans), Column.Doubles.of(norms), Column.Floats.of(unit));
          positive = p;
        }
      }
    }
    return p;
  }

  /** Writes {@value #FILE} into {@code dir}. */
  void save(Path dir) throws IOException {
    Positive p = positive();
    try (ColumnFile.Writer w = ColumnFile.writer(dir.resolve(FILE), KIND)) {
      w.writeLong(numLearners);
      w.writeLong(numCourses);
      w.writeInts(rowPtr);
      w.writeInts(cols);
      w.writeFloats(vals);
      w.writeBytes(flags);
      w.writeInts(rank);
      w.writeFloats(age);
      w.writeInts(p.colPtr());
      w.writeInts(p.rows());
      w.writeFloats(p.colVals());
      w.writeFloats(p.means());
      w.writeDoubles(p.norms());
      w.writeFloats(p.unit());
    }
  }

  /**
   * Maps {@value #FILE} of {@code dir}, checking its shape against the snapshot's ({@code nl} learners, {@code nc}
   * courses); the per-entry contents are trusted once the checksum matched (checking every row's rank permutation,
   * as the heap load does, would read every page of a file meant to be read on demand).
   */
  static LearnerRows load(Path dir, int nl, int nc) throws IOException {
    Path file = dir.resolve(FILE);
    ColumnFile.Reader r = ColumnFile.open(file, KIND);
    int l = r.readInt();
    int c = r.readInt();
    if (l != nl || c != nc) throw new IOException(file + ": rows of " + l + " x " + c + ", expected " + nl + " x " + nc);
    Column.Ints rowPtr = r.ints();
    Column.Ints cols = r.ints();
    Column.Floats vals = r.floats();
    Column.Bytes flags = r.bytes();
    Column.Ints rank = r.ints();
    Column.Floats age = r.floats();
    long nnz = cols.size();
    if (rowPtr.size() != nl + 1L || rowPtr.get(0) != 0 || rowPtr.get(nl) != nnz || vals.size() != nnz
        || flags.size() != nnz || rank.size() != nnz || age.size() != nnz) {
      throw new IOException(file + ": row columns disagree on the number of entries (" + nnz + ")");
    }
    Column.Ints colPtr = r.ints();
    Column.Ints rows = r.ints();
    Column.Floats colVals = r.floats();
    Column.Floats means = r.floats();
    Column.Doubles norms = r.doubles();
    Column.Floats unit = r.atEnd() ? null : r.floats(); // absent in files written before it
    if (colPtr.size() != nc + 1L || colPtr.get(nc) != rows.size() || colVals.size() != rows.size()
        || means.size() != nl || norms.size() != nl || (unit != null && unit.size() != rows.size())) {
      throw new IOException(file + ": positive postings do not match " + nl + " learners x " + nc + " courses");
    }
    r.finish();
    return new LearnerRows(nl, nc, rowPtr, cols, vals, flags, rank, age, null,
        new Positive(colPtr, rows, colVals, means, norms, unit));
  }
}
