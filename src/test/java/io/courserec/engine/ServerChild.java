package io.courserec.engine;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.Map;

/**
 * A courserec server in its own JVM for {@link RestartKeepsFeedbackIT}: the real engine over the small fixture with
 * models and feedback store under the directory given as the only argument, on a random port. Prints
 * {@code URL <base url>} once it listens, then serves until killed.
 */
public final class ServerChild {
  private ServerChild() {}

  public static void main(String[] args) throws InterruptedException {
    Config config = EngineFixture.config(Path.of(args[0]), Map.of(ConfigKey.SERVER_PORT, 0));
    Engine engine = Engines.open(config);
    CourseRecServer server = CourseRecServer.start(engine, config);
    System.out.println("URL " + server.url());
    System.out.flush();
    Thread.currentThread().join();
  }
}
