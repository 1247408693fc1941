package io.courserec.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.LearnerTable;
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
 * The exact data set a model version was trained on ({@code dataset.bin} in the version directory, and since format 2
 * the learner table beside it), so a version is self-contained: loading it needs neither the data directory (which
 * may have changed since) nor the feedback store, and learner and course ordinals come back identical.
 *
 * <p><b>Format 2</b> (written now): {@code dataset.bin} holds the magic {@code CRDS}, the format number and the
 * catalog as one length-prefixed UTF-8 JSON document (Jackson; records as objects; its learner list is empty), and
 * nothing after it; the learners, their profiles and every training event are in {@value #LEARNERS} in the same
 * directory, a {@link LearnerTable} ({@link io.courserec.catalog.ColumnFile}: little-endian columns, CRC-checked).
 * {@link #read} maps that file and returns {@link Dataset#mapped}: a replica keeps this data set for as long as it
 * serves the version, and its heap must not grow with learners (issue 12); the OS page cache keeps the pages of the
 * learners being asked about. On the heap remain the catalog and the table's vocabulary of interests, goals and
 * languages. Both files are in the version's manifest ({@link ModelStore#seal} lists every file of the directory).
 *
 * <p><b>Format 1</b> (versions written before; still read): big-endian ({@link DataOutputStream}): magic, format, the
 * catalog and the learners as the JSON document, then the number of interactions and per interaction: learner
 * ordinal (int), course ordinal (int), event type ordinal (byte), a flag byte (1 = rating, 2 = timestamp, 4 = event
 * id), then the present parts: rating (double), timestamp (epoch second long, nano int), event id (modified UTF-8).
 * {@link #read} holds its interactions as heap columns ({@link Dataset#compact}) and shares the learners' interest,
 * goal and language strings.
 */
public final class DatasetFile {
  static final String NAME = "dataset.bin";
  private static final int MAGIC = 0x43524453; // "CRDS"
  /** The format {@link #write} writes. */
  static final int FORMAT = 2;
  /** The learner table of a format-2 {@code dataset.bin}, in the same directory. */
  static final String LEARNERS = "dataset-learners.col";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventType[] EVENTS = EventType.values();

  private DatasetFile() {}

  /** The catalog and learner part of the file. */
  record Header(List<Course> courses, List<Learner> learners) {}

  /** Writes {@code data} to {@code file} and its learner table to {@link #learnerTable} (first, so a half-written pair has no {@code dataset.bin}). */
  public static void write(Path file, Dataset data) throws IOException {
    LearnerTable.write(learnerTable(file), data);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      byte[] header = JSON.writeValueAsBytes(new Header(data.courses(), List.of()));
      out.writeInt(header.length);
      out.write(header);
    }
  }

  /** Where the learner table of {@code file} is: {@value #LEARNERS} beside {@code dataset.bin}. */
  static Path learnerTable(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
    return file.resolveSibling(stem + "-learners.col");
  }

  /**
   * Reads a file written by {@link #write} (format 2: the mapped data set) or by an earlier build (format 1: onto
   * the heap, events as columns); an {@link IOException} names what is wrong with a damaged file.
   */
  public static Dataset read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int format = format(in, file);
      Header h = header(in, file);
      if (format == 2) {
        if (in.read() != -1) throw new IOException(file + " has trailing bytes after its catalog");
        return Dataset.mapped(LearnerTable.open(learnerTable(file), h.courses()));
      }
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

  /**
   * The learners of a file (every learner with an interaction is one): format 1 reads only the header, format 2
   * maps the learner table (a view decoding each learner when read).
   */
  static List<Learner> learners(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int format = format(in, file);
      Header h = header(in, file);
      return format == 1 ? h.learners() : LearnerTable.open(learnerTable(file), h.courses()).learners();
    }
  }

  private static int format(DataInputStream in, Path file) throws IOException {
    if (in.readInt() != MAGIC) throw new IOException(file + " is not a courserec data set file");
    int format = in.readInt();
    if (format != 1 && format != 2) throw new IOException(file + " has format " + format + ", expected 1 or 2");
    return format;
  }

  private static Header header(DataInputStream in, Path file) throws IOException {
    byte[] header = new byte[checkedLength(in.readInt(), file)];
    in.readFully(header);
    return JSON.readValue(new String(header, StandardCharsets.UTF_8), new TypeReference<Header>() {});
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
