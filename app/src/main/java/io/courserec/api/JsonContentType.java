package io.courserec.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A request that carries a body must say {@code Content-Type: application/json} (parameters such as
 * {@code charset=utf-8} allowed); anything else is 415 {@code unsupported_media_type} naming {@code Content-Type}.
 * This is what stops a cross-site HTML form (which can only send {@code text/plain}, {@code multipart/form-data}
 * or {@code application/x-www-form-urlencoded} without a CORS preflight) from posting feedback in a visitor's name.
 *
 * <p>A request "carries a body" when its {@code Content-Length} is above 0 or it is chunked
 * ({@code Transfer-Encoding}). Body-less requests (the admin {@code POST}s, {@code DELETE}) pass whatever their
 * headers say; {@code GET}, {@code HEAD} and {@code OPTIONS} are never checked.
 */
final class JsonContentType {
  private JsonContentType() {}

  static void register(JavalinDefaultRoutingApi routes) {
    routes.before(JsonContentType::check);
    routes.after(JsonContentType::closeAfterRefusedBody);
  }

  private static boolean hasBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  /**
   * An error answer to a request whose body may be unread (refused before reading: 401, 404, 405, 413, 415):
   * Jetty then closes the connection rather than read a body nobody wants, so the answer says
   * {@code Connection: close}; without it a client that pools connections sends its next request down a
   * connection about to close, and loses it.
   */
  private static void closeAfterRefusedBody(Context ctx) {
    if (ctx.statusCode() < 400 || !hasBody(ctx)) return;
    ctx.header("Connection", "close");
    // read what is left of the body (at most 2 MiB) before the answer goes out: a server that closes a connection
    // with unread input makes the kernel send a reset, which can destroy the answer before the client reads it
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] buf = new byte[8192];
      for (long left = DRAIN_LIMIT; left > 0; ) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) break;
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // an over-long or broken body: the connection closes anyway
    }
  }

  private static final long DRAIN_LIMIT = 2L << 20;

  private static void check(Context ctx) {
    HandlerType m = ctx.method();
    if (m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS) return;
    if (!hasBody(ctx)) return;
    String type = ctx.header("Content-Type");
    if (type != null && isJson(type)) return;
    throw new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type", type == null
        ? "a request body needs 'Content-Type: application/json'"
        : "a request body must be application/json, got '" + printable(type) + "'");
  }

  /** {@code application/json}, case-insensitive, optionally followed by parameters. */
  static boolean isJson(String contentType) {
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json");
  }

  /** The header as it may be echoed: at most 64 characters, control characters as '?'. */
  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    StringBuilder b = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
