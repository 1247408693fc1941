package io.courserec.catalog.gen;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.courserec.catalog.Course;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;

/**
 * The canonical column layout of {@code courses.csv}, {@code users.csv} and {@code interactions.csv} as the
 * generator writes them, and the conversion of records to rows. Lists are joined with {@code |}; absent optional
 * values are empty fields; timestamps are ISO-8601 UTC with second precision; Jackson quotes fields as needed.
 */
public final class CanonicalCsv {
  public static final List<String> COURSE_COLUMNS = List.of("course_id", "title", "description", "skills",
      "organization", "level", "subject", "language", "duration_hours", "rating", "num_ratings", "url", "prerequisites");
  public static final List<String> USER_COLUMNS = List.of("user_id", "interests", "goals", "level", "language");
  public static final List<String> INTERACTION_COLUMNS = List.of("user_id", "course_id", "event", "rating", "timestamp");

  /** One shared mapper; its writers are immutable and thread-safe. */
  static final CsvMapper MAPPER = new CsvMapper();

  private CanonicalCsv() {}

  /** Schema with the given columns, in order, without header (headers are written by the caller). */
  static CsvSchema schema(List<String> columns) {
    CsvSchema.Builder b = CsvSchema.builder();
    for (String c : columns) b.addColumn(c);
    return b.build().withoutHeader().withLineSeparator("\n");
  }

  static String header(List<String> columns) {
    return String.join(",", columns) + "\n";
  }

  static String[] courseRow(Course c) {
    return new String[] {c.id(), c.title(), c.description(), String.join("|", c.skills()), c.organization(),
        c.level() == Level.UNKNOWN ? "" : c.level().code(), c.subject(),
        c.language(), number(c.durationHours()), number(c.rating()),
        c.numRatings() == null ? "" : c.numRatings().toString(), c.url(), String.join("|", c.prerequisites())};
  }

  static String[] learnerRow(Learner l) {
    return new String[] {l.id(), String.join("|", l.interests()), String.join("|", l.goals()),
        l.level() == Level.UNKNOWN ? "" : l.level().code(), l.language()};
  }

  static String[] interactionRow(String userId, String courseId, String event, int rating, long epochSecond) {
    return new String[] {userId, courseId, event, rating > 0 ? Integer.toString(rating) : "",
        Instant.ofEpochSecond(epochSecond).toString()};
  }

  /**
   * Reads a canonical {@code courses.csv} (header required, columns in any order, unknown columns ignored): a small
   * reader for {@code generate --catalog} that applies no cleaning. Lists split on {@code |} or {@code ;}.
   *
   * @throws IllegalArgumentException naming file and line for a missing id/title column or value, a duplicate id,
   *     or a number that does not parse
   */
  public static List<Course> readCourses(Path file) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Course> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema).readValues(r)) {
      while (it.hasNextValue()) {
        Map<String, String> row = it.nextValue();
        long line = it.getCurrentLocation().getLineNr();
        String id = value(row, "course_id");
        String title = value(row, "title");
        if (id.isEmpty() || title.isEmpty()) {
          throw new IllegalArgumentException(file + " line " + line + ": course_id and title are required");
        }
        if (!ids.add(id)) throw new IllegalArgumentException(file + " line " + line + ": duplicate course_id " + id);
        try {
          out.add(new Course(id, title, value(row, "description"), list(value(row, "skills")),
              value(row, "organization"), Level.fromCode(value(row, "level")).orElse(Level.UNKNOWN),
              value(row, "subject"), value(row, "language"), decimal(value(row, "duration_hours")), "",
              decimal(value(row, "rating")), integer(value(row, "num_ratings")), value(row, "url"),
              list(value(row, "prerequisites"))));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + " line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (RuntimeJsonMappingException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse("malformed CSV"), e);
    }
    return out;
  }

  private static String value(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null ? "" : v.strip();
  }

  private static List<String> list(String v) {
    if (v.isEmpty()) return List.of();
    return Arrays.stream(v.split("[|;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Double decimal(String v) {
    return v.isEmpty() ? null : Double.valueOf(v);
  }

  private static Integer integer(String v) {
    return v.isEmpty() ? null : (int) Math.round(Double.parseDouble(v));
  }

  /** Shortest plain decimal: 12.0 -> "12", 4.55 -> "4.55"; null -> "". */
  static String number(Double d) {
    if (d == null) return "";
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
