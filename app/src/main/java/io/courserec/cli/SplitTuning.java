package io.courserec.cli;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.progress.Progress;
import io.courserec.tuning.SelfTuner;
import io.courserec.tuning.TuningResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tuning inside {@code evaluate}: every algorithm of a split is trained with what tuning chose on that split's
 * training part, exactly as {@code train} would on the same data, so offline numbers measure what is shipped and
 * the split's test learners are never seen by tuning. One tuning per training set, shared by the algorithms.
 */
final class SplitTuning {
  private static final Logger log = LoggerFactory.getLogger(SplitTuning.class);
  private final Config config;
  private final Progress progress;
  private final Map<Dataset, TuningResult> done = new IdentityHashMap<>();
  private final List<Dataset> order = new ArrayList<>();

  /** @param progress hears tuning's stages (they go to the log as well) */
  SplitTuning(Config config, Progress progress) {
    this.config = config;
    this.progress = progress;
  }

  /** The configuration to train on {@code train} with: the configured one with what tuning chose for it. */
  synchronized Config configFor(Dataset train) {
    TuningResult r = done.get(train);
    if (r == null) {
      r = SelfTuner.tune(config, train, progress.alsoTo(log::info).prefixed("tuning: "));
      done.put(train, r);
      order.add(train);
    }
    return r.apply(config);
  }

  /** Writes each split's tuning report as {@code tuning-N.md} into the report directory. */
  List<Path> writeReports(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      TuningResult r = done.get(order.get(i));
      if (r.split().equals("off")) continue;
      Path p = dir.resolve("tuning-" + (i + 1) + ".md");
      Files.createDirectories(dir);
      Files.writeString(p, r.report());
      out.add(p);
    }
    return out;
  }
}
