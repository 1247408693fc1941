package io.courserec.cli;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.Engine;
import io.courserec.engine.Engines;
import io.courserec.store.StoreException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code courserec serve [--host H] [--port N]}: opens the engine for the configured data, store and models
 * ({@link Engines#open}: the latest good model version loads in the background, and the first one is trained when
 * there is none), starts the HTTP API ({@link CourseRecServer}), prints its URL and serves until the process is
 * stopped (Ctrl-C or SIGTERM), then stops HTTP (in-flight requests finish) and closes the engine (a running build
 * is abandoned; its partial directory is skipped at the next start). {@code --port 0} picks a free port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API (recommend, search, feedback, health, metrics, admin) until stopped.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default server.port; 0 picks a free one)")
  Integer port;

  @Option(names = "--host", paramLabel = "HOST", description = "Interface to bind (default server.host)")
  String host;

  private final Function<Config, Engine> engines;
  private final PrintStream out;

  /** The real engine ({@link Engines#open}): loads the latest model in the background, trains one if none. */
  public ServeCommand() {
    this(Engines::open, System.out);
  }

  /** @param engines opens the engine for a configuration (tests pass a fake) */
  public ServeCommand(Function<Config, Engine> engines, PrintStream out) {
    this.engines = engines;
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Running running = start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.stop();
      stopped.countDown();
    }, "courserec-shutdown"));
    stopped.await();
    return 0;
  }

  /** A started server and its engine; {@link #stop} stops both (server first, so requests finish). */
  record Running(CourseRecServer server, Engine engine) {
    void stop() {
      server.stop();
      engine.close();
    }
  }

  /** Opens the engine and starts the server; prints the URL and a first request to try. */
  Running start() {
    Config config = common.config();
    if (port != null) config = config.with(ConfigKey.SERVER_PORT, port);
    if (host != null) config = config.with(Map.of(ConfigKey.SERVER_HOST, host));
    Engine engine;
    try {
      engine = engines.apply(config);
    } catch (StoreException e) {
      throw new UserError("cannot open the feedback store: " + e.getMessage(), e);
    }
    CourseRecServer server;
    try {
      server = CourseRecServer.start(engine, config);
    } catch (RuntimeException e) {
      engine.close();
      throw new UserError("cannot start the server on " + config.string(ConfigKey.SERVER_HOST) + ":"
          + config.string(ConfigKey.SERVER_PORT) + ": " + e.getMessage(), e);
    }
    out.println("courserec serving on " + server.url() + "  (Ctrl-C to stop)");
    if (common.logPath() != null) out.println("  log: " + common.logPath() + " (startup, requests, jobs; --verbose to see it here)");
    out.println("  try: curl '" + server.url() + "/recommend?user=<learner-id>&k=5'");
    out.println("       curl '" + server.url() + "/ready'   API description: " + server.url() + "/openapi.json");
    out.flush();
    return new Running(server, engine);
  }
}
