package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.RecommendQuery;
import io.courserec.engine.RecommendResult;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranked course recommendations for a learner.
 * <pre>
 * GET /recommend?user=ID[&amp;k=10][&amp;offset=0][&amp;explain=false][&amp;algorithm=hybrid][&amp;interests=a|b][&amp;filters]
 * GET /recommendations/{userId}[?same parameters but user]
 * </pre>
 * Filters: {@code level}, {@code language}, {@code organization}, {@code subject}, {@code max_duration} (see
 * {@link RequestParams}). {@code interests} are pipe-separated declared interests used for an unknown learner
 * (cold start); at most {@value #MAX_INTERESTS}. {@code algorithm} is an engine registry name (hybrid, pop, cbr,
 * itemknn, userknn, mf); the engine rejects unknown ones. The answer's {@code strategy} says {@code personal},
 * {@code cold-start} or {@code popular}.
 *
 * <p>Cached per (query, model version) unless the request carries {@code Cache-Control: no-cache}; the
 * {@code X-Cache} response header says {@code hit}, {@code miss} or {@code bypass}.
 *
 * <p>Statuses: 200; 400 (bad or unknown parameter, {@code k + offset > server.max_k}, unknown algorithm);
 * 503 before the engine is ready.
 */
final class RecommendResource implements Resource {
  static final int MAX_INTERESTS = 20;
  private static final Pattern ALGORITHM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final Set<String> PARAMS = Set.of("k", "offset", "explain", "algorithm", "interests");

  private final Engine engine;
  private final RecommendationCache cache;
  private final EngineStatusMonitor monitor;
  private final int maxK;

  RecommendResource(Engine engine, RecommendationCache cache, EngineStatusMonitor monitor, int maxK) {
    this.engine = engine;
    this.cache = cache;
    this.monitor = monitor;
    this.maxK = maxK;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/recommend", ctx -> {
      RequestParams p = RequestParams.of(ctx, PARAMS, RequestParams.FILTERS, Set.of("user"));
      answer(ctx, p, p.id("user"));
    });
    routes.get("/recommendations/{userId}", ctx ->
        answer(ctx, RequestParams.of(ctx, PARAMS, RequestParams.FILTERS), RequestParams.pathId(ctx, "userId")));
  }

  private void answer(Context ctx, RequestParams p, String user) {
    AccessLog.tagUser(ctx, user);
    RequestParams.Page page = p.page(maxK);
    String algorithm = p.optional("algorithm");
    if (algorithm != null && !ALGORITHM.matcher(algorithm).matches()) {
      throw ApiException.badParameter("algorithm", "algorithm must be a registry name like 'hybrid', got '" + algorithm + "'");
    }
    RecommendQuery query = new RecommendQuery(user, page.k(), page.offset(), p.filter(), algorithm,
        p.bool("explain", false), interests(p.optional("interests")));
    String version = monitor.modelVersion();
    boolean bypass = "no-cache".equalsIgnoreCase(String.valueOf(ctx.header("Cache-Control")).trim());
    RecommendResult cached = bypass ? null : cache.get(query, version);
    if (cached != null) {
      AccessLog.tagCache(ctx, "hit");
      ctx.json(cached);
      return;
    }
    long ticket = cache.ticket(user);
    RecommendResult result = engine.recommend(query);
    if (version != null && version.equals(result.modelVersion())) cache.put(query, version, result, ticket);
    else monitor.noticeVersion(result.modelVersion());
    AccessLog.tagCache(ctx, bypass ? "bypass" : "miss");
    ctx.json(result);
  }

  private static List<String> interests(String raw) {
    if (raw == null) return List.of();
    List<String> list = Arrays.stream(raw.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    if (list.size() > MAX_INTERESTS) {
      throw ApiException.badParameter("interests", "at most " + MAX_INTERESTS + " interests, got " + list.size());
    }
    return list;
  }
}
