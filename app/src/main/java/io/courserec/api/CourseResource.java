package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.RankedCourse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Set;

/**
 * Catalog entries and their neighbours.
 * <pre>
 * GET /courses/{id}                  the cleaned course record
 * GET /courses/{id}/similar[?k=10]   courses most similar in content, best first; k in 1..server.max_k
 * </pre>
 * Statuses: 200; 400 (bad or unknown parameter, k out of range); 404 {@code unknown_course}; 503 before the engine
 * is ready.
 */
final class CourseResource implements Resource {
  /** Answer of {@code /similar}: the course asked about and its neighbours. */
  record SimilarResponse(String courseId, List<RankedCourse> items) {}

  private final Engine engine;
  private final int maxK;

  CourseResource(Engine engine, int maxK) {
    this.engine = engine;
    this.maxK = maxK;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/courses/{id}", ctx -> {
      RequestParams.of(ctx);
      ctx.json(engine.course(RequestParams.pathId(ctx, "id")));
    });
    routes.get("/courses/{id}/similar", ctx -> {
      RequestParams p = RequestParams.of(ctx, Set.of("k"));
      String id = RequestParams.pathId(ctx, "id");
      int k = p.integer("k", RequestParams.DEFAULT_K, 1);
      if (k > maxK) throw ApiException.badParameter("k", "k must be <= " + maxK + " (server.max_k), got " + k);
      ctx.json(new SimilarResponse(id, engine.similar(id, k)));
    });
  }
}
