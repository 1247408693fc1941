package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.JobStatus;
import io.courserec.engine.ModelInfo;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Set;

/**
 * Operator actions, all behind {@link AdminAuth} ({@code Authorization: Bearer <server.admin_token>}).
 * <pre>
 * POST /admin/reindex      start a background reindex; 202 with the job, Location: /admin/jobs/{id}
 * POST /admin/retrain      start a background retrain (train, evaluate, promote if good); 202 as above
 * GET  /admin/jobs         the running or queued job ({@code active}, null when idle) and the last jobs,
 *                          newest first ({@code recent}; {@code limit} 1-100, default 10)
 * GET  /admin/jobs/{id}    a job's state: queued, running, succeeded or failed, with a message
 * GET  /admin/models       the model versions on disk: current, promoted, metrics, timings
 * GET  /admin/quality      the data quality report of the load the serving model was built from
 * </pre>
 * Job answers: {@code {id, kind, state, started_at, finished_at, message}}. Models: {@code {current, models: [...]}}.
 *
 * Jobs also carry {@code stage} and {@code progress} (fraction of the build done: its steps, and within a step
 * the units a count inside it has done) while they run; a counting step's message reads
 * "label done/total (p%), rate, about m:ss left".
 * {@code GET /admin} itself is the operator page ({@link PageResource}), open like any static file: it holds no
 * data and asks for the token before it calls these routes.
 *
 * <p>Statuses: 200, 202; 400 (any query parameter but {@code limit} on {@code /admin/jobs}, or a bad limit); 401 (no or malformed bearer header); 403 (wrong token, or admin
 * disabled); 404 {@code unknown_job}, or {@code no_quality_report} for a version built before reports were kept;
 * 503 when the engine cannot start a job yet or serves no model.
 */
final class AdminResource implements Resource {
  /** Answer of {@code GET /admin/models}. */
  record ModelsResponse(String current, List<ModelInfo> models) {}

  /** Jobs listed by {@code GET /admin/jobs} unless {@code limit} says otherwise, and the most it may ask for. */
  static final int DEFAULT_JOBS = 10;
  static final int MAX_JOBS = 100;

  private final Engine engine;
  private final AdminAuth auth;

  AdminResource(Engine engine, AdminAuth auth) {
    this.engine = engine;
    this.auth = auth;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.before("/admin/*", auth::check);
    routes.before("/admin", ctx -> {
      if (!PageResource.isPageRequest(ctx)) auth.check(ctx);
    });
    routes.post("/admin/reindex", ctx -> {
      RequestParams.of(ctx);
      accepted(ctx, engine.startReindex());
    });
    routes.post("/admin/retrain", ctx -> {
      RequestParams.of(ctx);
      accepted(ctx, engine.startRetrain());
    });
    routes.get("/admin/jobs", ctx -> {
      RequestParams p = RequestParams.of(ctx, Set.of("limit"));
      int limit = p.integer("limit", DEFAULT_JOBS, 1);
      if (limit > MAX_JOBS) throw ApiException.badParameter("limit", "limit must be <= " + MAX_JOBS + ", got " + limit);
      ctx.json(engine.jobs(limit));
    });
    routes.get("/admin/jobs/{id}", ctx -> {
      RequestParams.of(ctx);
      ctx.json(engine.job(RequestParams.pathId(ctx, "id")));
    });
    routes.get("/admin/models", ctx -> {
      RequestParams.of(ctx);
      List<ModelInfo> models = engine.models();
      String current = models.stream().filter(ModelInfo::current).map(ModelInfo::version).findFirst().orElse(null);
      ctx.json(new ModelsResponse(current, models));
    });
    routes.get("/admin/quality", ctx -> {
      RequestParams.of(ctx);
      ctx.json(engine.qualityReport().orElseThrow(() -> new ApiException(ErrorKind.NO_QUALITY_REPORT, null,
          "the serving model version was built before quality reports were kept with it; retrain to get one")));
    });
  }

  private static void accepted(Context ctx, JobStatus job) {
    ctx.status(202).header("Location", "/admin/jobs/" + job.id()).json(job);
  }
}
