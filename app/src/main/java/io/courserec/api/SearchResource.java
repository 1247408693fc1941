package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.RankedCourse;
import io.courserec.engine.SearchQuery;
import io.courserec.engine.SearchResult;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Set;

/**
 * Catalog search with optional personal boosting.
 * <pre>
 * GET /search?q=TEXT[&amp;user=ID][&amp;k=10][&amp;offset=0][&amp;level=][&amp;language=][&amp;organization=][&amp;subject=][&amp;max_duration=]
 * </pre>
 * {@code q} is free text (never parsed as query syntax), 1..{@value #MAX_QUERY_LENGTH} characters. With
 * {@code user} the ranking blends in that learner's signals ({@code personalised: true}).
 *
 * <p>Answer: {@code {query, user_id, personalised, total_hits, items, message}}. When nothing matched, the status
 * is still 200, {@code items} is empty, {@code total_hits} is 0 and {@code message} says so (otherwise
 * {@code message} is null). Offsets past the last hit return an empty page with {@code total_hits > 0} and a
 * message saying the page is past the end.
 *
 * <p>Statuses: 200; 400 (missing or too long {@code q}, bad paging or filter); 503 before the engine is ready.
 * Search answers are not cached.
 */
final class SearchResource implements Resource {
  static final int MAX_QUERY_LENGTH = 512;
  private static final Set<String> PARAMS = Set.of("q", "user");

  /** The search answer. */
  record SearchResponse(String query, String userId, boolean personalised, long totalHits, List<RankedCourse> items,
                        String message) {}

  private final Engine engine;
  private final int maxK;

  SearchResource(Engine engine, int maxK) {
    this.engine = engine;
    this.maxK = maxK;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/search", ctx -> {
      RequestParams p = RequestParams.of(ctx, PARAMS, RequestParams.PAGE, RequestParams.FILTERS);
      String q = p.required("q");
      if (q.length() > MAX_QUERY_LENGTH) {
        throw ApiException.badParameter("q", "q is longer than " + MAX_QUERY_LENGTH + " characters");
      }
      String user = ctx.queryParam("user") == null || ctx.queryParam("user").isEmpty() ? null : p.id("user");
      AccessLog.tagUser(ctx, user);
      RequestParams.Page page = p.page(maxK);
      SearchResult r = engine.search(new SearchQuery(q, user, p.filter(), page.k(), page.offset()));
      String message = null;
      if (r.totalHits() == 0) message = "no course matched '" + q + "'";
      else if (r.items().isEmpty()) message = "offset " + page.offset() + " is past the last of " + r.totalHits() + " hits";
      ctx.json(new SearchResponse(r.query(), r.userId(), r.personalised(), r.totalHits(), r.items(), message));
    });
  }
}
