package io.courserec.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * The optional service token of the learner endpoints ({@code server.api_token}): when set, every request must carry
 * {@code Authorization: Bearer <server.api_token>} (401 without, 403 with another token; see {@link BearerToken}),
 * except
 * <ul>
 *   <li>the probes and descriptions {@code /health}, {@code /ready}, {@code /metrics}, {@code /openapi.json}
 *       (no learner data; load balancers and scrapers hold no token);
 *   <li>the pages and their files ({@link PageResource}: {@code GET /}, {@code /admin}, {@code /docs},
 *       {@code /assets/*}, {@code /docs/*}): static, no data; a browser cannot send a bearer token when it opens a
 *       page, and the page's scripts send it with every API call;
 *   <li>{@code /admin/*} and {@code DELETE /users/{id}}, which take the admin token instead ({@link AdminAuth});
 *   <li>{@code OPTIONS} (CORS preflights carry no credentials; they reach no data).
 * </ul>
 * Empty (the default) leaves the learner endpoints open to whoever reaches the port. Unknown paths are guarded
 * too (the check runs before route matching), so a missing token cannot probe which routes exist.
 */
final class ServiceAuth {
  static final Set<String> OPEN_PATHS = Set.of("/health", "/ready", "/metrics", "/openapi.json");

  private final BearerToken token;

  /** @param token the configured {@code server.api_token}; empty leaves the learner endpoints open */
  ServiceAuth(String token) {
    this.token = new BearerToken(token, "courserec", "learner endpoints");
  }

  void register(JavalinDefaultRoutingApi routes) {
    if (token.configured()) routes.before(this::check);
  }

  private void check(Context ctx) {
    String path = ctx.path();
    if (ctx.method() == HandlerType.OPTIONS || OPEN_PATHS.contains(path) || isAdmin(ctx)
        || PageResource.isPageRequest(ctx)) return;
    token.check(ctx);
  }

  /** Paths guarded by the admin token. */
  static boolean isAdmin(Context ctx) {
    String path = ctx.path();
    return path.equals("/admin") || path.startsWith("/admin/")
        || (ctx.method() == HandlerType.DELETE && path.startsWith("/users/"));
  }
}
