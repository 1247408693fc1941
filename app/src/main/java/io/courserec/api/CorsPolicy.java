package io.courserec.api;

import io.courserec.config.ConfigException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-origin access for browser front ends, from {@code server.cors.allowed_origins}: a comma-separated list of
 * exact origins ({@code https://learn.example.org}, {@code http://localhost:3000}), or {@code *} for any origin.
 * Empty (the default): no CORS headers at all, so a browser page from another origin can neither read an answer
 * nor send a JSON {@code POST} (the browser's preflight is not answered).
 *
 * <p>For a request whose {@code Origin} is allowed, the answer carries {@code Access-Control-Allow-Origin} (the
 * origin itself, or {@code *}), {@code Vary: Origin} and {@code Access-Control-Expose-Headers} for the headers
 * clients read ({@code X-Cache}, {@code Retry-After}, {@code Location}). A preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) from an allowed origin is answered 204 at once with
 * {@code Access-Control-Allow-Methods: GET, POST, DELETE}, {@code Access-Control-Allow-Headers: Authorization,
 * Content-Type, Cache-Control} and {@code Access-Control-Max-Age: 600}; from any other origin it is 403
 * {@code cors_forbidden}. Credentials (cookies) are never allowed: the API uses bearer tokens only.
 */
final class CorsPolicy {
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");
  static final String METHODS = "GET, POST, DELETE";
  static final String HEADERS = "Authorization, Content-Type, Cache-Control";
  static final String EXPOSED = "X-Cache, Retry-After, Location";

  private final Set<String> origins;
  private final boolean any;

  private CorsPolicy(Set<String> origins, boolean any) {
    this.origins = origins;
    this.any = any;
  }

  /**
   * Parses the configured list.
   *
   * @throws ConfigException naming the key and the bad entry when an entry is not {@code scheme://host[:port]}
   */
  static CorsPolicy parse(String key, String value) {
    List<String> entries = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (entries.contains("*")) return new CorsPolicy(Set.of(), true);
    for (String e : entries) {
      if (!ORIGIN.matcher(e).matches()) {
        throw new ConfigException(key + ": '" + e + "' is not an origin like https://app.example.org or "
            + "http://localhost:3000 (scheme, host and optional port; no path, no trailing slash), nor *");
      }
    }
    return new CorsPolicy(entries.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
        false);
  }

  boolean enabled() { return any || !origins.isEmpty(); }

  void register(JavalinDefaultRoutingApi routes) {
    if (enabled()) routes.before(this::apply);
  }

  private void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) return;
    boolean allowed = any || origins.contains(origin.toLowerCase(Locale.ROOT));
    boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
    if (allowed) {
      ctx.header("Access-Control-Allow-Origin", any ? "*" : origin);
      ctx.header("Vary", "Origin");
      ctx.header("Access-Control-Expose-Headers", EXPOSED);
    }
    if (!preflight) return;
    if (!allowed) throw new ApiException(ErrorKind.CORS_FORBIDDEN, "Origin", "this origin is not in server.cors.allowed_origins");
    ctx.header("Access-Control-Allow-Methods", METHODS);
    ctx.header("Access-Control-Allow-Headers", HEADERS);
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
    ctx.skipRemainingHandlers();
  }
}
