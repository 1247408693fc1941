package io.courserec.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One configured bearer token and the check of a request's {@code Authorization} header against it:
 * <ul>
 *   <li>no header, or not {@code Bearer <token>}: 401 {@code unauthorized} with
 *       {@code WWW-Authenticate: Bearer realm="<realm>"};
 *   <li>a token that differs from the configured one: 403 {@code forbidden}.
 * </ul>
 * Tokens are compared in constant time over their SHA-256 digests (so neither content nor length leaks through
 * timing). The token is never logged and never echoed in an answer. Shared by {@link AdminAuth} and
 * {@link ServiceAuth}, which decide what an empty token means.
 */
final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest;
  private final String realm;
  private final String scope;

  /**
   * @param token the configured token; empty means none is configured ({@link #configured()} false)
   * @param realm the realm named in {@code WWW-Authenticate}
   * @param scope what the token opens, for messages (e.g. "admin endpoints")
   */
  BearerToken(String token, String realm, String scope) {
    this.expectedDigest = token.isEmpty() ? null : sha256(token);
    this.realm = realm;
    this.scope = scope;
  }

  boolean configured() { return expectedDigest != null; }

  /** Throws 401 or 403 unless the request carries this token; only call when {@link #configured()}. */
  void check(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
      throw new ApiException(ErrorKind.UNAUTHORIZED, "Authorization",
          header == null ? scope + " need 'Authorization: Bearer <token>'" : "Authorization must be 'Bearer <token>'");
    }
    byte[] given = sha256(header.substring(SCHEME.length()).trim());
    if (!MessageDigest.isEqual(expectedDigest, given)) {
      throw new ApiException(ErrorKind.FORBIDDEN, "Authorization", "the bearer token is not valid for " + scope);
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
