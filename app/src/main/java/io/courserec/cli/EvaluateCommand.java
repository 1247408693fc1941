package io.courserec.cli;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import io.courserec.engine.ErasedLearners;
import io.courserec.eval.AlgorithmResult;
import io.courserec.eval.AlgorithmSpec;
import io.courserec.eval.ContentSimilarity;
import io.courserec.eval.DatasetDigest;
import io.courserec.eval.ExperimentLog;
import io.courserec.eval.ExperimentReport;
import io.courserec.eval.ExperimentRunner;
import io.courserec.eval.GitRevision;
import io.courserec.eval.MarkdownReport;
import io.courserec.eval.PathEvaluation;
import io.courserec.eval.PathQuality;
import io.courserec.eval.ReportWriter;
import io.courserec.rec.Recommender;
import io.courserec.split.Split;
import io.courserec.split.SplitKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec evaluate}: splits the data, trains every requested algorithm on the training part, ranks the
 * whole catalog for each test learner and writes the report ({@code results.json}, {@code results.md}, PNG charts)
 * into {@code --report DIR}; the run is appended to the experiment log ({@code --log}, default
 * {@code reports/experiments.jsonl}). Progress goes to stderr, the Markdown report to stdout. Splits, metrics and
 * files are described in {@code docs/evaluation.md}. On the leave-last-out split, when the run includes
 * {@value #PATH_RANKER}, learning-path quality is measured with the trained hybrid as the planner's ranker
 * ({@link PathEvaluation}, docs/learning.md).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Offline evaluation: split, train, rank, measure; writes JSON, Markdown and PNG charts.")
public final class EvaluateCommand implements Callable<Integer> {
  /** The algorithm whose trained instance ranks courses for the learning-path planner, as the engine's does. */
  static final String PATH_RANKER = "hybrid";

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--split", split = ",", paramLabel = "SPLIT",
      description = "random | temporal | user-temporal | leave-last-out | cold-start (comma-separated; default random)")
  List<String> splits = List.of("random");

  @Option(names = "--k", paramLabel = "K", description = "Cut-off of the ranking metrics; default eval.k")
  Integer k;

  @Option(names = "--algorithms", split = ",", paramLabel = "NAME",
      description = "Algorithms by registry name (default pop,cbr,itemknn,userknn,mf)")
  List<String> algorithms = List.of("pop", "cbr", "itemknn", "userknn", "mf");

  @Option(names = "--variant", paramLabel = "LABEL=NAME:KEY=VALUE[;KEY=VALUE...]",
      description = "Also evaluate NAME under other settings, reported as LABEL, e.g. "
          + "'hybrid-mmr0.7=hybrid:hybrid.mmr.lambda=0.7' (repeatable)")
  List<String> variants = new ArrayList<>();

  @Option(names = "--no-tune", description = "Evaluate the configured settings instead of tuning them on each split's training part first")
  boolean noTune;

  @Option(names = "--report", paramLabel = "DIR", description = "Report directory; default reports/eval-<UTC time>")
  Path reportDir;

  @Option(names = "--log", paramLabel = "FILE", description = "Experiment log (JSON lines); default reports/experiments.jsonl")
  Path logFile = Path.of("reports", "experiments.jsonl");

  private final BiFunction<Path, Config, Dataset> loader;
  private final BiFunction<String, Config, Recommender> registry;
  private SplitTuning tuning;

  /** The command as registered in {@link Main}. */
  public EvaluateCommand() {
    this((dir, config) -> ErasedLearners.open(config).loadData(dir, config).dataset(),
        io.courserec.hybrid.Recommenders::create);
  }

  /**
   * A command with its services given (tests, and the wiring above).
   *
   * @param loader reads and cleans the data directory
   * @param registry creates an untrained recommender by name under a configuration; throws
   *     {@link IllegalArgumentException} for an unknown name
   */
  EvaluateCommand(BiFunction<Path, Config, Dataset> loader, BiFunction<String, Config, Recommender> registry) {
    this.loader = loader;
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    Instant started = Instant.now();
    Config config = common.config();
    int cutoff = k != null ? k : config.integer(ConfigKey.EVAL_K);
    if (cutoff < 1) throw new UserError("--k must be >= 1, got " + cutoff);
    List<SplitKind> kinds = new ArrayList<>();
    for (String s : splits) {
      kinds.add(SplitKind.fromCode(s.trim()).orElseThrow(() ->
          new UserError("unknown split '" + s + "'; expected one of " + SplitKind.codes())));
    }
    PrintWriter err = spec.commandLine().getErr();
    CliProgress progress = common.progress(config, "", err);
    tuning = new SplitTuning(config.with(ConfigKey.TUNE_ENABLED, !noTune), progress);
    List<AlgorithmSpec> specs = algorithmSpecs(config);
    Path dataDir = config.path(ConfigKey.DATA_DIR);
    if (!Files.isDirectory(dataDir)) throw new UserError("data directory not found: " + dataDir);
    Path report = reportDir != null ? reportDir : Path.of("reports", "eval-"
        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started));

    List<Split.Summary> summaries = new ArrayList<>();
    List<AlgorithmResult> results = new ArrayList<>();
    List<PathQuality> paths = new ArrayList<>();
    Dataset data;
    try (progress) { // erases a status line before the report or an error is printed
      data = loader.apply(dataDir, config);
      err.printf("loaded %d courses, %d learners, %d interactions from %s%n", data.numCourses(), data.numLearners(),
          data.interactions().size(), dataDir);
      ExperimentRunner runner = new ExperimentRunner(config, ContentSimilarity.of(data), progress);
      for (SplitKind kind : kinds) {
        Split split;
        try {
          split = kind.create(config).split(data);
        } catch (IllegalArgumentException e) {
          throw new UserError("cannot make the " + kind.code() + " split: " + e.getMessage());
        }
        if (split.heldOut().isEmpty()) {
          throw new UserError("the " + kind.code() + " split has no test learners (each needs at least "
              + config.integer(ConfigKey.EVAL_MIN_EVENTS) + " positive courses; see eval.min_user_events)");
        }
        summaries.add(split.summary());
        Split measured = split;
        results.addAll(runner.run(split, specs, cutoff, (label, trained) -> {
          if (!kind.holdsOutNextCourse() || !label.equals(PATH_RANKER)) return;
          progress.stage(kind.code() + "/paths: planning for the test learners with goals");
          PathQuality q = new PathEvaluation(config).evaluate(measured, runner.testUsers(measured), label, trained);
          progress.note(String.format(java.util.Locale.ROOT, "%s/paths: %d learners, validity %.1f %%, gap coverage %.1f %%, "
                  + "next-step hit rate %.4f (hybrid hit rate@3 %.4f), %.1f s", kind.code(), q.learners(),
              100 * q.validity(), 100 * q.gapCoverage(), q.nextStepHitRate(), q.rankerHitRate(), q.seconds()));
          paths.add(q);
        }));
      }
    }
    String commit = GitRevision.of(Path.of(System.getProperty("courserec.home", "."))).orElse(null);
    ExperimentReport r = ExperimentReport.create(started, config, dataDir.toString(), DatasetDigest.sha256(data),
        commit, cutoff, summaries, results, paths);
    List<Path> files = new ArrayList<>(ReportWriter.write(r, report));
    files.addAll(tuning.writeReports(report));
    ExperimentLog.append(r, logFile);
    PrintWriter out = spec.commandLine().getOut();
    out.print(MarkdownReport.render(r));
    out.flush();
    err.printf("wrote %d files to %s; appended the run to %s%n", files.size(), report, logFile);
    err.flush();
    return 0;
  }

  /** The plain algorithms, then the variants; every name is checked before anything is trained. */
  private List<AlgorithmSpec> algorithmSpecs(Config config) {
    List<AlgorithmSpec> out = new ArrayList<>();
    for (String name : algorithms) {
      String n = name.trim();
      algorithmSpec(n, n, config); // checks the name now
      out.add(new AlgorithmSpec(n, train -> registry.apply(n, tuning.configFor(train))));
    }
    for (String v : variants) {
      int eq = v.indexOf('=');
      int colon = v.indexOf(':');
      if (eq <= 0 || colon < eq + 2) {
        throw new UserError("--variant must look like LABEL=NAME:KEY=VALUE[;KEY=VALUE], got '" + v + "'");
      }
      Map<ConfigKey, String> changes = new HashMap<>();
      for (String kv : v.substring(colon + 1).split(";")) {
        int e = kv.indexOf('=');
        if (e <= 0) throw new UserError("--variant setting must be KEY=VALUE, got '" + kv + "' in '" + v + "'");
        String key = kv.substring(0, e).trim();
        ConfigKey ck = ConfigKey.byKey(key).orElseThrow(() ->
            new UserError("unknown configuration key '" + key + "' in --variant '" + v + "'"));
        changes.put(ck, kv.substring(e + 1).trim());
      }
      Config varied;
      try {
        varied = config.with(changes);
      } catch (ConfigException e) {
        throw new UserError("--variant '" + v + "': " + e.getMessage());
      }
      out.add(algorithmSpec(v.substring(0, eq).trim(), v.substring(eq + 1, colon).trim(), varied));
    }
    return out;
  }

  private AlgorithmSpec algorithmSpec(String label, String name, Config config) {
    try {
      registry.apply(name, config);
    } catch (IllegalArgumentException e) {
      throw new UserError("unknown algorithm '" + name + "': " + e.getMessage());
    }
    return new AlgorithmSpec(label, () -> registry.apply(name, config));
  }
}
