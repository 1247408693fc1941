package io.courserec.api;

import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The live figures of the operator page as JSON, behind the admin token like every {@code /admin} route.
 * <pre>
 * GET /admin/summary
 * </pre>
 * Answer: {@link LiveSummary} ({@code at, uptime_seconds, requests, routes: [{route, count, errors, p50_ms, p99_ms,
 * max_ms}], cache: {hits, misses, hit_ratio, entries, bytes}, feedback_received: {event: {outcome: n}},
 * feedback_stored: {event: n}, model_version, model_age_seconds}). The same meters as {@code GET /metrics}, read
 * without parsing Prometheus text; a request rate is the difference of two answers' {@code requests} over the
 * difference of their {@code at}.
 *
 * <p>Statuses: 200; 400 for any query parameter; 401/403 as {@link AdminAuth}.
 */
final class AdminSummaryResource implements Resource {
  private final ApiMetrics metrics;

  AdminSummaryResource(ApiMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/admin/summary", ctx -> {
      RequestParams.of(ctx);
      ctx.json(metrics.summary());
    });
  }
}
