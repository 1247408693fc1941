package io.courserec.api;

import io.courserec.engine.EngineStatus;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness and readiness, for load balancers and orchestrators.
 * <pre>
 * GET /health   always 200 while the process serves HTTP; status "up"
 * GET /ready    200 "ready" when a model serves and the feedback store answers, else 503 "not_ready"
 * </pre>
 * Both answer {@code {status, ready, dependencies: {model, store}, model_version, index_generation, courses,
 * learners, training_interactions, feedback_events, model_created_at, model_age_seconds, uptime_seconds}} from the
 * {@link EngineStatusMonitor}'s cached snapshot: neither probe runs a query, so a hung store cannot block them.
 * {@code dependencies} says {@code "up"} or {@code "down: <why>"} per dependency ({@code model}: no version loaded;
 * {@code store}: the store's fault kind and message, or no status answer within {@code server.status_deadline_ms}).
 * The 503 of {@code /ready} carries this body with {@code Retry-After: 5}, not the error shape, so a probe's log
 * shows what is missing.
 */
final class HealthResource implements Resource {
  /** The health and readiness answer. */
  record HealthResponse(String status, boolean ready, Map<String, String> dependencies, String modelVersion,
                        long indexGeneration, int courses, int learners, long trainingInteractions,
                        long feedbackEvents, Instant modelCreatedAt, Double modelAgeSeconds, long uptimeSeconds) {}

  private final EngineStatusMonitor monitor;
  private final Instant started = Instant.now();

  HealthResource(EngineStatusMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/health", ctx -> {
      RequestParams.of(ctx);
      answer(ctx, "up", false);
    });
    routes.get("/ready", ctx -> {
      RequestParams.of(ctx);
      answer(ctx, null, true);
    });
  }

  private void answer(Context ctx, String fixedStatus, boolean readiness) {
    EngineStatus s = monitor.latest();
    String storeProblem = monitor.storeProblem();
    Map<String, String> deps = new LinkedHashMap<>();
    deps.put("model", s.ready() ? "up" : "down: no model version loaded yet");
    deps.put("store", storeProblem == null ? "up" : "down: " + storeProblem);
    boolean ready = s.ready() && storeProblem == null;
    if (readiness && !ready) ctx.status(503).header("Retry-After", "5");
    String status = fixedStatus != null ? fixedStatus : ready ? "ready" : "not_ready";
    Instant now = Instant.now();
    Double age = s.modelCreatedAt() == null ? null : Duration.between(s.modelCreatedAt(), now).toMillis() / 1000.0;
    ctx.json(new HealthResponse(status, ready, deps, s.modelVersion(), s.indexGeneration(), s.courses(),
        s.learners(), s.trainingInteractions(), s.feedbackEvents(), s.modelCreatedAt(), age,
        Duration.between(started, now).toSeconds()));
  }
}
