package io.courserec.catalog;

import io.courserec.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a data directory ({@code courses.csv}, optional {@code users.csv} and {@code interactions.csv}) into a
 * cleaned {@link Dataset} plus a {@link QualityReport}. Courses are cleaned first ({@link CourseCleaner}), then
 * learners ({@link LearnerCleaner}, sharing the skill vocabulary), then interactions are streamed and checked
 * ({@link InteractionValidator}). Every row read ends up loaded, merged or rejected; rows never stop a load.
 * Fatal problems (missing courses.csv or data directory, a required column missing, an unreadable file) throw
 * {@link DataException}.
 *
 * <p>Erased learners: a load may be given a predicate on user ids ({@code erased}); rows of users.csv and
 * interactions.csv whose {@code user_id} it accepts are counted as rejected with reason {@code erased learner},
 * before any other check, and their examples in the report carry neither the row nor the id.
 */
public final class CatalogLoader {
  private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

  /** The courses.csv file name. */
  public static final String COURSES = "courses.csv";
  /** Columns of courses.csv, in the canonical order {@link CsvWriter} writes. */
  public static final List<String> COURSE_COLUMNS = List.of("course_id", "title", "description", "skills",
      "organization", "level", "subject", "language", "duration_hours", "duration_text", "rating", "num_ratings", "url",
      "prerequisites");
  /** Columns of users.csv. */
  public static final List<String> USER_COLUMNS = List.of("user_id", "interests", "goals", "level", "language");
  /** Columns of interactions.csv. */
  public static final List<String> INTERACTION_COLUMNS = List.of("user_id", "course_id", "event", "rating", "timestamp");

  private CatalogLoader() {}

  /** Loads and cleans a data directory with the rules from {@code config}. */
  public static LoadResult load(Path dataDir, Config config) {
    return load(dataDir, CleaningRules.from(config));
  }

  /** Loads and cleans a data directory with explicit rules. */
  public static LoadResult load(Path dataDir, CleaningRules rules) {
    return load(dataDir, rules, id -> false);
  }

  /** Loads and cleans a data directory, dropping the rows of learners {@code erased} accepts (see the class comment). */
  public static LoadResult load(Path dataDir, CleaningRules rules, Predicate<String> erased) {
    if (!Files.isDirectory(dataDir)) throw new DataException("data directory not found: " + dataDir);
    long start = System.nanoTime();
    ReportCollector report = new ReportCollector(rules.maxExamples());
    CourseCleaner courses = new CourseCleaner(rules, report);
    readCourses(dataDir.resolve(COURSES), COURSES, courses, report);
    CleanCatalog catalog = courses.finish();

    Path usersFile = dataDir.resolve(LearnerCleaner.FILE);
    List<Learner> learners = null;
    report.file(LearnerCleaner.FILE, Files.exists(usersFile));
    if (Files.exists(usersFile)) {
      LearnerCleaner cleaner = new LearnerCleaner(rules, report, courses.skills());
      try (CsvRecordReader r = open(usersFile, LearnerCleaner.FILE, USER_COLUMNS, List.of("user_id"), report)) {
        for (CsvRow row = r.next(); row != null; row = r.next()) {
          if (!erasedRow(row, erased, report) && accept(row, report)) cleaner.add(row);
        }
      }
      learners = cleaner.finish();
    }

    Path eventsFile = dataDir.resolve(InteractionValidator.FILE);
    List<Interaction> interactions = new ArrayList<>();
    report.file(InteractionValidator.FILE, Files.exists(eventsFile));
    if (Files.exists(eventsFile)) {
      InteractionValidator validator = new InteractionValidator(report, catalog, learners);
      try (CsvRecordReader r = open(eventsFile, InteractionValidator.FILE, INTERACTION_COLUMNS,
          List.of("user_id", "course_id", "event"), report)) {
        for (CsvRow row = r.next(); row != null; row = r.next()) {
          if (erasedRow(row, erased, report) || !accept(row, report)) continue;
          Interaction e = validator.check(row);
          if (e != null) interactions.add(e);
        }
      }
      report.normalization(report.normalization().withInteractionsRemapped(validator.remapped()));
    }
    Dataset dataset = Dataset.of(catalog.courses(), learners == null ? List.of() : learners, interactions);
    QualityReport q = report.build(dataDir.toString());
    log.info("loaded {}: {} courses, {} learners, {} interactions; {} rows merged, {} rejected in {} ms", dataDir,
        dataset.numCourses(), dataset.numLearners(), interactions.size(), q.mergedTotal(), q.rejectedTotal(),
        (System.nanoTime() - start) / 1_000_000);
    return new LoadResult(dataset, q);
  }

  /** Loads and cleans a catalog file alone (no learners, no interactions). */
  public static LoadResult loadCourses(Path coursesCsv, Config config) {
    return loadCourses(coursesCsv, CleaningRules.from(config));
  }

  /** Loads and cleans a catalog file alone with explicit rules. */
  public static LoadResult loadCourses(Path coursesCsv, CleaningRules rules) {
    ReportCollector report = new ReportCollector(rules.maxExamples());
    CourseCleaner courses = new CourseCleaner(rules, report);
    String name = coursesCsv.getFileName().toString();
    readCourses(coursesCsv, name, courses, report);
    CleanCatalog catalog = courses.finish();
    return new LoadResult(Dataset.of(catalog.courses(), List.of(), List.of()), report.build(coursesCsv.toString()));
  }

  private static void readCourses(Path file, String name, CourseCleaner cleaner, ReportCollector report) {
    report.file(name, true);
    try (CsvRecordReader r = open(file, name, COURSE_COLUMNS, List.of("course_id", "title"), report)) {
      for (CsvRow row = r.next(); row != null; row = r.next()) {
        if (accept(row, report)) cleaner.add(draft(row));
      }
    }
  }

  private static CourseDraft draft(CsvRow row) {
    return new CourseDraft(row.file(), row.line(), row.excerpt(), row.get("course_id"), false, row.get("title"),
        row.get("description"), FieldValues.list(row.get("skills")), row.get("organization"), row.get("level"),
        row.get("subject"), row.get("language"), row.get("duration_hours"), row.get("duration_text"), row.get("rating"),
        row.get("num_ratings"), row.get("url"), FieldValues.list(row.get("prerequisites")));
  }

  static CsvRecordReader open(Path file, String name, List<String> known, List<String> required, ReportCollector report) {
    CsvRecordReader r = CsvRecordReader.open(file, name, Set.copyOf(known), required);
    if (!r.unknownColumns().isEmpty()) {
      log.warn("{}: ignoring unknown columns {}", name, r.unknownColumns());
      report.unknownColumns(name, r.unknownColumns());
    }
    return r;
  }

  /** Counts and rejects the row when it belongs to an erased learner; the report gets no excerpt of it. */
  private static boolean erasedRow(CsvRow row, Predicate<String> erased, ReportCollector report) {
    String id = FieldValues.text(row.get("user_id"));
    if (id == null || !erased.test(id)) return false;
    report.read(row.file());
    report.issue(row.file(), row.line(), IssueKind.ERASED_LEARNER, "", null);
    return true;
  }

  /** Counts the row as read; rejects it when it is malformed as a whole. */
  static boolean accept(CsvRow row, ReportCollector report) {
    return report.accept(row);
  }
}
