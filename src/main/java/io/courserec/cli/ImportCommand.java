package io.courserec.cli;

import io.courserec.catalog.CatalogImporter;
import io.courserec.catalog.CleaningRules;
import io.courserec.catalog.DataException;
import io.courserec.catalog.ImportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code courserec import --format coursera|edx FILE --out DIR [--report FILE.json]}: converts an external catalog
 * into a canonical {@code DIR/courses.csv}, cleaned like any courses.csv, prints what cleaning did and writes that
 * report as JSON (default {@code reports/import-<format>-report.json}). Exit 0; 2 for an unknown format or an
 * unusable file.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a Coursera or edX catalog CSV into a canonical courses.csv.")
public final class ImportCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--format", required = true, paramLabel = "coursera|edx", description = "Source catalog format")
  String format;

  @Parameters(index = "0", paramLabel = "FILE", description = "The catalog CSV to import")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for courses.csv (created if needed)")
  Path out;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Where to write the JSON report (default: reports/import-<format>-report.json)")
  Path report;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ImportFormat f = ImportFormat.byName(format).orElseThrow(() ->
        new UserError("unknown format '" + format + "': expected coursera or edx"));
    Path reportFile = report != null ? report : Path.of("reports", "import-" + f.code() + "-report.json");
    CatalogImporter.ImportResult result;
    try {
      result = CatalogImporter.run(f, file, out, CleaningRules.from(common.config()));
      result.report().writeJson(reportFile);
    } catch (DataException e) {
      throw new UserError(e.getMessage(), e);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.print(result.report().toText());
    w.println();
    w.println("wrote " + result.courses() + " courses to " + result.coursesCsv() + "; JSON report " + reportFile);
    w.flush();
    return 0;
  }
}
