package io.courserec.api;

import io.courserec.catalog.Interaction;
import io.courserec.engine.Engine;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * A learner's events, oldest first: the training data plus every accepted feedback event.
 * <pre>
 * GET /users/{id}/history
 * </pre>
 * Answer: {@code {user_id, count, events: [{user_id, course_id, event, rating, timestamp, event_id}]}};
 * {@code rating} is set only for {@code rate} events, {@code timestamp} is ISO-8601 or null when the source had
 * none, {@code event_id} is the client's idempotency key or null.
 *
 * <p>Statuses: 200; 400 (any query parameter); 404 {@code unknown_user} when the engine knows no such learner;
 * 503 before the engine is ready.
 */
final class HistoryResource implements Resource {
  /** The history answer. */
  record HistoryResponse(String userId, int count, List<Interaction> events) {}

  private final Engine engine;

  HistoryResource(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/users/{id}/history", ctx -> {
      RequestParams.of(ctx);
      String user = RequestParams.pathId(ctx, "id");
      AccessLog.tagUser(ctx, user);
      List<Interaction> events = engine.history(user);
      ctx.json(new HistoryResponse(user, events.size(), events));
    });
  }
}
