package io.courserec.eval;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.split.Split;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one {@code evaluate} run produced, with what is needed to reproduce it: when, on which data (content
 * hash), with which model configuration (hash of the model-shaping keys) and evaluation settings, from which
 * commit, on which machine. Serialised as the run's {@code results.json} and as one line of the experiment log.
 *
 * @param timestamp start of the run (UTC, ISO-8601)
 * @param dataSource where the data came from (e.g. the data directory)
 * @param dataHash SHA-256 of the data set's content ({@link DatasetDigest})
 * @param configHash {@link Config#modelHash()}
 * @param gitCommit commit of the code ("-dirty" when the work tree had changes), null when unknown
 * @param seed the seed of every random choice
 * @param k the cut-off
 * @param evalSettings every {@code eval.*} key and its value
 * @param environment machine facts: cores, max heap, Java version, OS
 * @param splits sizes of each split
 * @param results one entry per (split, algorithm)
 * @param paths learning-path quality per split where it was measured ({@link PathEvaluation}); may be empty
 */
public record ExperimentReport(String timestamp, String dataSource, String dataHash, String configHash,
                               String gitCommit, long seed, int k, Map<String, String> evalSettings,
                               Map<String, String> environment, List<Split.Summary> splits,
                               List<AlgorithmResult> results, List<PathQuality> paths) {
  public ExperimentReport {
    evalSettings = Map.copyOf(evalSettings);
    environment = Map.copyOf(environment);
    splits = List.copyOf(splits);
    results = List.copyOf(results);
    paths = paths == null ? List.of() : List.copyOf(paths);
  }

  /** A report without path quality. */
  public ExperimentReport(String timestamp, String dataSource, String dataHash, String configHash, String gitCommit,
                          long seed, int k, Map<String, String> evalSettings, Map<String, String> environment,
                          List<Split.Summary> splits, List<AlgorithmResult> results) {
    this(timestamp, dataSource, dataHash, configHash, gitCommit, seed, k, evalSettings, environment, splits, results,
        List.of());
  }

  /** Assembles a report; timestamp and environment are taken now, from this JVM. */
  public static ExperimentReport create(Instant started, Config config, String dataSource, String dataHash,
                                        String gitCommit, int k, List<Split.Summary> splits,
                                        List<AlgorithmResult> results) {
    return create(started, config, dataSource, dataHash, gitCommit, k, splits, results, List.of());
  }

  /** Assembles a report with learning-path quality; timestamp and environment are taken now, from this JVM. */
  public static ExperimentReport create(Instant started, Config config, String dataSource, String dataHash,
                                        String gitCommit, int k, List<Split.Summary> splits,
                                        List<AlgorithmResult> results, List<PathQuality> paths) {
    Map<String, String> eval = new TreeMap<>();
    config.asMap().forEach((key, v) -> {
      if (key.startsWith("eval.")) eval.put(key, v);
    });
    Map<String, String> env = new TreeMap<>();
    Runtime rt = Runtime.getRuntime();
    env.put("cores", String.valueOf(rt.availableProcessors()));
    env.put("max_heap_mb", String.valueOf(rt.maxMemory() / (1024 * 1024)));
    env.put("java", System.getProperty("java.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return new ExperimentReport(started.truncatedTo(ChronoUnit.SECONDS).toString(), dataSource, dataHash,
        config.modelHash(), gitCommit, config.longValue(ConfigKey.SEED), k, eval, env, splits, results, paths);
  }
}
