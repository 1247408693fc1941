package io.courserec.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The learner side of a data set — ids, profiles and training events — in one memory-mapped {@link ColumnFile}
 * instead of on the heap (issue 12): a serving replica keeps a model version's data set for as long as it serves
 * it, and its heap must not grow with the number of learners. The OS page cache keeps the pages of active learners
 * and may drop the rest. What stays on the heap is a few column handles and the vocabulary of distinct interests,
 * goals and languages (small: it grows with the catalog's tags, not with learners); a {@link Learner} or an
 * {@link Interaction} is decoded on each read, equal by value to the one written.
 *
 * <p>Layout (kind {@value #KIND}, after the {@link ColumnFile} header), for learner ordinals {@code 0..n-1} exactly as
 * the written {@link Dataset} numbers them and its {@code m} events:
 * <ol>
 *   <li>scalars: layout {@value #LAYOUT}, {@code n}, {@code m}, the number of courses (checked at open);</li>
 *   <li>ids: UTF-8 bytes concatenated, offsets (longs, {@code n+1}), and an open-addressing table of ordinal + 1
 *       (0 = empty, capacity a power of two &ge; 2n, linear probing from {@link IdIndex#slot}, which only depends
 *       on the specified {@link String#hashCode}), so {@link #ordinal} is a probe and a byte compare;</li>
 *   <li>profiles: the vocabulary (UTF-8 bytes, offsets), then per learner its level (byte), language (vocabulary
 *       id), and interests then goals as vocabulary ids ({@code tagStart} of {@code n+1}, {@code tagSplit} of
 *       {@code n}: interests are {@code [tagStart[u], tagSplit[u])}, goals {@code [tagSplit[u], tagStart[u+1])});</li>
 *   <li>events grouped by learner, input order kept within a learner ({@code eventStart} of {@code n+1}): learner
 *       ordinal, course ordinal, event type (byte), rating (double, NaN = none), epoch second (long,
 *       {@link Long#MIN_VALUE} = no time) and nano; then for every event in input order its grouped position, so
 *       {@link #interactions()} reads back in the order written;</li>
 *   <li>event ids, rare (API idempotency keys): the grouped positions that have one, ascending, and the ids as
 *       UTF-8 bytes and offsets.</li>
 * </ol>
 * About 30 bytes on disk per event and 30 plus the id per learner; on the heap nothing per learner. Reads allocate
 * only the returned objects (an id lookup of an ASCII id allocates nothing). Thread-safe: mapped reads are absolute.
 */
public final class LearnerTable {
  static final String KIND = "learners";
  static final long LAYOUT = 1;
  static final long NO_TIME = Long.MIN_VALUE;
  private static final EventType[] TYPES = EventType.values();
  private static final Level[] LEVELS = Level.values();

  private final List<Course> courses;
  private final int n;
  private final int m;
  private final Column.Bytes idBytes;
  private final Column.Longs idStart;
  private final Column.Ints slots;
  private final int mask;
  private final String[] vocabulary;
  private final Column.Bytes level;
  private final Column.Ints language;
  private final Column.Ints tagStart;
  private final Column.Ints tagSplit;
  private final Column.Ints tags;
  private final Column.Ints eventStart;
  private final Column.Ints learner;
  private final Column.Ints course;
  private final Column.Bytes type;
  private final Column.Doubles rating;
  private final Column.Longs second;
  private final Column.Ints nano;
  private final Column.Ints grouped;
  private final Column.Ints eventIdAt;
  private final Column.Longs eventIdStart;
  private final Column.Bytes eventIdBytes;
  private final MappedIds ids = new MappedIds(this);
  private final List<Learner> learners = new Learners();
  private final List<Interaction> interactions = new Interactions();

  private LearnerTable(Path file, List<Course> courses) throws IOException {
    this.courses = List.copyOf(courses);
    ColumnFile.Reader r = ColumnFile.open(file, KIND);
    long layout = r.readLong();
    if (layout != LAYOUT) throw new IOException(file + ": learner table layout " + layout + ", this build reads " + LAYOUT);
    n = r.readInt();
    m = r.readInt();
    int numCourses = r.readInt();
    if (n < 0 || m < 0 || numCourses != courses.size()) {
      throw new IOException(file + ": " + n + " learners, " + m + " events over " + numCourses
          + " courses; the catalog beside it has " + courses.size());
    }
    idBytes = r.bytes();
    idStart = sized(file, "id offsets", r.longs(), n + 1L);
    slots = sized(file, "id table", r.ints(), IdIndex.capacity(n));
    mask = (int) slots.size() - 1;
    vocabulary = strings(file, "vocabulary", r.bytes(), r.longs());
    level = sized(file, "levels", r.bytes(), n);
    language = sized(file, "languages", r.ints(), n);
    tagStart = sized(file, "tag offsets", r.ints(), n + 1L);
    tagSplit = sized(file, "tag splits", r.ints(), n);
    tags = sized(file, "tags", r.ints(), tagStart.get(n));
    eventStart = sized(file, "event offsets", r.ints(), n + 1L);
    if (eventStart.get(n) != m) throw new IOException(file + ": event offsets end at " + eventStart.get(n) + ", not " + m);
    learner = sized(file, "event learners", r.ints(), m);
    course = sized(file, "event courses", r.ints(), m);
    type = sized(file, "event types", r.bytes(), m);
    rating = sized(file, "ratings", r.doubles(), m);
    second = sized(file, "event seconds", r.longs(), m);
    nano = sized(file, "event nanos", r.ints(), m);
    grouped = sized(file, "input order", r.ints(), m);
    eventIdAt = r.ints();
    eventIdBytes = r.bytes();
    eventIdStart = sized(file, "event id offsets", r.longs(), eventIdAt.size() + 1);
    if (eventIdStart.get(eventIdAt.size()) != eventIdBytes.size()) {
      throw new IOException(file + ": event id offsets do not cover their " + eventIdBytes.size() + " bytes");
    }
    r.finish();
  }

  /** Writes the learners and events of {@code data}, ordinals as {@code data} numbers them (see the class comment). */
  public static void write(Path file, Dataset data) throws IOException {
    LearnerTableWriter.write(file, data);
  }

  /**
   * Maps {@code file}, checking its checksum and shape; an {@link IOException} names the file when it is damaged or
   * was written for a catalog of another size.
   *
   * @param courses the catalog the table's course ordinals refer to (the written data set's, in order)
   */
  public static LearnerTable open(Path file, List<Course> courses) throws IOException {
    return new LearnerTable(file, courses);
  }

  public List<Course> courses() { return courses; }
  public int numLearners() { return n; }

  /** Learner ordinal of {@code id}, or -1. */
  public int ordinal(String id) {
    return ids.ordinal(id);
  }

  /** The ids as an {@link IdIndex} reading this table. */
  public IdIndex ids() { return ids; }

  /** The learners by ordinal, each decoded when read. */
  public List<Learner> learners() { return learners; }

  /** Every event in the order written, each decoded when read. */
  public List<Interaction> interactions() { return interactions; }

  /** Learner {@code u}'s events in input order (a view; the id is decoded once, on the first read). */
  public List<Interaction> eventsOf(int u) {
    Objects.checkIndex(u, n);
    return new Events(u, null);
  }

  /** Learner {@code u}'s events, {@code id} being that learner's id (so it is not decoded again). */
  List<Interaction> eventsOf(int u, String id) {
    Objects.checkIndex(u, n);
    return new Events(u, id);
  }

  /** The learner at {@code u}, decoded (interests, goals and language are the shared vocabulary strings). */
  public Learner learner(int u) {
    Objects.checkIndex(u, n);
    int from = tagStart.get(u);
    int split = tagSplit.get(u);
    return new Learner(id(u), words(from, split), words(split, tagStart.get(u + 1)), LEVELS[level.get(u)],
        vocabulary[language.get(u)]);
  }

  private String id(int u) {
    return idBytes.utf8(idStart.get(u), idStart.get(u + 1));
  }

  private List<String> words(int from, int to) {
    if (from == to) return List.of();
    String[] w = new String[to - from];
    for (int i = 0; i < w.length; i++) w[i] = vocabulary[tags.get(from + i)];
    return List.of(w);
  }

  /** True when learner {@code u}'s id is {@code id}; no allocation for an ASCII id. */
  private boolean idIs(int u, String id) {
    long from = idStart.get(u);
    long len = idStart.get(u + 1) - from;
    int chars = id.length();
    if (len == chars) {
      // same length in bytes as in chars: equal only if both are ASCII
      for (int i = 0; i < chars; i++) {
        char c = id.charAt(i);
        if (c >= 0x80 || idBytes.get(from + i) != (byte) c) return false;
      }
      return true;
    }
    if (len < chars || len > 3L * chars) return false; // UTF-8 takes 1 to 3 bytes per UTF-16 char
    return idBytes.equalsAt(from, from + len, id.getBytes(StandardCharsets.UTF_8));
  }

  /** Event at grouped position {@code g}, of the learner whose id is {@code learnerId}. */
  private Interaction event(int g, String learnerId) {
    double r = rating.get(g);
    long s = second.get(g);
    return new Interaction(learnerId, courses.get(course.get(g)).id(), TYPES[type.get(g)], Double.isNaN(r) ? null : r,
        s == NO_TIME ? null : Instant.ofEpochSecond(s, nano.get(g)), eventId(g));
  }

  private String eventId(int g) {
    int lo = 0;
    int hi = (int) eventIdAt.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = eventIdAt.get(mid);
      if (at < g) lo = mid + 1;
      else if (at > g) hi = mid - 1;
      else return eventIdBytes.utf8(eventIdStart.get(mid), eventIdStart.get(mid + 1));
    }
    return null;
  }

  private static <C> C sized(Path file, String what, C column, long expected) throws IOException {
    long size = switch (column) {
      case Column.Ints c -> c.size();
      case Column.Longs c -> c.size();
      case Column.Bytes c -> c.size();
      case Column.Doubles c -> c.size();
      default -> throw new IllegalArgumentException(column.getClass().getName());
    };
    if (size != expected) throw new IOException(file + ": " + what + " has " + size + " values, expected " + expected);
    return column;
  }

  private static String[] strings(Path file, String what, Column.Bytes bytes, Column.Longs start) throws IOException {
    if (start.size() < 1 || start.get(start.size() - 1) != bytes.size()) {
      throw new IOException(file + ": " + what + " offsets do not cover their " + bytes.size() + " bytes");
    }
    String[] out = new String[Math.toIntExact(start.size() - 1)];
    for (int i = 0; i < out.length; i++) {
      long from = start.get(i);
      long to = start.get(i + 1);
      if (from < 0 || to < from || to > bytes.size()) throw new IOException(file + ": " + what + " offset " + i + " out of range");
      out[i] = bytes.utf8(from, to);
    }
    return out;
  }

  /** The table's ids as an {@link IdIndex}: probes the mapped table, compares mapped bytes. */
  static final class MappedIds extends IdIndex {
    private final LearnerTable t;

    private MappedIds(LearnerTable t) {
      this.t = t;
    }

    @Override
    public int ordinal(String id) {
      if (id == null) return -1;
      for (int slot = slot(id, t.mask); ; slot = (slot + 1) & t.mask) {
        int v = t.slots.get(slot);
        if (v == 0) return -1;
        if (t.idIs(v - 1, id)) return v - 1;
      }
    }

    @Override
    public String id(int ordinal) {
      Objects.checkIndex(ordinal, t.n);
      return t.id(ordinal);
    }

    @Override
    public int size() {
      return t.n;
    }

    @Override
    public boolean sameIdsAs(String[] other) {
      if (other.length != t.n) return false;
      for (int i = 0; i < other.length; i++) if (other[i] == null || !t.idIs(i, other[i])) return false;
      return true;
    }
  }

  private final class Learners extends AbstractList<Learner> implements RandomAccess {
    @Override
    public Learner get(int u) {
      return learner(u);
    }

    @Override
    public int size() {
      return n;
    }
  }

  private final class Interactions extends AbstractList<Interaction> implements RandomAccess {
    @Override
    public Interaction get(int i) {
      Objects.checkIndex(i, m);
      int g = grouped.get(i);
      return event(g, id(learner.get(g)));
    }

    @Override
    public int size() {
      return m;
    }
  }

  /** One learner's events; the learner's id is decoded at most once per view. */
  private final class Events extends AbstractList<Interaction> implements RandomAccess {
    private final int u;
    private final int from;
    private final int to;
    private String id;

    Events(int u, String id) {
      this.u = u;
      this.from = eventStart.get(u);
      this.to = eventStart.get(u + 1);
      this.id = id;
    }

    @Override
    public Interaction get(int k) {
      Objects.checkIndex(k, to - from);
      String i = id;
      if (i == null) id = i = LearnerTable.this.id(u); // a benign race: every thread decodes the same value
      return event(from + k, i);
    }

    @Override
    public int size() {
      return to - from;
    }
  }
}
