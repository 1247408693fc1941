package io.courserec.cli;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command accepts, so any data set can be dropped in: {@code --data}, {@code --index},
 * {@code --models}, {@code --config} and repeated {@code --set key=value}. Use as a picocli {@code @Mixin}.
 */
public final class CommonOptions {
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

  /** Resolved configuration: defaults, file, environment, then these options. */
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
    return Config.load(file, System.getenv(), o);
  }
}
