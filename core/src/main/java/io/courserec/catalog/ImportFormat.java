package io.courserec.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The external catalog formats {@link CatalogImporter} reads, each mapped column by column onto a
 * {@link CourseDraft}. Neither format has ids: each course gets {@link #generatedId a stable id} from its title and
 * institution. Nothing is invented: a field without a source stays empty.
 */
public enum ImportFormat {
  /**
   * Coursera 2024 skills catalog: Subject, Title, Institution, Learning Product, Level, Duration, Gained Skills,
   * Rate, Reviews. Gained Skills (comma-separated inside quotes) become skills, Rate the rating, Reviews the
   * rating count, Duration the duration text. There is no description, language or url; Learning Product
   * (course, specialization, guided project ...) has no place in the format and is dropped.
   */
  COURSERA(List.of("subject", "title", "institution", "learning_product", "level", "duration", "gained_skills", "rate",
      "reviews")) {
    @Override
    CourseDraft draft(CsvRow r) {
      return new CourseDraft(r.file(), r.line(), r.excerpt(), generatedId(r.get("title"), r.get("institution")), true,
          r.get("title"), null, FieldValues.list(r.get("gained_skills")), r.get("institution"), r.get("level"),
          r.get("subject"), null, null, r.get("duration"), r.get("rate"), r.get("reviews"), null, List.of());
    }
  },

  /**
   * edX catalog: title, summary, n_enrolled, course_type, institution, instructors, Level, subject, language,
   * subtitles, course_effort, course_length, price, course_description, course_syllabus, course_url. The
   * description is the summary followed by course_description; effort and length together make the duration
   * text ("2–3 hours per week, 2 Weeks"). There are no skills and no ratings: skills stay empty (the subject is
   * kept as the subject, not copied into skills) and n_enrolled, an enrolment count, is not a rating count, so it is
   * dropped with instructors, subtitles, price, course_type and the syllabus.
   */
  EDX(List.of("title", "summary", "n_enrolled", "course_type", "institution", "instructors", "level", "subject",
      "language", "subtitles", "course_effort", "course_length", "price", "course_description", "course_syllabus",
      "course_url")) {
    @Override
    CourseDraft draft(CsvRow r) {
      String summary = FieldValues.text(r.get("summary"));
      String body = FieldValues.text(r.get("course_description"));
      String description = body != null && summary != null && body.startsWith(summary) ? body : join(summary, body, " ");
      String duration = join(FieldValues.text(r.get("course_effort")), FieldValues.text(r.get("course_length")), ", ");
      return new CourseDraft(r.file(), r.line(), r.excerpt(), generatedId(r.get("title"), r.get("institution")), true,
          r.get("title"), description, List.of(), r.get("institution"), r.get("level"), r.get("subject"),
          r.get("language"), null, duration, null, null, r.get("course_url"), List.of());
    }
  };

  private final List<String> columns;

  ImportFormat(List<String> columns) {
    this.columns = columns;
  }

  /** Columns of the format, as {@link CsvRecordReader} names them (lower case, underscores). */
  List<String> columns() { return columns; }

  /** Columns without which the file is not this format. */
  List<String> required() { return List.of("title", "institution"); }

  abstract CourseDraft draft(CsvRow row);

  /** The format by name ({@code coursera}, {@code edx}), ignoring case. */
  public static Optional<ImportFormat> byName(String name) {
    for (ImportFormat f : values()) if (f.name().equalsIgnoreCase(name.strip())) return Optional.of(f);
    return Optional.empty();
  }

  /**
   * A stable id from title and institution: the title's ASCII slug (cut to at most 48 characters at a dash) plus
   * the first 8 hex digits of SHA-256 over the match keys of title and institution ({@code
   * "financial-markets-1b2c3d4e"}); {@code "course-" + hash} when the title has no ASCII letters. Rows whose title
   * and institution differ only in case, accents, punctuation or spacing get the same id, and are merged.
   */
  static String generatedId(String title, String institution) {
    String key = TextNormalizer.matchKey(title) + "\n" + TextNormalizer.matchKey(institution);
    String hash;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      hash = HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String slug = TextNormalizer.slug(title);
    if (slug.length() > 48) {
      int cut = slug.lastIndexOf('-', 48);
      slug = slug.substring(0, cut > 0 ? cut : 48);
    }
    return (slug.isEmpty() ? "course" : slug) + "-" + hash;
  }

  /** Both parts joined by {@code sep}, one of them when the other is null, null when both are. */
  private static String join(String a, String b, String sep) {
    if (a == null) return b;
    return b == null ? a : a + sep + b;
  }

  /** Lower-case name as used on the command line. */
  public String code() { return name().toLowerCase(Locale.ROOT); }
}
