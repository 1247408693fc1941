package io.courserec.cf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The trained item-kNN model: for every course ordinal i its neighbour list N(i) (at most K courses, similarity
 * &gt; 0, most similar first), which the hybrid stores in the index, plus the reverse lists (for each j, the
 * courses i with j ∈ N(i)) used to score a whole history at once. Scoring:
 *
 * <pre>
 *   score(u,i) = Σ_{j ∈ N(i) ∩ H(u)} sim(i,j) · r(u,j)
 * </pre>
 *
 * where H(u) is the learner's history and r(u,j) its summed event weight, negative ones included (a dismissed
 * course pushes its neighbours down). The sum is deliberately not normalised by Σ|sim|: for top-N ranking the
 * plain sum rewards courses supported by several history items, while the normalised mean would let a course
 * with a single weak neighbour tie with one supported by ten (Deshpande &amp; Karypis 2004, "Item-based top-N
 * recommendation algorithms"). Immutable and thread-safe.
 */
public final class ItemKnnModel {
  static final String FILE = "item-neighbors.bin";

  private final int[] ptr;
  private final int[] ids;
  private final float[] sims;
  private final int[] revPtr;
  private final int[] revIds;
  private final float[] revSims;

  private ItemKnnModel(int[] ptr, int[] ids, float[] sims) {
    this.ptr = ptr;
    this.ids = ids;
    this.sims = sims;
    int nc = ptr.length - 1;
    revPtr = new int[nc + 1];
    for (int j : ids) revPtr[j + 1]++;
    for (int j = 0; j < nc; j++) revPtr[j + 1] += revPtr[j];
    revIds = new int[ids.length];
    revSims = new float[ids.length];
    int[] fill = Arrays.copyOf(revPtr, nc);
    for (int i = 0; i < nc; i++) {
      for (int p = ptr[i]; p < ptr[i + 1]; p++) {
        int at = fill[ids[p]]++;
        revIds[at] = i;
        revSims[at] = sims[p];
      }
    }
  }

  /** Builds a model from per-course lists (ids and similarities aligned, best first). */
  public static ItemKnnModel of(int[][] neighborIds, float[][] neighborSims) {
    int nc = neighborIds.length;
    int[] ptr = new int[nc + 1];
    for (int i = 0; i < nc; i++) ptr[i + 1] = ptr[i] + neighborIds[i].length;
    int[] ids = new int[ptr[nc]];
    float[] sims = new float[ptr[nc]];
    for (int i = 0; i < nc; i++) {
      System.arraycopy(neighborIds[i], 0, ids, ptr[i], neighborIds[i].length);
      System.arraycopy(neighborSims[i], 0, sims, ptr[i], neighborSims[i].length);
    }
    return new ItemKnnModel(ptr, ids, sims);
  }

  public int numCourses() { return ptr.length - 1; }

  /** Sum of all list lengths. */
  public int totalNeighbors() { return ids.length; }

  /** |N(i)|. */
  public int neighborCount(int ordinal) { return ptr[ordinal + 1] - ptr[ordinal]; }

  /** N(i) with similarities, most similar first (copies). */
  public Neighbors neighbors(int ordinal) {
    return new Neighbors(neighborOrdinals(ordinal), neighborSimilarities(ordinal));
  }

  /** The course ordinals of N(i), most similar first (a copy). */
  public int[] neighborOrdinals(int ordinal) { return Arrays.copyOfRange(ids, ptr[ordinal], ptr[ordinal + 1]); }

  /** sim(i, j) for j in {@link #neighborOrdinals}, aligned (a copy). */
  public float[] neighborSimilarities(int ordinal) { return Arrays.copyOfRange(sims, ptr[ordinal], ptr[ordinal + 1]); }

  /** How many courses j of N(i) {@code in} accepts (the list is read in place, not copied). */
  public int countNeighbors(int ordinal, java.util.function.IntPredicate in) {
    int n = 0;
    for (int p = ptr[ordinal]; p < ptr[ordinal + 1]; p++) if (in.test(ids[p])) n++;
    return n;
  }

  /** sim(i,j) if j ∈ N(i), else 0. */
  public float similarity(int i, int j) {
    for (int p = ptr[i]; p < ptr[i + 1]; p++) if (ids[p] == j) return sims[p];
    return 0f;
  }

  /**
   * score(u,i) for every course: NaN where no neighbour of i is in the history (no evidence), otherwise the sum
   * above (which may be ≤ 0 when only negative feedback supports it). Cost O(Σ_{j ∈ H} |{i : j ∈ N(i)}|).
   */
  public float[] scores(UserHistory history) {
    return scores(history, history.weights());
  }

  /**
   * The same sum with the learner's value of history position p replaced by {@code positionWeights[p]}: the
   * binary x(u,j) of EASE, or r(u,j) times a recency weight. Positions with weight 0 contribute nothing.
   */
  public float[] scores(UserHistory history, float[] positionWeights) {
    SparseScores sparse = sparseScores(history, positionWeights);
    float[] s = sparse.values();
    long[] listed = new long[(s.length + 63) >>> 6];
    for (int z = 0; z < sparse.count(); z++) listed[sparse.courses()[z] >>> 6] |= 1L << sparse.courses()[z];
    for (int i = 0; i < s.length; i++) if ((listed[i >>> 6] & (1L << i)) == 0) s[i] = Float.NaN;
    return s;
  }

  /**
   * The scores of {@link #scores(UserHistory, float[])} as a {@link SparseScores}: 0 where no list entry meets the
   * history, and the courses that did meet one listed, each once, in order of first entry. What a caller that only
   * reads the courses with evidence needs: it visits those instead of every course.
   */
  public SparseScores sparseScores(UserHistory history, float[] positionWeights) {
    int n = numCourses();
    long entries = 0; // an upper bound of the courses met, so the list is allocated once
    for (int p = 0; p < history.size(); p++) {
      if (positionWeights[p] != 0f) entries += revPtr[history.course(p) + 1] - revPtr[history.course(p)];
    }
    float[] s = new float[n];
    long[] met = new long[(n + 63) >>> 6]; // a bit per course: an eighth of a boolean[]'s allocation
    int[] courses = new int[(int) Math.min(n, entries)];
    int count = 0;
    for (int p = 0; p < history.size(); p++) {
      int j = history.course(p);
      float w = positionWeights[p];
      if (w == 0f) continue;
      for (int q = revPtr[j]; q < revPtr[j + 1]; q++) {
        int i = revIds[q];
        long bit = 1L << i; // Java masks the shift to i mod 64
        if ((met[i >>> 6] & bit) == 0) {
          met[i >>> 6] |= bit;
          courses[count++] = i;
        }
        s[i] += revSims[q] * w;
      }
    }
    return new SparseScores(s, courses, count);
  }

  void save(Path dir) throws IOException {
    save(dir, FILE, "item-neighbors");
  }

  /** Writes the lists as {@code file} with the given kind (EASE and sequence lists share this layout). */
  void save(Path dir, String file, String kind) throws IOException {
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(file), kind)) {
      w.writeInts(ptr);
      w.writeInts(ids);
      w.writeFloats(sims);
    }
  }

  static ItemKnnModel load(Path dir, int numCourses) throws IOException {
    return load(dir, FILE, "item-neighbors", numCourses);
  }

  static ItemKnnModel load(Path dir, String file, String kind, int numCourses) throws IOException {
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve(file), kind)) {
      int[] ptr = r.readInts(numCourses + 1);
      int[] ids = r.readInts(Integer.MAX_VALUE - 8);
      float[] sims = r.readFloats(ids.length);
      r.finish();
      if (ptr.length != numCourses + 1 || ptr[0] != 0 || ptr[numCourses] != ids.length || sims.length != ids.length) {
        throw new IOException(dir + ": inconsistent neighbour lists");
      }
      for (int i = 0; i < numCourses; i++) {
        if (ptr[i + 1] < ptr[i]) throw new IOException(dir + ": inconsistent neighbour lists at course " + i);
      }
      for (int j : ids) if (j < 0 || j >= numCourses) throw new IOException(dir + ": neighbour ordinal " + j + " out of range");
      return new ItemKnnModel(ptr, ids, sims);
    }
  }
}
