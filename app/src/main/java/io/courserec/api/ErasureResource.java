package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.ErasureResult;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * A learner's right to be forgotten, behind {@link AdminAuth} ({@code Authorization: Bearer <server.admin_token>}):
 * <pre>
 * DELETE /users/{id}
 * </pre>
 * At once: the learner goes on the erasure list, their stored feedback events are deleted, their cached
 * recommendations are dropped, and the serving model stops using what it learned from them (they are answered as
 * a new learner). In the background: a model version without them is built and promoted (the quality gate is
 * skipped for this reason) and every version holding them is deleted; {@code GET /admin/jobs/{job}} says when.
 *
 * <p>Answer 202 with {@code Location: /admin/jobs/{job}} and
 * {@code {user_id, stored_events_erased, already_listed, completion: {job}}}. Idempotent: repeating it for the same
 * learner is 202 again ({@code already_listed: true}) and re-runs the completion. An id nobody knows is not an error.
 *
 * <p>Statuses: 202; 400 (any query parameter, bad id); 401, 403 (admin token); 503 when the engine cannot start the
 * job (shutting down).
 */
final class ErasureResource implements Resource {
  private final Engine engine;
  private final AdminAuth auth;
  private final RecommendationCache cache;

  ErasureResource(Engine engine, AdminAuth auth, RecommendationCache cache) {
    this.engine = engine;
    this.auth = auth;
    this.cache = cache;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.delete("/users/{id}", ctx -> {
      auth.check(ctx);
      RequestParams.of(ctx);
      String user = RequestParams.pathId(ctx, "id");
      AccessLog.tagUser(ctx, user);
      ErasureResult r = engine.forget(user);
      cache.invalidateUser(user);
      ctx.status(202).header("Location", "/admin/jobs/" + r.completion().id()).json(r);
    });
  }
}
