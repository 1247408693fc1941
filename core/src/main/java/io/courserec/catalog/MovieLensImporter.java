package io.courserec.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a MovieLens directory into a complete data directory; the layout is detected from the files present.
 * <ul>
 *   <li><b>Classic</b> (ML-100K): {@code u.data} (tab-separated user, item, rating 1-5, epoch seconds; no header),
 *       {@code u.item} (pipe-separated id, title, release date, video release date, IMDb URL, then one 0/1 flag per
 *       genre of {@code u.genre}; ISO-8859-1, read as UTF-8 only when it is valid UTF-8), {@code u.genre}
 *       ({@code name|index}), and optionally {@code u.user} (id|age|gender|occupation|zip): when it is present its
 *       ids are the users and a rating by anyone else is rejected; age, gender, occupation and zip code have no
 *       place in users.csv and are dropped. The genre {@code unknown} means no genre. The IMDb URL becomes the url.</li>
 *   <li><b>Newer</b> (ML-latest, ML-25M ...): {@code ratings.csv} ({@code userId,movieId,rating,timestamp},
 *       half stars 0.5-5, mapped linearly onto 1-5 by {@link RatingScale}) and {@code movies.csv}
 *       ({@code movieId,title,genres}, genres separated by {@code |}, {@code (no genres listed)} for none). It is a
 *       generic import ({@link InteractionsImporter}) with those columns; tags.csv and links.csv are not read.</li>
 * </ul>
 * In both, genres become skills and the first genre the subject, titles stay as written (with their year), and
 * every rating becomes a {@code rate} event with its timestamp.
 */
public final class MovieLensImporter {
  private static final Logger log = LoggerFactory.getLogger(MovieLensImporter.class);

  static final String U_DATA = "u.data";
  static final String U_ITEM = "u.item";
  static final String U_GENRE = "u.genre";
  static final String U_USER = "u.user";
  static final String RATINGS = "ratings.csv";
  static final String MOVIES = "movies.csv";
  /** Fields of u.item before the genre flags. */
  private static final int ITEM_FIELDS = 5;

  private MovieLensImporter() {}

  /** Detects the layout of {@code dir}, imports it and writes the data directory {@code outDir}. */
  public static ImportedData run(Path dir, Path outDir, CleaningRules rules) {
    return run(dir, outDir, rules, Progress.NONE);
  }

  /** The same, counting the rating lines read on {@code progress}. */
  public static ImportedData run(Path dir, Path outDir, CleaningRules rules, Progress progress) {
    if (!Files.isDirectory(dir)) throw new DataException("MovieLens directory not found: " + dir);
    if (Files.exists(dir.resolve(U_DATA))) {
      require(dir, "classic", U_DATA, U_ITEM, U_GENRE);
      return classic(dir, outDir, rules, progress);
    }
    if (Files.exists(dir.resolve(RATINGS))) {
      require(dir, "newer", RATINGS, MOVIES);
      return newer(dir, outDir, rules, progress);
    }
    throw new DataException(dir + ": not a MovieLens directory: expected u.data (classic layout, with u.item and u.genre)"
        + " or ratings.csv (newer layout, with movies.csv)");
  }

  private static void require(Path dir, String layout, String... files) {
    for (String f : files) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new DataException(dir + ": " + f + " not found (the " + layout + " MovieLens layout needs "
            + String.join(", ", files) + ")");
      }
    }
  }

  private static ImportedData newer(Path dir, Path outDir, CleaningRules rules, Progress progress) {
    InteractionsImportOptions o = InteractionsImportOptions.builder().delimiter(",").userColumn("userId")
        .itemColumn("movieId").ratingColumn("rating").timeColumn("timestamp").timeUnit("s").ratingScale("0.5-5")
        .defaultEvent("rate").items(dir.resolve(MOVIES)).build();
    return InteractionsImporter.run(dir.resolve(RATINGS), o, outDir, rules, dir.toString(),
        List.of("layout: MovieLens newer (ratings.csv + movies.csv)"), progress);
  }

  private static ImportedData classic(Path dir, Path outDir, CleaningRules rules, Progress progress) {
    long start = System.nanoTime();
    ReportCollector report = new ReportCollector(rules.maxExamples());
    List<String> genres = genres(dir.resolve(U_GENRE));
    Charset itemCharset = charsetOf(dir.resolve(U_ITEM));
    CleanCatalog catalog = items(dir.resolve(U_ITEM), itemCharset, genres, rules, report);
    boolean hasUsers = Files.isRegularFile(dir.resolve(U_USER));
    List<String> users = hasUsers ? users(dir.resolve(U_USER), report) : null;
    List<String> notes = new ArrayList<>();
    notes.add("layout: MovieLens classic (u.data, u.item, u.genre" + (hasUsers ? ", u.user" : "; no u.user") + ")");
    notes.add("u.item read as " + itemCharset.name() + "; " + genres.size() + " genres from u.genre ('unknown' is no genre)");
    report.file(U_DATA, true);
    ImportedData result;
    try (CsvRecordReader r = CsvRecordReader.open(dir.resolve(U_DATA), U_DATA, dialect('\t'), Set.of(), List.of());
         ImportedDataWriter out = new ImportedDataWriter(outDir, report, catalog, U_ITEM, users, rules)) {
      r.expectFields(4);
      EventRowParser rows = new EventRowParser(new EventColumns(0, 1, 3, 2, -1),
          new TimestampReader(TimestampReader.Unit.SECONDS), RatingScale.FIVE, EventType.RATE, report, out);
      try (Counter lines = progress.count(U_DATA + " lines", EventRowParser.countLines(dir.resolve(U_DATA)))) {
        rows.readAll(null, r, lines);
      }
      notes.addAll(rows.notes());
      progress.stage("writing " + outDir);
      result = out.finish(dir.toString(), notes);
    }
    log.info("imported MovieLens {}: {} courses, {} users, {} interactions written to {} in {} ms", dir,
        result.courses(), result.users(), result.interactions(), outDir, (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  /** MovieLens' own files: never quoted, no header, ISO-8859-1 unless said otherwise. */
  private static CsvDialect dialect(char separator) {
    return new CsvDialect(separator, false, StandardCharsets.ISO_8859_1, false);
  }

  /** Genre names by index from u.genre ({@code name|index}, indexes 0..n-1 in any order); fatal when malformed. */
  static List<String> genres(Path file) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    try (CsvRecordReader r = CsvRecordReader.open(file, U_GENRE, dialect('|'), Set.of(), List.of())) {
      r.expectFields(2);
      for (CsvRow row = r.next(); row != null; row = r.next()) {
        String name = FieldValues.text(row.field(0));
        Integer index = FieldValues.count(row.field(1));
        if (row.problem() != null || name == null || index == null || byIndex.putIfAbsent(index, name) != null) {
          throw new DataException(U_GENRE + ":" + row.line() + ": expected 'genre|index' with a new index, got '"
              + String.join("|", row.values()) + "'");
        }
      }
    }
    if (byIndex.isEmpty() || byIndex.lastKey() != byIndex.size() - 1) {
      throw new DataException(U_GENRE + ": genre indexes must be 0 to n-1 without gaps, got " + byIndex.keySet());
    }
    return List.copyOf(byIndex.values());
  }

  /** UTF-8 when the whole file decodes as UTF-8, else ISO-8859-1 (the original encoding of u.item). */
  static Charset charsetOf(Path file) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return StandardCharsets.ISO_8859_1;
    } catch (IOException e) {
      throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static CleanCatalog items(Path file, Charset charset, List<String> genres, CleaningRules rules,
                                    ReportCollector report) {
    report.file(U_ITEM, true);
    CourseCleaner cleaner = new CourseCleaner(rules, report);
    CsvDialect d = new CsvDialect('|', false, charset, false);
    try (CsvRecordReader r = CsvRecordReader.open(file, U_ITEM, d, Set.of(), List.of())) {
      r.expectFields(ITEM_FIELDS + genres.size());
      for (CsvRow row = r.next(); row != null; row = r.next()) {
        if (!report.accept(row)) continue;
        List<String> flagged = new ArrayList<>();
        for (int g = 0; g < genres.size(); g++) {
          String flag = row.field(ITEM_FIELDS + g).strip();
          if (flag.equals("1") && !genres.get(g).equalsIgnoreCase("unknown")) flagged.add(genres.get(g));
          else if (!flag.equals("1") && !flag.equals("0")) {
            report.issue(U_ITEM, row.line(), IssueKind.BAD_GENRE_FLAG, genres.get(g) + " is '" + flag + "'", row.excerpt());
          }
        }
        cleaner.add(ItemFile.draft(row, row.field(0), row.field(1), flagged, row.field(4)));
      }
    }
    return cleaner.finish();
  }

  /** The user ids of u.user in file order; rows without an id are rejected, repeated ids merged. */
  private static List<String> users(Path file, ReportCollector report) {
    report.file(U_USER, true);
    Set<String> ids = new LinkedHashSet<>();
    try (CsvRecordReader r = CsvRecordReader.open(file, U_USER, dialect('|'), Set.of(), List.of())) {
      r.expectFields(5);
      for (CsvRow row = r.next(); row != null; row = r.next()) {
        if (!report.accept(row)) continue;
        String id = FieldValues.text(row.field(0));
        if (id == null) {
          report.issue(U_USER, row.line(), IssueKind.MISSING_VALUE, "user id is empty", row.excerpt());
        } else if (!ids.add(id)) {
          report.issue(U_USER, row.line(), IssueKind.DUPLICATE_ID, "user '" + id + "' listed before", row.excerpt());
        } else {
          report.loaded(U_USER);
        }
      }
    }
    return List.copyOf(ids);
  }
}
