package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.PathQuery;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Set;

/**
 * A learning path: an ordered plan of courses from what the learner has taken to their goal skills.
 * <pre>
 * GET /paths?user=ID[&amp;goal=SKILL[|SKILL...]][&amp;max_courses=N][&amp;max_hours=H][&amp;max_level=L]
 * </pre>
 * {@code goal} defaults to the learner's declared goals; {@code max_courses} 1..100 (default
 * {@code learning.path.max_courses}); {@code max_hours} &gt; 0 (default none); {@code max_level} beginner,
 * intermediate or advanced (default none). Answer: {@code {user_id, goals, gap, steps: [{step, course_id, title,
 * level, hours, goal_skills, reasons, confidence, prerequisites}], uncovered, total_hours, graph_source}}; every
 * step's prerequisites are earlier steps or courses the learner took; taken courses never appear.
 *
 * <p>Statuses: 200; 400 (unknown query parameter, bad id or limit, a goal naming no skill of the catalog: the
 * detail lists the closest skills, or no goal given and none declared); 404 {@code unknown_user}; 503 before the
 * engine is ready or while the store is unavailable.
 */
final class PathsResource implements Resource {
  private static final Set<String> PARAMS = Set.of("user", "goal", "max_courses", "max_hours", "max_level");

  private final Engine engine;

  PathsResource(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/paths", ctx -> {
      RequestParams p = RequestParams.of(ctx, PARAMS);
      String user = p.id("user");
      List<String> goals = p.pipeList("goal");
      Integer maxCourses = p.optional("max_courses") == null ? null : p.integer("max_courses", 0, 1);
      AccessLog.tagUser(ctx, user);
      ctx.json(engine.path(new PathQuery(user, goals, maxCourses, hours(p.optional("max_hours")), p.optional("max_level"))));
    });
  }

  private static Double hours(String v) {
    if (v == null) return null;
    try {
      double h = Double.parseDouble(v);
      if (!(h > 0) || Double.isInfinite(h)) throw ApiException.badParameter("max_hours", "max_hours must be a positive number, got '" + v + "'");
      return h;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("max_hours", "max_hours must be a positive number, got '" + v + "'");
    }
  }
}
