package io.courserec.api;

import io.courserec.engine.Engine;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * Why a course ranks where it does for a learner.
 * <pre>
 * GET /explain?user=ID&amp;course=ID
 * </pre>
 * Works for any course, recommended or not: the answer gives the rank among eligible courses (-1 with
 * {@code excluded_because} when the course is filtered out, e.g. already taken), the blended score, confidence,
 * the learner's segment, each signal's value, weight and contribution, the evidence and a one-sentence summary.
 *
 * <p>Statuses: 200; 400 (missing {@code user} or {@code course}, unknown parameter); 404 {@code unknown_course};
 * 503 before the engine is ready.
 */
final class ExplainResource implements Resource {
  private final Engine engine;

  ExplainResource(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/explain", ctx -> {
      RequestParams p = RequestParams.of(ctx, Set.of("user", "course"));
      String user = p.id("user");
      String course = p.id("course");
      AccessLog.tagUser(ctx, user);
      ctx.json(engine.explain(user, course));
    });
  }
}
