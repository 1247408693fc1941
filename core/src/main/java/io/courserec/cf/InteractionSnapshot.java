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
 * still knows which courses a learner took most recently. Serving reads every learner through {@link #rows()}: the
 * trained arrays in this JVM, or {@link LearnerRows#FILE} mapped from a model version, so a replica's heap does not
 * grow with learners (a loaded snapshot then has no {@link #matrix()}: it serves, it does not train).
 *
 * <p>Request events are weighted with the same {@link EventWeights} and reference time as training (an event
 * newer than the reference time counts with full weight). Recent events must not repeat training events; they
 * would be counted twice.
 */
public final class InteractionSnapshot {
  static final String LEARNERS_FILE = "learners.bin";
  static final String MATRIX_FILE = "interactions.bin";

  private final Dataset catalog;
  /** The trained matrix; null in a snapshot loaded with its rows mapped from disk ({@link LearnerRows}). */
  private final InteractionMatrix matrix;
  /** The model's learners; the catalog's own index when they are the catalog's learners in order (no copy). */
  private final IdIndex learners;
  private final EventWeights weights;
  private final Instant referenceTime;
  /** The training order of the matrix entries; null when the rows are mapped (they carry it). */
  private final HistoryOrder order;
  /** What serving reads of every learner: the matrix rows and order, on the heap or mapped. */
  private final LearnerRows rows;

  private InteractionSnapshot(Dataset catalog, InteractionMatrix matrix, String[] learnerIds, EventWeights weights,
                              Instant referenceTime, HistoryOrder order) {
    this(catalog, matrix, catalog.learnerIndex().sameIdsAs(learnerIds) ? catalog.learnerIndex()
        : IdIndex.of(java.util.Arrays.asList(learnerIds)), weights, referenceTime, order, LearnerRows.of(matrix, order));
  }

  private InteractionSnapshot(Dataset catalog, InteractionMatrix matrix, IdIndex learners, EventWeights weights,
                              Instant referenceTime, HistoryOrder order, LearnerRows rows) {
    if (rows.numCourses() != catalog.numCourses() || rows.numLearners() != learners.size()) {
      throw new IllegalArgumentException("matrix " + rows.numLearners() + " x " + rows.numCourses()
          + " does not match " + learners.size() + " learners x " + catalog.numCourses() + " courses");
    }
    this.catalog = catalog;
    this.matrix = matrix;
    this.learners = learners;
    this.weights = weights;
    this.referenceTime = referenceTime;
    this.order = order;
    this.rows = rows;
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
  /**
   * The trained matrix, for training on this snapshot; a snapshot whose rows were mapped from a model version has
   * none ({@link IllegalStateException}): serving reads {@link #rows()}.
   */
  public InteractionMatrix matrix() {
    if (matrix == null) throw new IllegalStateException("this snapshot was loaded with its rows mapped from disk; "
        + "training needs a snapshot built from data (InteractionSnapshot.build)");
    return matrix;
  }

  /** Every learner's row as serving reads it (heap or mapped). */
  public LearnerRows rows() { return rows; }
  public EventWeights weights() { return weights; }
  public Instant referenceTime() { return referenceTime; }
  public int numCourses() { return rows.numCourses(); }
  public int numLearners() { return learners.size(); }

  /** The order of every learner's courses, per matrix entry (training only, like {@link #matrix()}). */
  HistoryOrder order() {
    if (order == null) throw new IllegalStateException("this snapshot was loaded with its rows mapped from disk");
    return order;
  }

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
    LearnerRows m = rows;
    int start = u < 0 ? 0 : m.rowStart(u);
    int end = u < 0 ? 0 : m.rowEnd(u);
    int[] courses = new int[end - start + recent.size()];
    float[] w = new float[courses.length];
    int n = 0;
    int p = start;
    for (Map.Entry<Integer, Double> r : recent.entrySet()) {
      int c = r.getKey();
      while (p < end && m.col(p) < c) {
        courses[n] = m.col(p);
        w[n++] = m.val(p++);
      }
      float base = 0f;
      if (p < end && m.col(p) == c) base = m.val(p++);
      courses[n] = c;
      w[n++] = (float) (base + r.getValue());
    }
    while (p < end) {
      courses[n] = m.col(p);
      w[n++] = m.val(p++);
    }
    if (u >= 0) {
      for (int q = start; q < end; q++) {
        int c = m.col(q);
        byte f = m.flags(q);
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
    LearnerRows m = rows;
    int start = u < 0 ? 0 : m.rowStart(u);
    int trained = u < 0 ? 0 : m.rowEnd(u) - start;
    // key (larger = more recent): training rank 0..trained-1, then trained + index among the recent events;
    // keys are unique, so a bucket per key orders the history without sorting
    int[] key = new int[n];
    float[] age = new float[n];
    Arrays.fill(age, Float.NaN);
    for (int p = start; p < start + trained; p++) {
      int q = Arrays.binarySearch(ordinals, m.col(p));
      key[q] = m.rank(p);
      age[q] = m.ageDays(p);
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
        Math.toIntExact(rows.nnz()), referenceTime == null ? null : referenceTime.toString(), weights, params);
  }

  /**
   * Checks that this snapshot is the one a model with {@code manifest} was trained on (a model loaded onto a shared
   * snapshot must not silently score another data set's learners).
   */
  public void checkMatches(Path dir, ComponentManifest manifest) throws IOException {
    String ref = referenceTime == null ? null : referenceTime.toString();
    if (numLearners() != manifest.learners() || rows.nnz() != manifest.interactions()
        || !java.util.Objects.equals(ref, manifest.referenceTime()) || !weights.equals(manifest.eventWeights())) {
      throw new IOException(dir + ": the model was trained on another snapshot (" + manifest.learners() + " learners, "
          + manifest.interactions() + " interactions, reference " + manifest.referenceTime() + ") than the shared one ("
          + numLearners() + ", " + rows.nnz() + ", " + ref + ")");
    }
  }

  /**
   * Writes the learner table ({@value #LEARNERS_FILE}) and the rows ({@link LearnerRows#FILE}, mapped when loaded)
   * into {@code dir}.
   */
  public void save(Path dir) throws IOException {
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(LEARNERS_FILE), "learners")) {
      w.writeInt(learners.size());
      for (int u = 0; u < learners.size(); u++) w.writeString(learners.id(u));
    }
    rows.save(dir);
  }

  /** Reads what {@link #save} wrote; the manifest supplies the event weights and reference time. */
  public static InteractionSnapshot load(Path dir, Dataset catalog, ComponentManifest manifest) throws IOException {
    Instant reference = manifest.referenceTime() == null ? null : Instant.parse(manifest.referenceTime());
    if (java.nio.file.Files.isRegularFile(dir.resolve(LearnerRows.FILE))) {
      IdIndex ids = learnersOf(dir, catalog, manifest);
      LearnerRows rows = LearnerRows.load(dir, ids.size(), catalog.numCourses());
      return new InteractionSnapshot(catalog, null, ids, manifest.eventWeights(), reference, null, rows);
    }
    // a version saved before the rows were mapped: matrix and order onto the heap, as they were written
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
    return new InteractionSnapshot(catalog, m, ids, manifest.eventWeights(), reference, order);
  }

  /**
   * The snapshot's learners: the catalog's own index when {@value #LEARNERS_FILE} lists the catalog's learners in
   * order (compared while streaming, so nothing per learner stays on the heap), else an index of its own.
   */
  private static IdIndex learnersOf(Path dir, Dataset catalog, ComponentManifest manifest) throws IOException {
    IdIndex own = catalog.learnerIndex();
    List<String> differing = null;
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve(LEARNERS_FILE), "learners")) {
      int n = r.readInt();
      if (n != manifest.learners()) throw new IOException(dir + ": " + n + " learners, manifest says " + manifest.learners());
      for (int i = 0; i < n; i++) {
        String id = r.readString();
        if (differing == null && (n != own.size() || !own.id(i).equals(id))) {
          differing = new ArrayList<>(n);
          for (int k = 0; k < i; k++) differing.add(own.id(k));
        }
        if (differing != null) differing.add(id);
      }
      r.finish();
    }
    return differing == null ? own : IdIndex.of(differing);
  }
}
