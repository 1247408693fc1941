package io.courserec.cli;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command accepts, so any data set can be dropped in: {@code --data}, {@code --index},
 * {@code --models}, {@code --config} and repeated {@code --set key=value}; and how the command talks:
 * {@code --verbose} (the log on stderr too), {@code --log-file} and {@code --progress}. Use as a picocli
 * {@code @Mixin}; {@link #config()} also points the log at its file, so commands call it first.
 */
public final class CommonOptions {
  /** How progress is shown. */
  enum ProgressMode { auto, bar, lines, off }

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory (courses.csv, users.csv, interactions.csv); default data.dir")
  Path data;

  @Option(names = "--index", paramLabel = "DIR", description = "Index root directory; default index.dir")
  Path index;

  @Option(names = "--models", paramLabel = "DIR", description = "Model root directory; default models.dir")
  Path models;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file; default config/courserec.properties when present")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key (repeatable)")
  Map<String, String> set = new HashMap<>();

  @Option(names = {"-v", "--verbose"}, description = "Also show the log on stderr (it always goes to the log file)")
  boolean verbose;

  @Option(names = "--log-file", paramLabel = "FILE", description = "Log file; default log.file (logs/courserec.log)")
  Path logFile;

  @Option(names = "--progress", paramLabel = "MODE", description = "Progress of long jobs: auto (a bar on a terminal, "
      + "lines otherwise), bar, lines or off; default auto")
  ProgressMode progressMode = ProgressMode.auto;

  private Path logPath;

  /** Resolved configuration: defaults, file, environment, then these options. Points the log at its file. */
  public Config config() {
    Path file = configFile;
    if (file == null) {
      Path home = Path.of(System.getProperty("courserec.home", "."));
      Path candidate = home.resolve("config/courserec.properties");
      Path local = Path.of("config/courserec.properties");
      if (local.toFile().isFile()) file = local;
      else if (candidate.toFile().isFile()) file = candidate;
    }
    Map<String, String> o = new HashMap<>(set);
    if (data != null) o.put(ConfigKey.DATA_DIR.key(), data.toString());
    if (index != null) o.put(ConfigKey.INDEX_DIR.key(), index.toString());
    if (models != null) o.put(ConfigKey.MODELS_DIR.key(), models.toString());
    if (logFile != null) o.put(ConfigKey.LOG_FILE.key(), logFile.toString());
    Config config = Config.load(file, System.getenv(), o);
    if (logPath == null) logPath = CliLogging.configure(config.path(ConfigKey.LOG_FILE), verbose);
    return config;
  }

  /** The log file (absolute), once {@link #config()} has run; null before. */
  Path logPath() {
    return logPath;
  }

  /**
   * Where a long job's progress goes: stderr, as a redrawn bar when it is a terminal (or {@code --progress bar}),
   * as periodic lines ({@code eval.progress_seconds} apart) when it is not, nothing with {@code --progress off}.
   *
   * @param prefix put before each plain line, e.g. "train: "
   */
  CliProgress progress(Config config, String prefix) {
    return progress(config, prefix, new PrintWriter(System.err, true));
  }

  /** {@link #progress(Config, String)} onto the command's error stream (tests replace it). */
  CliProgress progress(Config config, String prefix, PrintWriter err) {
    return progress(config, prefix, err, 0, Integer.MAX_VALUE);
  }

  /**
   * {@link #progress(Config, String, PrintWriter)} with plain stage lines at least {@code minLineSeconds} apart and at
   * most {@code maxStageLines} of them.
   */
  CliProgress progress(Config config, String prefix, PrintWriter err, double minLineSeconds, int maxStageLines) {
    ProgressMode mode = progressMode == ProgressMode.auto ? (terminal() ? ProgressMode.bar : ProgressMode.lines) : progressMode;
    return switch (mode) {
      case off -> CliProgress.OFF;
      case bar -> new TerminalProgress(err, columns());
      default -> new LineProgress(err, prefix, Math.max(minLineSeconds, config.integer(ConfigKey.EVAL_PROGRESS_SECONDS)),
          maxStageLines);
    };
  }

  /** True when the process talks to a terminal (Java 22+ asks the console; before, a console means one). */
  static boolean terminal() {
    Console c = System.console();
    if (c == null) return false;
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: System.console() is null unless stdin and stdout are a terminal
    }
  }

  private static int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim());
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
