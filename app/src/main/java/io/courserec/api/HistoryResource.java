package io.courserec.api;

import io.courserec.catalog.Interaction;
import io.courserec.engine.Engine;
import io.courserec.engine.HistoryPage;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Set;

/**
 * A learner's events, oldest first: the training data plus every accepted feedback event, one page at a time.
 * <pre>
 * GET /users/{id}/history?limit=100&amp;offset=0
 * </pre>
 * {@code limit} 1..{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), {@code offset} &ge; 0 (default 0).
 * Answer: {@code {user_id, total, offset, limit, count, next_offset, events: [{user_id, course_id, event, rating,
 * timestamp, event_id}]}}: {@code total} events in the whole history, {@code count} in this page,
 * {@code next_offset} the offset of the next page or null after the last; {@code rating} is set only for
 * {@code rate} events, {@code timestamp} is ISO-8601 or null when the source had none, {@code event_id} is the
 * client's idempotency key or null. The server reads at most {@code offset + limit} stored events.
 *
 * <p>Statuses: 200; 400 (unknown query parameter, bad {@code limit}/{@code offset}, bad id); 404
 * {@code unknown_user} when the engine knows no such learner; 503 before the engine is ready or while the store
 * is unavailable.
 */
final class HistoryResource implements Resource {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final Set<String> PARAMS = Set.of("limit", "offset");

  /** The history answer. */
  record HistoryResponse(String userId, long total, int offset, int limit, int count, Integer nextOffset,
                         List<Interaction> events) {}

  private final Engine engine;

  HistoryResource(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/users/{id}/history", ctx -> {
      RequestParams p = RequestParams.of(ctx, PARAMS);
      String user = RequestParams.pathId(ctx, "id");
      int limit = p.integer("limit", DEFAULT_LIMIT, 1);
      if (limit > MAX_LIMIT) throw ApiException.badParameter("limit", "limit must be <= " + MAX_LIMIT + ", got " + limit);
      int offset = p.integer("offset", 0, 0);
      AccessLog.tagUser(ctx, user);
      HistoryPage page = engine.history(user, offset, limit);
      int count = page.events().size();
      Integer next = offset + count < page.total() ? offset + count : null;
      ctx.json(new HistoryResponse(user, page.total(), offset, limit, count, next, page.events()));
    });
  }
}
