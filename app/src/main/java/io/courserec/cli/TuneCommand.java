package io.courserec.cli;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.ErasedLearners;
import io.courserec.tuning.SelfTuner;
import io.courserec.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tune}: runs the tuning that {@code train} runs (hyper-parameters and blend weights on an inner validation
 * split of the data; see {@link SelfTuner}) and writes what it chose as a properties file and a Markdown report,
 * without training a model. Useful to inspect the choice, or to pin it: pass the file with {@code --config} and
 * train with {@code --no-tune}.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = "Fit hyper-parameters and blend weights on an inner validation split of the data; write them, train nothing.")
public final class TuneCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the chosen keys as a properties file (default reports/tuned.properties)")
  Path out = Path.of("reports", "tuned.properties");

  @Option(names = "--report", paramLabel = "FILE", description = "Markdown report (default reports/tuning.md)")
  Path report = Path.of("reports", "tuning.md");

  @Override
  public Integer call() throws IOException {
    Config config = common.config().with(ConfigKey.TUNE_ENABLED, true);
    Dataset data = ErasedLearners.open(config).loadData(config).dataset();
    TuningResult r;
    try (CliProgress progress = common.progress(config, "")) {
      r = SelfTuner.tune(config, data, progress.prefixed("tuning: "));
    }
    StringBuilder props = new StringBuilder("# chosen by ./courserec tune on " + config.path(ConfigKey.DATA_DIR) + "\n");
    for (String line : r.lines()) props.append(line).append('\n');
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    Files.writeString(out, props);
    if (report.getParent() != null) Files.createDirectories(report.getParent());
    Files.writeString(report, r.report());
    System.out.print(r.report());
    System.out.println("wrote " + out + " and " + report + "; use with --config FILE and train --no-tune to pin them");
    return 0;
  }
}
