package io.courserec.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.Engine;
import io.courserec.engine.LearnerPseudonyms;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.router.ParsedEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service over an {@link Engine}: builds the Javalin app (JSON via {@link JsonCodec}, one
 * {@link Resource} per URL family, {@link ApiExceptionMapper} for every error, {@link AccessLog} for timing and
 * request logs), the recommendation cache and the metrics, and starts it on {@code server.host}:{@code server.port}
 * (port 0 picks a free one).
 *
 * <p>Usage: {@code try (CourseRecServer s = CourseRecServer.start(engine, config)) { ... s.url() ... }}. The server
 * does not own the engine: {@link #stop} stops HTTP and the status poller, and the caller closes the engine.
 * Call {@link #invalidateCaches} after swapping models if the swap should be visible before the next status poll
 * (the server also notices a new model version on its own). Changes made by other replicas reach the cache through
 * {@link Engine#onStaleAnswers} ({@link ReplicaInvalidation}).
 *
 * <p>Before any resource, every request passes (in this order) the access log, the CORS policy ({@link CorsPolicy}),
 * the service token ({@link ServiceAuth}) and the JSON content-type rule ({@link JsonContentType}).
 *
 * <p>Config keys read: {@code server.host}, {@code server.port}, {@code server.max_k}, {@code server.max_body_bytes},
 * {@code server.max_feedback_batch}, {@code server.admin_token}, {@code server.cache.max_bytes} (and the deprecated
 * {@code server.cache.max_entries}, whose 0 still turns caching off), {@code server.cache.ttl_seconds},
 * {@code server.status_refresh_ms}, {@code server.status_deadline_ms}, {@code server.feedback.rate_per_minute},
 * {@code server.feedback.burst}, {@code server.api_token}, {@code server.cors.allowed_origins},
 * {@code server.log_id_key}.
 */
public final class CourseRecServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CourseRecServer.class);

  private final Javalin app;
  private final JavalinState state;
  private final EngineStatusMonitor monitor;
  private final RecommendationCache cache;
  private final ReplicaInvalidation replicas;
  private final String host;

  private CourseRecServer(Javalin app, JavalinState state, EngineStatusMonitor monitor, RecommendationCache cache,
                          ReplicaInvalidation replicas, String host) {
    this.app = app;
    this.state = state;
    this.monitor = monitor;
    this.cache = cache;
    this.replicas = replicas;
    this.host = host;
  }

  /** Builds and starts the server; returns once it listens. */
  public static CourseRecServer start(Engine engine, Config config) {
    long cacheBytes = config.integer(ConfigKey.CACHE_SIZE) == 0 ? 0 : config.longValue(ConfigKey.CACHE_BYTES);
    RecommendationCache cache = new RecommendationCache(cacheBytes,
        Duration.ofSeconds(config.integer(ConfigKey.CACHE_TTL)), System::nanoTime);
    EngineStatusMonitor monitor = new EngineStatusMonitor(engine, cache,
        Duration.ofMillis(config.integer(ConfigKey.SERVER_STATUS_REFRESH)),
        Duration.ofMillis(config.integer(ConfigKey.STATUS_DEADLINE)));
    ReplicaInvalidation replicas = new ReplicaInvalidation(cache);
    try {
      replicas.listenTo(engine);
      JavalinState[] state = new JavalinState[1];
      Javalin app = Javalin.create(cfg -> {
        state[0] = cfg.unsafe;
        configure(cfg, engine, config, cache, monitor, replicas);
      });
      String host = config.string(ConfigKey.SERVER_HOST);
      app.start(host, config.integer(ConfigKey.SERVER_PORT));
      CourseRecServer server = new CourseRecServer(app, state[0], monitor, cache, replicas, host);
      log.info("courserec API listening on {}", server.url());
      return server;
    } catch (RuntimeException e) {
      replicas.close();
      monitor.close();
      throw e;
    }
  }

  private static void configure(JavalinConfig cfg, Engine engine, Config config, RecommendationCache cache,
                                EngineStatusMonitor monitor, ReplicaInvalidation replicas) {
    ObjectMapper mapper = JsonCodec.mapper();
    int maxK = config.integer(ConfigKey.SERVER_MAX_K);
    int maxBody = config.integer(ConfigKey.SERVER_MAX_BODY);
    ApiMetrics metrics = new ApiMetrics(monitor, cache, replicas, engine::answersWaiting);
    FeedbackParser parser = new FeedbackParser(mapper, config.integer(ConfigKey.SERVER_MAX_BATCH), Clock.systemUTC());
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.prefer405over404 = true;
    cfg.http.maxRequestSize = maxBody;
    cfg.jsonMapper(JsonCodec.javalinMapper(mapper));
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages(mapper)));
    AccessLog accessLog = new AccessLog(cfg.unsafe, metrics, LearnerPseudonyms.open(config));
    cfg.requestLogger.http(accessLog::logRequest);
    accessLog.register(cfg.routes);
    CorsPolicy.parse(ConfigKey.CORS_ORIGINS.key(), config.string(ConfigKey.CORS_ORIGINS)).register(cfg.routes);
    new ServiceAuth(config.string(ConfigKey.API_TOKEN)).register(cfg.routes);
    JsonContentType.register(cfg.routes);
    AdminAuth admin = new AdminAuth(config.string(ConfigKey.ADMIN_TOKEN));
    List.of(
        new RecommendResource(engine, cache, monitor, maxK),
        new SearchResource(engine, maxK),
        new CourseResource(engine, maxK),
        new ExplainResource(engine),
        new HistoryResource(engine),
        new PathsResource(engine),
        new SkillsResource(engine),
        new FeedbackResource(engine, parser, cache, metrics, maxBody, new FeedbackRateLimiter(
            config.integer(ConfigKey.FEEDBACK_RATE), config.integer(ConfigKey.FEEDBACK_BURST), System::nanoTime)),
        new HealthResource(monitor),
        new MetricsResource(metrics),
        new LearnerExamplesResource(engine),
        new AdminResource(engine, admin),
        new AdminSummaryResource(metrics),
        new ErasureResource(engine, admin, cache),
        new OpenApiResource(),
        new PageResource()).forEach(r -> r.register(cfg.routes));
    ApiExceptionMapper.register(cfg.routes);
    ApiExceptionMapper.registerErrors(cfg.router, mapper);
  }

  public int port() { return app.port(); }

  /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + (h.equals("0.0.0.0") ? "127.0.0.1" : h) + ":" + port();
  }

  /** Empties the recommendation cache and re-reads the engine status (call after a model swap). */
  public void invalidateCaches() {
    cache.invalidateAll();
    monitor.refresh();
  }

  /** Re-reads the engine status now instead of at the next background poll (tests; probes never do this). */
  void refreshStatus() {
    monitor.refresh();
  }

  /** The registered HTTP routes as {@code "METHOD /path/{param}"}, in registration order. */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    for (ParsedEndpoint e : state.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod()) out.add(e.endpoint.method.name() + " " + e.endpoint.path);
    }
    return out;
  }

  /** Stops HTTP (in-flight requests finish) and the status poller; does not close the engine. */
  public void stop() {
    replicas.close();
    app.stop();
    monitor.close();
  }

  @Override
  public void close() {
    stop();
  }
}
