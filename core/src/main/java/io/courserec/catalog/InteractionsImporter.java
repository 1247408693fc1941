package io.courserec.catalog;

import java.nio.charset.StandardCharsets;
import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a generic interactions log ({@code user,item,timestamp[,rating|event]}, CSV or TSV, with or without a
 * header) into a complete data directory that every command accepts: {@code courses.csv} (one course per item; the
 * title and genres from the optional item file, else {@code Item <id>}), {@code users.csv}, {@code interactions.csv},
 * plus {@code import.txt} saying how the log was read. The log is streamed once: memory grows with the number of
 * distinct users and items, not with the rows (see {@link ImportedDataWriter}).
 *
 * <p>How each part is read: the separator ({@link CsvDialect#sniff}), the columns ({@link EventColumns}), each row
 * ({@link EventRowParser}: event type, rating scale, timestamps), the item file ({@link ItemFile}). Every row of
 * every source file is counted in the {@link QualityReport} as loaded, merged (duplicate) or rejected.
 */
public final class InteractionsImporter {
  private static final Logger log = LoggerFactory.getLogger(InteractionsImporter.class);

  private InteractionsImporter() {}

  /** Reads {@code file} as {@code options} say and writes the data directory {@code outDir}. */
  public static ImportedData run(Path file, InteractionsImportOptions options, Path outDir, CleaningRules rules) {
    return run(file, options, outDir, rules, Progress.NONE);
  }

  /** The same, counting the lines read on {@code progress}. */
  public static ImportedData run(Path file, InteractionsImportOptions options, Path outDir, CleaningRules rules,
                                 Progress progress) {
    return run(file, options, outDir, rules, file.toString(), List.of(), progress);
  }

  /**
   * The same with the report's source named and notes put first (the MovieLens importer's layout line).
   */
  static ImportedData run(Path file, InteractionsImportOptions o, Path outDir, CleaningRules rules, String source,
                          List<String> leadingNotes, Progress progress) {
    long start = System.nanoTime();
    refuseOverwriting(outDir, file, o.items);
    ReportCollector report = new ReportCollector(rules.maxExamples());
    List<String> notes = new ArrayList<>(leadingNotes);
    CleanCatalog catalog = o.items == null ? new CleanCatalog(List.of(), Map.of()) : ItemFile.read(o.items, rules, report);
    String name = file.getFileName().toString();
    char separator = o.separator != null ? o.separator : CsvDialect.sniff(file, StandardCharsets.UTF_8);
    CsvDialect dialect = CsvDialect.CSV.withSeparator(separator).withHeader(o.header);
    report.file(name, true);
    ImportedData result;
    try (CsvRecordReader r = CsvRecordReader.open(file, name, dialect, Set.of(), List.of())) {
      Map<String, Integer> header = o.header ? r.columns() : null;
      CsvRow first = r.next();
      if (first == null && header == null) throw new DataException(name + " is empty");
      EventColumns columns = EventColumns.resolve(name, header, r.fields(), first, o.columns);
      if (header != null) {
        Set<Integer> used = new HashSet<>();
        for (EventColumns.Role role : EventColumns.Role.values()) used.add(columns.of(role));
        List<String> unused = r.columnsOtherThan(used);
        if (!unused.isEmpty()) report.unknownColumns(name, unused);
      }
      notes.add(name + ": " + dialect.separatorName() + "-separated" + (o.separator == null ? " (detected)" : "")
          + (o.header ? ", with a header" : ", no header"));
      notes.add(columns.describe(header));
      String itemFile = o.items == null ? null : o.items.getFileName().toString();
      try (ImportedDataWriter out = new ImportedDataWriter(outDir, report, catalog, itemFile, null, rules)) {
        EventRowParser rows = new EventRowParser(columns, new TimestampReader(o.timeUnit), o.ratingScale,
            o.defaultEvent, report, out);
        try (Counter lines = progress.count(name + " lines", EventRowParser.countLines(file))) {
          rows.readAll(first, r, lines);
        }
        notes.addAll(rows.notes());
        progress.stage("writing " + outDir);
        result = out.finish(source, notes);
      }
    }
    log.info("imported {}: {} courses, {} users, {} interactions written to {} in {} ms", source, result.courses(),
        result.users(), result.interactions(), outDir, (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  /** Fails when a file to be written is one of the sources (a data directory imported onto itself). */
  private static void refuseOverwriting(Path outDir, Path... sources) {
    for (String written : List.of(CatalogLoader.COURSES, LearnerCleaner.FILE, InteractionValidator.FILE, ImportedData.NOTES)) {
      Path target = outDir.resolve(written).toAbsolutePath().normalize();
      for (Path source : sources) {
        if (source != null && source.toAbsolutePath().normalize().equals(target)) {
          throw new DataException(source + " would be overwritten by the import: choose another --out directory");
        }
      }
    }
  }
}
