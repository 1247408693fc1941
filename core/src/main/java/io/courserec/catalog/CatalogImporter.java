package io.courserec.catalog;

import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an external catalog ({@link ImportFormat}) into a canonical {@code courses.csv}: each row is mapped to a
 * {@link CourseDraft} and goes through the same cleaning as a loaded courses.csv ({@link CourseCleaner}: names,
 * levels, durations, duplicates), then the clean catalog is written with {@link CsvWriter}. Loading the written
 * file again changes nothing and rejects nothing.
 */
public final class CatalogImporter {
  private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);

  /**
   * What an import wrote and the report of what cleaning did to the source rows.
   *
   * @param coursesCsv the written file
   * @param courses number of courses written
   */
  public record ImportResult(Path coursesCsv, int courses, QualityReport report) {}

  private CatalogImporter() {}

  /** Reads {@code source} in {@code format}, cleans it and writes {@code outDir/courses.csv}. */
  public static ImportResult run(ImportFormat format, Path source, Path outDir, CleaningRules rules) {
    long start = System.nanoTime();
    String name = source.getFileName().toString();
    ReportCollector report = new ReportCollector(rules.maxExamples());
    report.file(name, true);
    CourseCleaner cleaner = new CourseCleaner(rules, report);
    try (CsvRecordReader r = CatalogLoader.open(source, name, format.columns(), format.required(), report)) {
      for (CsvRow row = r.next(); row != null; row = r.next()) {
        if (CatalogLoader.accept(row, report)) cleaner.add(format.draft(row));
      }
    }
    CleanCatalog catalog = cleaner.finish();
    Path out = outDir.resolve(CatalogLoader.COURSES);
    CsvWriter.writeCourses(out, catalog.courses());
    QualityReport q = report.build(source.toString());
    log.info("imported {} ({}): {} rows, {} courses written to {} in {} ms", source, format.code(),
        q.files().get(0).rowsRead(), catalog.courses().size(), out, (System.nanoTime() - start) / 1_000_000);
    return new ImportResult(out, catalog.courses().size(), q);
  }
}
