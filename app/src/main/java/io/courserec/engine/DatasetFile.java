package io.courserec.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact data set a model version was trained on ({@code dataset.bin} in the version directory), so a version
 * is self-contained: loading it needs neither the data directory (which may have changed since) nor the feedback
 * store, and learner and course ordinals come back identical.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): the magic {@code CRDS}, a format number, the catalog and the
 * learners as one length-prefixed UTF-8 JSON document (Jackson; records as objects), then the number of
 * interactions and per interaction: learner ordinal (int), course ordinal (int), event type ordinal (byte), a flag
 * byte (1 = rating, 2 = timestamp, 4 = event id), then the present parts: rating (double), timestamp (epoch second
 * long, nano int), event id (modified UTF-8). Ids are stored once; {@link #read} holds the interactions as columns
 * ({@link Dataset#compact}, about 33 bytes an event, ids taken from the shared course and learner records) and
 * shares the learners' interest, goal and language strings, since a server keeps this data set for as long as it
 * serves the version.
 */
public final class DatasetFile {
  static final String NAME = "dataset.bin";
  private static final int MAGIC = 0x43524453; // "CRDS"
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventType[] EVENTS = EventType.values();

  private DatasetFile() {}

  /** The catalog and learner part of the file. */
  record Header(List<Course> courses, List<Learner> learners) {}

  /** Writes {@code data} to {@code file}. */
  public static void write(Path file, Dataset data) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      byte[] header = JSON.writeValueAsBytes(new Header(data.courses(), data.learners()));
      out.writeInt(header.length);
      out.write(header);
      out.writeInt(data.interactions().size());
      for (Interaction e : data.interactions()) {
        out.writeInt(data.learnerOrdinal(e.userId()));
        out.writeInt(data.courseOrdinal(e.courseId()));
        out.writeByte(e.event().ordinal());
        int flags = (e.rating() != null ? 1 : 0) | (e.timestamp() != null ? 2 : 0) | (e.eventId() != null ? 4 : 0);
        out.writeByte(flags);
        if (e.rating() != null) out.writeDouble(e.rating());
        if (e.timestamp() != null) {
          out.writeLong(e.timestamp().getEpochSecond());
          out.writeInt(e.timestamp().getNano());
        }
        if (e.eventId() != null) out.writeUTF(e.eventId());
      }
    }
  }

  /** Reads a file written by {@link #write}; an {@link IOException} names what is wrong with a damaged file. */
  public static Dataset read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) throw new IOException(file + " is not a courserec data set file");
      int format = in.readInt();
      if (format != FORMAT) throw new IOException(file + " has format " + format + ", expected " + FORMAT);
      byte[] header = new byte[checkedLength(in.readInt(), file)];
      in.readFully(header);
      Header h = JSON.readValue(new String(header, StandardCharsets.UTF_8), new TypeReference<Header>() {});
      int n = checkedLength(in.readInt(), file);
      List<Interaction> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Learner learner = h.learners().get(in.readInt());
        Course course = h.courses().get(in.readInt());
        EventType event = EVENTS[in.readUnsignedByte()];
        int flags = in.readUnsignedByte();
        Double rating = (flags & 1) != 0 ? in.readDouble() : null;
        Instant time = (flags & 2) != 0 ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
        String eventId = (flags & 4) != 0 ? in.readUTF() : null;
        events.add(new Interaction(learner.id(), course.id(), event, rating, time, eventId));
      }
      if (in.read() != -1) throw new IOException(file + " has trailing bytes after " + n + " interactions");
      // a server reads this file to hold the version's events for history and profile lookups: as columns
      return Dataset.compact(h.courses(), dedupe(h.learners()), events);
    } catch (IndexOutOfBoundsException e) {
      throw new IOException(file + " references an ordinal outside its catalog or learners: " + e.getMessage(), e);
    }
  }

  /** The learners of a file (every learner with an interaction is one), reading only the header. */
  static List<Learner> learners(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) throw new IOException(file + " is not a courserec data set file");
      in.readInt();
      byte[] header = new byte[checkedLength(in.readInt(), file)];
      in.readFully(header);
      return JSON.readValue(new String(header, StandardCharsets.UTF_8), new TypeReference<Header>() {}).learners();
    }
  }

  /**
   * The learners with one string object per distinct interest, goal and language (JSON gives each learner its own
   * copies: at 200k learners about a million duplicate strings).
   */
  static List<Learner> dedupe(List<Learner> learners) {
    Map<String, String> pool = new HashMap<>();
    List<Learner> out = new ArrayList<>(learners.size());
    for (Learner l : learners) {
      out.add(new Learner(l.id(), pooled(l.interests(), pool), pooled(l.goals(), pool), l.level(),
          pool.computeIfAbsent(l.language(), k -> k)));
    }
    return out;
  }

  private static List<String> pooled(List<String> values, Map<String, String> pool) {
    if (values.isEmpty()) return values;
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) out.add(pool.computeIfAbsent(v, k -> k));
    return out;
  }

  private static int checkedLength(int n, Path file) throws IOException {
    if (n < 0) throw new IOException(file + " is damaged (negative length " + n + ")");
    return n;
  }
}
