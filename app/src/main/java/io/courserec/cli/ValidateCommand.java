package io.courserec.cli;

import io.courserec.catalog.DataException;
import io.courserec.catalog.LoadResult;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.ErasedLearners;
import io.courserec.learning.EdgeQuality;
import io.courserec.learning.GraphReport;
import io.courserec.learning.PrerequisiteInference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec validate [--data DIR] [--strict] [--report FILE.json]}: loads and cleans a data directory the
 * way every other command does, prints the quality report and writes it as JSON. Exit 0, or 1 with
 * {@code --strict} when any row was rejected; 2 for a fatal data problem (missing file or column). Also prints the
 * prerequisite graph the data gives (given or inferred edges, cycles broken) and, when the directory holds the
 * generator's {@code prerequisites-truth.csv}, how the inferred edges and the level-only baseline score against it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Load and clean a data directory; print the quality report and write it as JSON.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--strict", description = "Exit with code 1 when any row is rejected")
  boolean strict;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Where to write the JSON report (default: ${DEFAULT-VALUE})")
  Path report = Path.of("reports", "quality-report.json");

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Config config = common.config();
    Path dir = config.path(ConfigKey.DATA_DIR);
    LoadResult result;
    try {
      result = ErasedLearners.open(config).loadData(dir, config);
      result.report().writeJson(report);
    } catch (DataException e) {
      throw new UserError(e.getMessage(), e);
    }
    QualityReport q = result.report();
    PrintWriter out = spec.commandLine().getOut();
    out.print(q.toText());
    out.println();
    out.println("JSON report written to " + report);
    out.println();
    out.print(prerequisiteGraph(config, result.dataset(), dir));
    out.flush();
    if (strict && q.rejectedTotal() > 0) {
      spec.commandLine().getErr().println("strict: " + q.rejectedTotal() + " rows rejected");
      return 1;
    }
    return 0;
  }

  /** The graph's report; with a truth file beside the data, the inferred edges' precision and recall. */
  static String prerequisiteGraph(Config config, io.courserec.catalog.Dataset data, Path dir) {
    PrerequisiteInference.Result r = PrerequisiteInference.from(config)
        .build(data.courses(), data.interactions(), data::courseOrdinal);
    StringBuilder sb = new StringBuilder(GraphReport.toText(r, o -> data.course(o).id()));
    Path truthFile = dir.resolve(io.courserec.gen.DataGenerator.PREREQUISITES_TRUTH);
    if (Files.isRegularFile(truthFile)) {
      try {
        java.util.Set<Long> truth = EdgeQuality.readTruth(truthFile, data::courseOrdinal);
        sb.append("  against ").append(truthFile).append(":\n");
        sb.append("    inferred:   ").append(EdgeQuality.of(r.graph().edges(), truth).toText()).append('\n');
        sb.append("    level-only: ").append(EdgeQuality.levelBaseline(data.courses(), truth).toText()).append('\n');
      } catch (IOException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
    return sb.toString();
  }
}
