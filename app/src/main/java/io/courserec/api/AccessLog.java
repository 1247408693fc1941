package io.courserec.api;

import io.courserec.engine.LearnerPseudonyms;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-request bookkeeping: resolves the route template (e.g. {@code /courses/{id}}, or {@code unmatched}) before
 * any other handler runs, adds {@code Server-Timing: app;dur=<ms>} to every response, and writes one log line per
 * request to the logger {@code io.courserec.api.access}:
 * <pre>GET /recommend 200 3.2 ms user=5e884898da28c1f0 cache=hit</pre>
 * Raw paths and query strings are never logged (they hold user ids and could hold secrets); the user id appears
 * only as its keyed pseudonym ({@link LearnerPseudonyms#logId}: 16 hex digits of an HMAC-SHA256 under
 * {@code server.log_id_key} or the generated key file), which nobody without the key can link back to an id, not
 * even by hashing a list of guessed ids. The latency is also recorded in
 * {@link ApiMetrics} under the route template, so the metric's cardinality is bounded by the number of routes.
 */
public final class AccessLog {
  private static final Logger log = LoggerFactory.getLogger("io.courserec.api.access");
  private static final String START = "courserec.start";
  private static final String ROUTE = "courserec.route";
  private static final String USER = "courserec.user";
  private static final String CACHE = "courserec.cache";

  private final JavalinState state;
  private final ApiMetrics metrics;
  private final LearnerPseudonyms ids;

  AccessLog(JavalinState state, ApiMetrics metrics, LearnerPseudonyms ids) {
    this.state = state;
    this.metrics = metrics;
    this.ids = ids;
  }

  /** Registers the before/after handlers; must be the first registration so it sees every request. */
  void register(JavalinDefaultRoutingApi routes) {
    routes.before(ctx -> {
      ctx.attribute(START, System.nanoTime());
      ctx.attribute(ROUTE, template(ctx));
    });
    routes.after(ctx -> {
      Long start = ctx.attribute(START);
      if (start != null) {
        ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - start) / 1e6));
      }
    });
  }

  /** Javalin's request logger: called once the response is complete, with Javalin's own latency in ms. */
  void logRequest(Context ctx, Float ms) {
    String route = route(ctx);
    int status = ctx.statusCode();
    metrics.recordRequest(ctx.method().name(), route, status, ms);
    String user = ctx.attribute(USER);
    String cache = ctx.attribute(CACHE);
    log.info("{} {} {} {} ms{}{}", ctx.method().name(), route, status, String.format(Locale.ROOT, "%.1f", ms),
        user == null ? "" : " user=" + ids.logId(user), cache == null ? "" : " cache=" + cache);
  }

  /** The route template of this request (set by the before handler), or {@code unmatched}. */
  static String route(Context ctx) {
    String r = ctx.attribute(ROUTE);
    return r == null ? "unmatched" : r;
  }

  /** Remembers which user the request is about (in memory; logged only as its pseudonym). */
  static void tagUser(Context ctx, String userId) {
    if (userId != null) ctx.attribute(USER, userId);
  }

  /** Remembers whether the response came from the cache ({@code hit}, {@code miss}, {@code bypass}). */
  static void tagCache(Context ctx, String outcome) {
    ctx.attribute(CACHE, outcome);
    ctx.header("X-Cache", outcome);
  }

  private String template(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    if (matched != null && matched.method.isHttpMethod()) return matched.path;
    List<ParsedEndpoint> found = state.internalRouter.findHttpHandlerEntries(ctx.method(), ctx.path());
    return found.isEmpty() ? "unmatched" : found.get(0).endpoint.path;
  }
}
