package io.courserec.api;

import io.courserec.engine.Engine;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Set;

/**
 * A learner's skills: what they earned, what they want, and the gap.
 * <pre>
 * GET /users/{id}/skills[?goal=SKILL[|SKILL...]]
 * </pre>
 * Answer: {@code {user_id, earned: {skill: credit}, sources: {skill: course_id}, goals, unknown_goals, gap}}. A
 * skill's credit is the best of the courses teaching it: complete 1, rate {@code learning.credit.rated}, enroll
 * {@code learning.credit.enrolled}; the gap holds the goals below {@code learning.skill.earned_at}. Goals default to
 * the declared ones ({@code users.csv}); declared goals no course teaches are listed in {@code unknown_goals}.
 *
 * <p>Statuses: 200; 400 (unknown query parameter, bad id, a {@code goal} naming no skill of the catalog, with the
 * closest skills); 404 {@code unknown_user}; 503 before the engine is ready or while the store is unavailable.
 */
final class SkillsResource implements Resource {
  private static final Set<String> PARAMS = Set.of("goal");

  private final Engine engine;

  SkillsResource(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/users/{id}/skills", ctx -> {
      RequestParams p = RequestParams.of(ctx, PARAMS);
      String user = RequestParams.pathId(ctx, "id");
      List<String> goals = p.pipeList("goal");
      AccessLog.tagUser(ctx, user);
      ctx.json(engine.skills(user, goals));
    });
  }
}
