package io.courserec.cli;

import io.courserec.catalog.CatalogImporter;
import io.courserec.catalog.CleaningRules;
import io.courserec.catalog.DataException;
import io.courserec.catalog.ImportFormat;
import io.courserec.catalog.ImportedData;
import io.courserec.catalog.InteractionsImportOptions;
import io.courserec.catalog.InteractionsImporter;
import io.courserec.catalog.MovieLensImporter;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code courserec import --format FORMAT SOURCE --out DIR [--report FILE.json]}: converts external data, prints what
 * cleaning did and writes that report as JSON (default {@code reports/import-<format>-report.json}).
 * <ul>
 *   <li>{@code coursera|edx FILE}: a catalog export into a canonical {@code DIR/courses.csv}, cleaned like any
 *       courses.csv;</li>
 *   <li>{@code interactions FILE}: a generic {@code user,item,timestamp[,rating|event]} CSV or TSV log, read as the
 *       interactions options say, into a complete data directory (courses.csv, users.csv, interactions.csv);</li>
 *   <li>{@code movielens DIR}: a MovieLens directory, classic ({@code u.data}, {@code u.item}, {@code u.genre}) or
 *       newer ({@code ratings.csv}, {@code movies.csv}), into a complete data directory.</li>
 * </ul>
 * Exit 0; 2 for an unknown format, an option that does not apply to the format, or an unusable source.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a Coursera or edX catalog, a generic interactions log or a MovieLens directory.")
public final class ImportCommand implements Callable<Integer> {
  private static final String FORMATS = "coursera, edx, interactions or movielens";
  /** Options that only the interactions format reads. */
  private static final List<String> LOG_OPTIONS = List.of("--delimiter", "--no-header", "--user-col", "--item-col",
      "--time-col", "--rating-col", "--event-col", "--time-unit", "--rating-scale", "--default-event", "--items");

  @Mixin
  CommonOptions common;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Source format: " + FORMATS)
  String format;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "The file to import (a directory for movielens)")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output data directory (created if needed)")
  Path out;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Where to write the JSON report (default: reports/import-<format>-report.json)")
  Path report;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "interactions: field separator , ; | or tab (default: detected)")
  String delimiter;

  @Option(names = "--no-header", description = "interactions: the file has no header row (choose columns by 1-based index)")
  boolean noHeader;

  @Option(names = "--user-col", paramLabel = "NAME|INDEX", description = "interactions: user column (default: user_id, user, userId, ...; without header 1)")
  String userCol;

  @Option(names = "--item-col", paramLabel = "NAME|INDEX", description = "interactions: item column (default: item_id, item, movieId, course_id, ...; without header 2)")
  String itemCol;

  @Option(names = "--time-col", paramLabel = "NAME|INDEX", description = "interactions: timestamp column (default: timestamp, time, ts, date, ...; without header 3)")
  String timeCol;

  @Option(names = "--rating-col", paramLabel = "NAME|INDEX", description = "interactions: rating column (default: rating, score, stars; without header a numeric 4th column)")
  String ratingCol;

  @Option(names = "--event-col", paramLabel = "NAME|INDEX", description = "interactions: event column (default: event, event_type, action, type; without header a non-numeric 4th column)")
  String eventCol;

  @Option(names = "--time-unit", paramLabel = "auto|s|ms", description = "interactions: unit of numeric timestamps (default auto: by magnitude)")
  String timeUnit;

  @Option(names = "--rating-scale", paramLabel = "MIN-MAX", description = "interactions: rating scale mapped linearly onto 1-5 (default 1-5)")
  String ratingScale;

  @Option(names = "--default-event", paramLabel = "EVENT", description = "interactions: event of rows with neither rating nor event (default enroll)")
  String defaultEvent;

  @Option(names = "--items", paramLabel = "FILE", description = "interactions: item file item,title[,genres] with a header, for titles and genres")
  Path items;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String f = format.strip().toLowerCase(Locale.ROOT);
    Path reportFile = report != null ? report : Path.of("reports", "import-" + f + "-report.json");
    PrintWriter w = spec.commandLine().getOut();
    try {
      if (!f.equals("interactions")) rejectLogOptions(f);
      QualityReport q;
      String summary;
      if (f.equals("interactions") || f.equals("movielens")) {
        Config config = common.config();
        ImportedData d;
        try (CliProgress progress = common.progress(config, "import: ", spec.commandLine().getErr())) {
          d = f.equals("movielens") ? MovieLensImporter.run(file, out, CleaningRules.from(config), progress)
              : InteractionsImporter.run(file, logOptions(), out, CleaningRules.from(config), progress);
        }
        q = d.report();
        summary = "\n" + String.join("\n", d.notes()) + "\nwrote " + d.courses() + " courses, " + d.users() + " users and "
            + d.interactions() + " interactions to " + d.dir();
      } else {
        ImportFormat catalog = ImportFormat.byName(f).orElseThrow(() ->
            new UserError("unknown format '" + format + "': expected " + FORMATS));
        CatalogImporter.ImportResult result = CatalogImporter.run(catalog, file, out, CleaningRules.from(common.config()));
        q = result.report();
        summary = "wrote " + result.courses() + " courses to " + result.coursesCsv();
      }
      q.writeJson(reportFile);
      w.print(q.toText());
      w.println();
      w.println(summary + "; JSON report " + reportFile);
    } catch (DataException e) {
      throw new UserError(e.getMessage(), e);
    }
    w.flush();
    return 0;
  }

  private void rejectLogOptions(String f) {
    for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
      if (LOG_OPTIONS.contains(o.longestName())) {
        throw new UserError(o.longestName() + " applies to --format interactions only, not " + f);
      }
    }
  }

  private InteractionsImportOptions logOptions() {
    return InteractionsImportOptions.builder().delimiter(delimiter).noHeader(noHeader).userColumn(userCol)
        .itemColumn(itemCol).timeColumn(timeCol).ratingColumn(ratingCol).eventColumn(eventCol).timeUnit(timeUnit)
        .ratingScale(ratingScale).defaultEvent(defaultEvent).items(items).build();
  }
}
