package io.courserec.cf;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.IdIndex;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.Config;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The feedback a CF/MF model was trained on: the learner x course {@link InteractionMatrix}, the model's own
 * learner table (id ↔ ordinal, equal to the training data set's learner ordinals), the event weights and the
 * reference time recency decay was measured from. It turns a request into a {@link UserHistory} (training row
 * merged with recent events) and is saved next to every model, so a loaded model excludes exactly what it was
 * trained on even when the catalog it is loaded with carries no interactions. It also keeps the order of each
 * learner's courses ({@link HistoryOrder}: rank and age of the last event per matrix entry), so a loaded model
 * still knows which courses a learner took most recently.
 *
 * <p>Request events are weighted with the same {@link EventWeights} and reference time as training (an event
 * newer than the reference time counts with full weight). Recent events must not repeat training events; they
 * would be counted twice.
 */
public final class InteractionSnapshot {
  static final String LEARNERS_FILE = "learners.bin";
  static final String MATRIX_FILE = "interactions.bin";

  private final Dataset catalog;
  private final InteractionMatrix matrix;
  /** The model's learners; the catalog's own index when they are the catalog's learners in order (no copy). */
  private final IdIndex learners;
  private final EventWeights weights;
  private final Instant referenceTime;
  private final HistoryOrder order;

  private InteractionSnapshot(Dataset catalog, InteractionMatrix matrix, String[] learnerIds, EventWeights weights,
                              Instant referenceTime, HistoryOrder order) {
    if (matrix.numCourses() != catalog.numCourses() || matrix.numLearners() != learnerIds.length) {
      throw new IllegalArgumentException("matrix " + matrix.numLearners() + " x " + matrix.numCourses()
          + " does not match " + learnerIds.length + " learners x " + catalog.numCourses() + " courses");
    }
    this.catalog = catalog;
    this.matrix = matrix;
    this.learners = catalog.learnerIndex().sameIdsAs(learnerIds) ? catalog.learnerIndex()
        : IdIndex.of(java.util.Arrays.asList(learnerIds));
    this.weights = weights;
    this.referenceTime = referenceTime;
    this.order = order;
  }

  /** Builds the matrix from a data set with the configured event weights; decay is measured from its latest event. */
  public static InteractionSnapshot build(Dataset data, Config config) {
    return build(data, EventWeights.from(config));
  }

  /** Builds the matrix from a data set; decay is measured from its latest event (null when none has a time). */
  public static InteractionSnapshot build(Dataset data, EventWeights weights) {
    Instant ref = latestTimestamp(data);
    return of(data, InteractionMatrix.build(data, weights, ref), weights, ref);
  }

  /** Wraps an already built matrix of {@code data} (its learner ordinals become the model's). */
  public static InteractionSnapshot of(Dataset data, InteractionMatrix matrix, EventWeights weights, Instant referenceTime) {
    String[] ids = new String[data.numLearners()];
    for (int u = 0; u < ids.length; u++) ids[u] = data.learner(u).id();
    return new InteractionSnapshot(data, matrix, ids, weights, referenceTime, HistoryOrder.build(data, matrix, referenceTime));
  }

  static Instant latestTimestamp(Dataset data) {
    Instant max = null;
    for (Interaction e : data.interactions()) {
      if (e.timestamp() != null && (max == null || e.timestamp().isAfter(max))) max = e.timestamp();
    }
    return max;
  }

  public Dataset catalog() { return catalog; }
  public InteractionMatrix matrix() { return matrix; }
  public EventWeights weights() { return weights; }
  public Instant referenceTime() { return referenceTime; }
  public int numCourses() { return matrix.numCourses(); }
  public int numLearners() { return learners.size(); }

  /** The order of every learner's courses, per matrix entry. */
  HistoryOrder order() { return order; }

  /** The model's learner ordinal for an id, or -1. */
  public int learnerOrdinal(String userId) {
    return learners.ordinal(userId);
  }

  public String learnerId(int learnerOrdinal) { return learners.id(learnerOrdinal); }

  /** The request's history; see {@link #history(String, List)}. */
  public UserHistory resolve(RecommendRequest request) {
    return history(request.userId(), request.recentEvents());
  }

  /**
   * The learner's training row merged with recent events.
   *
   * @throws UnknownEntityException ("user") when the learner is not in training and there are no recent events,
   *     ("course") when a recent event names a course not in the catalog
   */
  public UserHistory history(String userId, List<Interaction> recentEvents) {
    int u = learnerOrdinal(userId);
    if (u < 0 && recentEvents.isEmpty()) throw new UnknownEntityException("user", userId);
    return history(userId, u, recentEvents);
  }

  /**
   * The history of a learner who is not in training, made of {@code events} only (their user ids are ignored).
   *
   * @throws UnknownEntityException ("course") when an event names a course not in the catalog
   */
  public UserHistory historyOf(List<Interaction> events) {
    return history("", -1, List.copyOf(events));
  }

  private UserHistory history(String userId, int u, List<Interaction> recentEvents) {
    int nc = numCourses();
    long[] taken = new long[(nc + 63) >>> 6];
    long[] dismissed = new long[(nc + 63) >>> 6];
    TreeMap<Integer, Double> recent = new TreeMap<>();
    for (Interaction e : recentEvents) {
      int c = catalog.courseOrdinal(e.courseId());
      if (c < 0) throw new UnknownEntityException("course", e.courseId());
      recent.merge(c, weights.of(e, referenceTime), Double::sum);
      if (weights.marksTaken(e.event())) taken[c >>> 6] |= 1L << (c & 63);
      if (e.event() == EventType.DISMISS) dismissed[c >>> 6] |= 1L << (c & 63);
    }
    int start = u < 0 ? 0 : matrix.rowStart(u);
    int end = u < 0 ? 0 : matrix.rowEnd(u);
    int[] cols = matrix.cols();
    float[] vals = matrix.vals();
    int[] courses = new int[end - start + recent.size()];
    float[] w = new float[courses.length];
    int n = 0;
    int p = start;
    for (Map.Entry<Integer, Double> r : recent.entrySet()) {
      int c = r.getKey();
      while (p < end && cols[p] < c) {
        courses[n] = cols[p];
        w[n++] = vals[p++];
      }
      float base = 0f;
      if (p < end && cols[p] == c) base = vals[p++];
      courses[n] = c;
      w[n++] = (float) (base + r.getValue());
    }
    while (p < end) {
      courses[n] = cols[p];
      w[n++] = vals[p++];
    }
    if (u >= 0) {
      for (int q = start; q < end; q++) {
        int c = cols[q];
        byte f = matrix.flagsAt(q);
        if ((f & InteractionMatrix.FLAG_TAKEN) != 0) taken[c >>> 6] |= 1L << (c & 63);
        if ((f & InteractionMatrix.FLAG_DISMISSED) != 0) dismissed[c >>> 6] |= 1L << (c & 63);
      }
    }
    int[] ordinals = Arrays.copyOf(courses, n);
    Recency recency = recency(u, ordinals, recentEvents);
    return new UserHistory(userId, u, ordinals, Arrays.copyOf(w, n), taken,
        dismissed, u < 0 ? List.of() : catalog.eventsOf(userId), recentEvents, recency.stepsBack, recency.ageDays);
  }

  private record Recency(int[] stepsBack, float[] ageDays) {}

  /**
   * For each history position: how many of the learner's courses were touched after it (0 = the most recent) and
   * the age of its last event. Training courses keep their stored order; recent events come after all of them,
   * ordered by {@link HistoryOrder#chronological}; a course in both takes its recent place. A recent event's age
   * is measured from the reference time (never below 0; untimed: 0, the newest); NaN without a reference time.
   */
  private Recency recency(int u, int[] ordinals, List<Interaction> recentEvents) {
    int n = ordinals.length;
    int start = u < 0 ? 0 : matrix.rowStart(u);
    int trained = u < 0 ? 0 : matrix.rowEnd(u) - start;
    // key (larger = more recent): training rank 0..trained-1, then trained + index among the recent events;
    // keys are unique, so a bucket per key orders the history without sorting
    int[] key = new int[n];
    float[] age = new float[n];
    Arrays.fill(age, Float.NaN);
    for (int p = start; p < start + trained; p++) {
      int q = Arrays.binarySearch(ordinals, matrix.cols()[p]);
      key[q] = order.rank(p);
      age[q] = order.ageDays(p);
    }
    List<HistoryOrder.Timed> recent = HistoryOrder.chronological(recentEvents);
    for (int e = 0; e < recent.size(); e++) {
      HistoryOrder.Timed t = recent.get(e);
      int q = Arrays.binarySearch(ordinals, catalog.courseOrdinal(t.event().courseId()));
      key[q] = trained + e;
      age[q] = referenceTime == null ? Float.NaN
          : t.seconds() == Long.MIN_VALUE ? 0f : Math.max(0f, HistoryOrder.ageDays(referenceTime, t.seconds()));
    }
    int[] bucket = new int[trained + recent.size()];
    Arrays.fill(bucket, -1);
    for (int q = 0; q < n; q++) bucket[key[q]] = q;
    int[] stepsBack = new int[n];
    int r = 0;
    for (int k = bucket.length - 1; k >= 0; k--) if (bucket[k] >= 0) stepsBack[bucket[k]] = r++;
    return new Recency(stepsBack, age);
  }

  /** A manifest describing this snapshot plus the algorithm's own parameters. */
  public ComponentManifest manifest(String algorithm, Config config, long trainingMillis, Map<String, Object> params) {
    return new ComponentManifest(ComponentManifest.FORMAT, ComponentManifest.FORMAT_VERSION, algorithm, config.modelHash(),
        Instant.now().toString(), trainingMillis, numCourses(), ComponentManifest.fingerprint(catalog), numLearners(),
        matrix.nnz(), referenceTime == null ? null : referenceTime.toString(), weights, params);
  }

  /**
   * Checks that this snapshot is the one a model with {@code manifest} was trained on (a model loaded onto a shared
   * snapshot must not silently score another data set's learners).
   */
  public void checkMatches(Path dir, ComponentManifest manifest) throws IOException {
    String ref = referenceTime == null ? null : referenceTime.toString();
    if (numLearners() != manifest.learners() || matrix.nnz() != manifest.interactions()
        || !java.util.Objects.equals(ref, manifest.referenceTime()) || !weights.equals(manifest.eventWeights())) {
      throw new IOException(dir + ": the model was trained on another snapshot (" + manifest.learners() + " learners, "
          + manifest.interactions() + " interactions, reference " + manifest.referenceTime() + ") than the shared one ("
          + numLearners() + ", " + matrix.nnz() + ", " + ref + ")");
    }
  }

  /** Writes the learner table and the matrix into {@code dir}. */
  public void save(Path dir) throws IOException {
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(LEARNERS_FILE), "learners")) {
      w.writeInt(learners.size());
      for (int u = 0; u < learners.size(); u++) w.writeString(learners.id(u));
    }
    int nl = matrix.numLearners();
    int[] rowPtr = new int[nl + 1];
    byte[] flags = new byte[matrix.nnz()];
    for (int u = 0; u < nl; u++) {
      rowPtr[u + 1] = matrix.rowEnd(u);
      for (int p = matrix.rowStart(u); p < matrix.rowEnd(u); p++) flags[p] = matrix.flagsAt(p);
    }
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(MATRIX_FILE), "interactions")) {
      w.writeInt(nl);
      w.writeInt(matrix.numCourses());
      w.writeInts(rowPtr);
      w.writeInts(matrix.cols());
      w.writeFloats(matrix.vals());
      w.writeBytes(flags);
      order.write(w);
    }
  }

  /** Reads what {@link #save} wrote; the manifest supplies the event weights and reference time. */
  public static InteractionSnapshot load(Path dir, Dataset catalog, ComponentManifest manifest) throws IOException {
    String[] ids;
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve(LEARNERS_FILE), "learners")) {
      int n = r.readInt();
      if (n != manifest.learners()) throw new IOException(dir + ": " + n + " learners, manifest says " + manifest.learners());
      List<String> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) list.add(r.readString());
      r.finish();
      ids = list.toArray(String[]::new);
    }
    InteractionMatrix m;
    HistoryOrder order;
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve(MATRIX_FILE), "interactions")) {
      int nl = r.readInt();
      int nc = r.readInt();
      if (nl != ids.length || nc != catalog.numCourses()) {
        throw new IOException(dir + ": matrix is " + nl + " x " + nc + ", expected " + ids.length + " x " + catalog.numCourses());
      }
      int[] rowPtr = r.readInts(nl + 1);
      int[] cols = r.readInts(Integer.MAX_VALUE - 8);
      float[] vals = r.readFloats(cols.length);
      byte[] flags = r.readBytes(cols.length);
      try {
        m = InteractionMatrix.fromRows(nl, nc, rowPtr, cols, vals, flags);
      } catch (IllegalArgumentException e) {
        throw new IOException(dir + ": " + e.getMessage(), e);
      }
      try {
        order = HistoryOrder.read(r, m);
      } catch (IOException e) {
        throw new IOException(dir.resolve(MATRIX_FILE) + ": " + e.getMessage(), e);
      }
      r.finish();
    }
    Instant ref = manifest.referenceTime() == null ? null : Instant.parse(manifest.referenceTime());
    return new InteractionSnapshot(catalog, m, ids, manifest.eventWeights(), ref, order);
  }
}
