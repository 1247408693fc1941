package io.courserec.api;

import io.courserec.engine.EngineStatus;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;

/**
 * Liveness and readiness, for load balancers and orchestrators.
 * <pre>
 * GET /health   always 200 while the process serves HTTP; status "up"
 * GET /ready    200 with status "ready" once the engine has loaded an index and a model, else 503 "not_ready"
 * </pre>
 * Both answer {@code {status, ready, model_version, index_generation, courses, learners, training_interactions,
 * feedback_events, model_created_at, model_age_seconds, uptime_seconds}} from a fresh engine status; if the
 * engine cannot report, the last known status is shown (and {@code /health} stays 200). The 503 of
 * {@code /ready} carries this body, not the error shape, so a probe's log shows what is missing.
 */
final class HealthResource implements Resource {
  /** The health and readiness answer. */
  record HealthResponse(String status, boolean ready, String modelVersion, long indexGeneration, int courses,
                        int learners, long trainingInteractions, long feedbackEvents, Instant modelCreatedAt,
                        Double modelAgeSeconds, long uptimeSeconds) {}

  private final EngineStatusMonitor monitor;
  private final Instant started = Instant.now();

  HealthResource(EngineStatusMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/health", ctx -> {
      RequestParams.of(ctx);
      answer(ctx, "up", monitor.refresh());
    });
    routes.get("/ready", ctx -> {
      RequestParams.of(ctx);
      EngineStatus s = monitor.refresh();
      if (!s.ready()) ctx.status(503).header("Retry-After", "5");
      answer(ctx, s.ready() ? "ready" : "not_ready", s);
    });
  }

  private void answer(Context ctx, String status, EngineStatus s) {
    Instant now = Instant.now();
    Double age = s.modelCreatedAt() == null ? null : Duration.between(s.modelCreatedAt(), now).toMillis() / 1000.0;
    ctx.json(new HealthResponse(status, s.ready(), s.modelVersion(), s.indexGeneration(), s.courses(), s.learners(),
        s.trainingInteractions(), s.feedbackEvents(), s.modelCreatedAt(), age,
        Duration.between(started, now).toSeconds()));
  }
}
