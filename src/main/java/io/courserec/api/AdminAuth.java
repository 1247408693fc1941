package io.courserec.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Bearer-token check for {@code /admin/*}, run before the admin handlers (and before route matching, so unknown
 * admin paths are guarded too):
 * <ul>
 *   <li>{@code server.admin_token} empty: admin is disabled, 403 {@code admin_disabled} for everyone;
 *   <li>no {@code Authorization} header, or not {@code Bearer <token>}: 401 {@code unauthorized} with
 *       {@code WWW-Authenticate: Bearer realm="courserec-admin"};
 *   <li>a token that differs from the configured one: 403 {@code forbidden}.
 * </ul>
 * Tokens are compared in constant time over their SHA-256 digests (so neither content nor length leaks through
 * timing). The token is never logged and never echoed in an answer.
 */
final class AdminAuth {
  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest;

  /** @param token the configured token; empty disables admin */
  AdminAuth(String token) {
    this.expectedDigest = token.isEmpty() ? null : sha256(token);
  }

  void check(Context ctx) {
    if (expectedDigest == null) {
      throw new ApiException(403, "admin_disabled", null, "admin endpoints are disabled (server.admin_token is empty)");
    }
    String header = ctx.header("Authorization");
    if (header == null || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"courserec-admin\"");
      throw new ApiException(401, "unauthorized", "Authorization",
          header == null ? "admin endpoints need 'Authorization: Bearer <token>'" : "Authorization must be 'Bearer <token>'");
    }
    byte[] given = sha256(header.substring(SCHEME.length()).trim());
    if (!MessageDigest.isEqual(expectedDigest, given)) {
      throw new ApiException(403, "forbidden", "Authorization", "the bearer token is not valid for admin endpoints");
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
