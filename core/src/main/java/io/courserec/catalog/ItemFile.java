package io.courserec.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item file of a log import ({@code item,title[,genres]} with a header, such as MovieLens' {@code movies.csv}),
 * read into courses: the separator is detected as for the log; the id column is found by name ({@code item_id},
 * {@code item}, {@code movieId}, {@code course_id}, {@code id} ...), likewise the title ({@code title},
 * {@code name}) and the optional genres ({@code genres}, {@code skills}, {@code tags} ...). Genres are a list
 * ({@code |}, {@code ;} or {@code ,}, see {@link FieldValues#list}) and become the course's skills, the first of
 * them also its subject; MovieLens' {@code (no genres listed)} means none. Titles are kept as written (a year in
 * the title stays there). Rows are cleaned like courses.csv rows ({@link CourseCleaner}): an empty id or title is
 * rejected, a repeated id merged into the first row.
 */
final class ItemFile {
  /** MovieLens' marker for an item without genres. */
  static final String NO_GENRES = "(no genres listed)";

  private static final List<String> ID_NAMES = List.of("item_id", "item", "itemid", "iid", "movie_id", "movieid",
      "course_id", "course", "product_id", "id");
  private static final List<String> TITLE_NAMES = List.of("title", "name", "item_title", "movie_title", "course_title");
  private static final List<String> GENRE_NAMES = List.of("genres", "genre", "skills", "tags", "categories", "category");

  private ItemFile() {}

  /** Reads and cleans the item file; its rows are counted in the report under the file's name. */
  static CleanCatalog read(Path file, CleaningRules rules, ReportCollector report) {
    String name = file.getFileName().toString();
    report.file(name, true);
    CourseCleaner cleaner = new CourseCleaner(rules, report);
    CsvDialect dialect = CsvDialect.CSV.withSeparator(CsvDialect.sniff(file, StandardCharsets.UTF_8));
    try (CsvRecordReader r = CsvRecordReader.open(file, name, dialect, Set.of(), List.of())) {
      Map<String, Integer> header = r.columns();
      int id = column(name, header, ID_NAMES, "item id");
      int title = column(name, header, TITLE_NAMES, "title");
      int genres = GENRE_NAMES.stream().filter(header::containsKey).findFirst().map(header::get).orElse(-1);
      List<String> unused = r.columnsOtherThan(Set.of(id, title, genres));
      if (!unused.isEmpty()) report.unknownColumns(name, unused);
      for (CsvRow row = r.next(); row != null; row = r.next()) {
        if (report.accept(row)) cleaner.add(draft(row, row.field(id), row.field(title), genres(row.field(genres)), null));
      }
    }
    return cleaner.finish();
  }

  private static int column(String file, Map<String, Integer> header, List<String> names, String what) {
    for (String n : names) {
      Integer i = header.get(n);
      if (i != null) return i;
    }
    throw new DataException(file + ": no " + what + " column (header has: " + String.join(", ", header.keySet())
        + "; expected one of " + String.join(", ", names) + ")");
  }

  /** The genres of a list field, without MovieLens' {@value #NO_GENRES}. */
  static List<String> genres(String raw) {
    List<String> out = new ArrayList<>(FieldValues.list(raw));
    out.removeIf(NO_GENRES::equalsIgnoreCase);
    return out;
  }

  /** An item row as a course draft: genres as skills, the first genre as subject, nothing invented. */
  static CourseDraft draft(CsvRow row, String id, String title, List<String> genres, String url) {
    return new CourseDraft(row.file(), row.line(), row.excerpt(), id, false, title, null, genres, null, null,
        genres.isEmpty() ? null : genres.get(0), null, null, null, null, null, url, List.of());
  }
}
