package io.courserec.cli;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.ErasedLearners;
import io.courserec.eval.Split;
import io.courserec.eval.SplitKind;
import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.HybridTuner;
import io.courserec.hybrid.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tune}: tunes the hybrid's per-segment blend weights on a validation split. The data is first split the
 * way {@code evaluate --split random} splits it (same seed), and tuning only ever sees that split's training
 * part, which it splits again into tuning-train and validation: the evaluation's test events are never looked at,
 * so a later {@code evaluate} with the tuned weights stays honest.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = "Tune the hybrid's blend weights per learner segment on a validation split (never the test split).")
public final class TuneCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the tuned keys as a properties file (default reports/tuned-weights.properties)")
  Path out = Path.of("reports", "tuned-weights.properties");

  @Option(names = "--report", paramLabel = "FILE", description = "Markdown summary (default reports/tuning.md)")
  Path report = Path.of("reports", "tuning.md");

  @Override
  public Integer call() throws IOException {
    Config config = common.config();
    Dataset data = ErasedLearners.open(config).loadData(config).dataset();
    Split outer = SplitKind.RANDOM.create(config).split(data);
    System.err.println("tuning on the training part of the random split: " + outer.train().interactions().size() + " events");
    HybridTuner.Result r = HybridTuner.tune(config, outer.train(), m -> System.err.println("tune: " + m));
    StringBuilder md = new StringBuilder();
    md.append("## Hybrid weight tuning\n\n");
    md.append(String.format(Locale.ROOT, "Validation split inside the training part of `%s` (seed %d, config %s); %d s.%n%n",
        config.path(ConfigKey.DATA_DIR), config.longValue(ConfigKey.SEED), config.modelHash(), r.millis() / 1000));
    md.append("| segment | learners | NDCG@10 before | NDCG@10 after | trials | weights after (content, itemcf, usercf, mf, prior) |\n");
    md.append("|---|---:|---:|---:|---:|---|\n");
    for (HybridTuner.SegmentResult s : r.segments()) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %d | %s |%n", s.segment().code(), s.users(),
          s.ndcgBefore(), s.ndcgAfter(), s.trials(), weights(s.after())));
    }
    StringBuilder props = new StringBuilder("# tuned by ./courserec tune on " + config.path(ConfigKey.DATA_DIR) + "\n");
    for (Map.Entry<String, String> e : r.properties().entrySet()) props.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    Files.writeString(out, props);
    if (report.getParent() != null) Files.createDirectories(report.getParent());
    Files.writeString(report, md);
    System.out.print(md);
    System.out.println();
    System.out.print(props);
    System.out.println("wrote " + out + " and " + report + "; use with --config or copy the keys into config/courserec.properties");
    return 0;
  }

  private static String weights(BlendWeights w) {
    StringBuilder sb = new StringBuilder();
    for (Signal s : Signal.values()) sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", w.of(s)));
    return sb.toString();
  }
}
