package io.courserec.api;

import io.javalin.http.Context;

/**
 * Bearer-token check for {@code /admin/*} and {@code DELETE /users/{id}}, run before the admin handlers (and before
 * route matching, so unknown admin paths are guarded too):
 * <ul>
 *   <li>{@code server.admin_token} empty: admin is disabled, 403 {@code admin_disabled} for everyone;
 *   <li>otherwise the {@link BearerToken} rules: 401 {@code unauthorized} without a bearer header (with
 *       {@code WWW-Authenticate: Bearer realm="courserec-admin"}), 403 {@code forbidden} for a wrong token.
 * </ul>
 * Tokens are compared in constant time; the token is never logged and never echoed in an answer.
 */
final class AdminAuth {
  private final BearerToken token;

  /** @param token the configured token; empty disables admin */
  AdminAuth(String token) {
    this.token = new BearerToken(token, "courserec-admin", "admin endpoints");
  }

  void check(Context ctx) {
    if (!token.configured()) {
      throw new ApiException(ErrorKind.ADMIN_DISABLED, null, "admin endpoints are disabled (server.admin_token is empty)");
    }
    token.check(ctx);
  }
}
