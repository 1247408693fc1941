package io.courserec.api;

import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Prometheus scrape endpoint.
 * <pre>
 * GET /metrics   text/plain; version=0.0.4
 * </pre>
 * The meters are listed in {@link ApiMetrics}; the engine status behind the model and feedback gauges is the
 * {@link EngineStatusMonitor}'s background snapshot, so a scrape never waits for the store. Statuses: 200; 400 for any query parameter.
 */
final class MetricsResource implements Resource {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ApiMetrics metrics;

  MetricsResource(ApiMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/metrics", ctx -> {
      RequestParams.of(ctx);
      ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    });
  }
}
