package io.courserec.catalog;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes courses, users and interactions in the canonical CSV format that {@link CatalogLoader} reads: the header
 * of {@link CatalogLoader#COURSE_COLUMNS} (and the users / interactions equivalents), UTF-8, RFC 4180 quoting by
 * jackson-dataformat-csv (fields with commas, quotes or newlines are quoted), lists joined with {@code |}.
 *
 * <p>Lists: a {@code |} inside an element is written as {@code /} (it would split the element on reading); a
 * one-element list whose element contains {@code ,} or {@code ;} is written with a trailing {@code |}, so the
 * reader does not split it at those characters. Numbers are written in their shortest exact form ({@code 12},
 * {@code 4.65}); timestamps as ISO-8601 instants; null as an empty field.
 *
 * <p>Use the static methods for whole collections, or {@link #open} to stream rows (the generator writes millions
 * of interactions this way).
 */
public final class CsvWriter implements Closeable {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final Writer out;
  private final SequenceWriter rows;
  private final int width;

  private CsvWriter(Path file, List<String> header) {
    try {
      if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      this.rows = MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out);
    } catch (IOException e) {
      throw new DataException("cannot write " + file + ": " + e.getMessage(), e);
    }
    this.width = header.size();
    writeRow(header.toArray(String[]::new));
  }

  /** A writer for courses.csv; write rows with {@link #write(Course)}. */
  public static CsvWriter openCourses(Path file) { return new CsvWriter(file, CatalogLoader.COURSE_COLUMNS); }

  /** A writer for users.csv; write rows with {@link #write(Learner)}. */
  public static CsvWriter openUsers(Path file) { return new CsvWriter(file, CatalogLoader.USER_COLUMNS); }

  /** A writer for interactions.csv; write rows with {@link #write(Interaction)}. */
  public static CsvWriter openInteractions(Path file) { return new CsvWriter(file, CatalogLoader.INTERACTION_COLUMNS); }

  /** Writes a whole catalog. */
  public static void writeCourses(Path file, Iterable<Course> courses) {
    try (CsvWriter w = openCourses(file)) {
      for (Course c : courses) w.write(c);
    }
  }

  /** Writes all learners. */
  public static void writeUsers(Path file, Iterable<Learner> learners) {
    try (CsvWriter w = openUsers(file)) {
      for (Learner l : learners) w.write(l);
    }
  }

  /** Writes all interactions. */
  public static void writeInteractions(Path file, Iterable<Interaction> interactions) {
    try (CsvWriter w = openInteractions(file)) {
      for (Interaction e : interactions) w.write(e);
    }
  }

  /** Writes one course row (only on a writer from {@link #openCourses}). */
  public void write(Course c) {
    row(c.id(), c.title(), c.description(), list(c.skills()), c.organization(), level(c.level()), c.subject(),
        c.language(), number(c.durationHours()), c.durationText(), number(c.rating()),
        c.numRatings() == null ? "" : c.numRatings().toString(), c.url(), list(c.prerequisites()));
  }

  /** Writes one learner row (only on a writer from {@link #openUsers}). */
  public void write(Learner l) {
    row(l.id(), list(l.interests()), list(l.goals()), level(l.level()), l.language());
  }

  /** Writes one interaction row (only on a writer from {@link #openInteractions}). */
  public void write(Interaction e) {
    row(e.userId(), e.courseId(), e.event().code(), number(e.rating()), e.timestamp() == null ? "" : e.timestamp().toString());
  }

  private void row(String... fields) {
    if (fields.length != width) {
      throw new IllegalStateException("row of " + fields.length + " fields written to a file with " + width + " columns");
    }
    writeRow(fields);
  }

  private void writeRow(String[] fields) {
    try {
      rows.write(fields);
    } catch (IOException e) {
      throw new DataException("cannot write CSV row: " + e.getMessage(), e);
    }
  }

  /** Joins a list with {@code |} as described in the class comment. */
  static String list(List<String> items) {
    List<String> safe = new ArrayList<>(items.size());
    for (String s : items) safe.add(s.replace('|', '/'));
    String joined = String.join("|", safe);
    if (safe.size() == 1 && (joined.indexOf(',') >= 0 || joined.indexOf(';') >= 0)) joined += "|";
    return joined;
  }

  private static String level(Level l) {
    return l == Level.UNKNOWN ? "" : l.code();
  }

  /** Shortest exact decimal form; empty for null. */
  static String number(Double d) {
    if (d == null) return "";
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() {
    try {
      rows.close();
      out.close();
    } catch (IOException e) {
      throw new DataException("cannot close CSV file: " + e.getMessage(), e);
    }
  }
}
