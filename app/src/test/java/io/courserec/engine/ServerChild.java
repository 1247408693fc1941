package io.courserec.engine;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A courserec server in its own JVM ({@link ServerProcess}): the real engine over the small fixture with models and
 * feedback store under the directory given as the first argument, on a random port; further arguments
 * {@code key=value} override configuration keys (e.g. {@code store.jdbc_url=...}). Prints {@code URL <base url>} once
 * it listens, then serves until killed.
 */
public final class ServerChild {
  private ServerChild() {}

  public static void main(String[] args) throws InterruptedException {
    Map<ConfigKey, Object> extra = new EnumMap<>(ConfigKey.class);
    extra.put(ConfigKey.SERVER_PORT, 0);
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("argument " + i + " '" + args[i] + "' is not key=value");
      String key = args[i].substring(0, eq);
      ConfigKey k = ConfigKey.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown configuration key '"
          + key + "' in " + key + "=..."));
      extra.put(k, args[i].substring(eq + 1));
    }
    Config config = EngineFixture.config(Path.of(args[0]), extra);
    Engine engine = Engines.open(config);
    CourseRecServer server = CourseRecServer.start(engine, config);
    System.out.println("URL " + server.url());
    System.out.flush();
    Thread.currentThread().join();
  }
}
