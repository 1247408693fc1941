package io.courserec.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The pages, served from the jar (no build step, no CDN, no other host):
 * <pre>
 * GET /                 the learner page       (classpath io/courserec/web/index.html)
 * GET /admin            the operator page      (admin.html)
 * GET /docs             Swagger UI over /openapi.json (docs.html, with the org.webjars:swagger-ui files)
 * GET /assets/{file}    the pages' scripts and style sheet (a fixed list)
 * GET /docs/{file}      Swagger UI's script, style sheet and icon (a fixed list)
 * </pre>
 * The pages hold no data: their scripts call the public JSON API with the tokens it requires, so they are open like
 * the probes ({@link ServiceAuth}, {@link AdminAuth} let them through) and take any query string (the learner page
 * reads {@code ?user=}). Every answer carries a Content-Security-Policy allowing scripts, styles, images and
 * connections from this origin only (inline styles allowed: Swagger UI sets style attributes; inline scripts not),
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and {@code Cache-Control: no-cache}.
 *
 * <p>Statuses: 200; 404 for a file not in the lists.
 */
final class PageResource implements Resource {
  static final String BASE = "/io/courserec/web/";
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
      + "frame-ancestors 'none'";
  private static final List<String> PAGES = List.of("index.html", "admin.html", "docs.html");
  private static final List<String> ASSETS = List.of("app.css", "common.js", "learner.js", "admin.js", "docs.js");
  private static final List<String> SWAGGER = List.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png");

  /** A file's bytes and media type. */
  private record Asset(byte[] bytes, String type) {}

  private final Map<String, Asset> files = new LinkedHashMap<>();

  PageResource() {
    for (String f : PAGES) files.put(f, load(BASE + f));
    for (String f : ASSETS) files.put("assets/" + f, load(BASE + f));
    String swagger = "/META-INF/resources/webjars/swagger-ui/" + swaggerVersion() + "/";
    for (String f : SWAGGER) files.put("docs/" + f, load(swagger + f));
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/", ctx -> send(ctx, "index.html"));
    routes.get("/admin", ctx -> send(ctx, "admin.html"));
    routes.get("/docs", ctx -> send(ctx, "docs.html"));
    routes.get("/assets/{file}", ctx -> send(ctx, "assets/" + ctx.pathParam("file")));
    routes.get("/docs/{file}", ctx -> send(ctx, "docs/" + ctx.pathParam("file")));
  }

  /** True for a GET or HEAD of a page or one of their files, which need no token. */
  static boolean isPageRequest(Context ctx) {
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) return false;
    String p = ctx.path();
    return p.equals("/") || p.equals("/admin") || p.equals("/docs") || p.startsWith("/assets/") || p.startsWith("/docs/");
  }

  private void send(Context ctx, String name) {
    Asset a = files.get(name);
    if (a == null) throw new ApiException(ErrorKind.NOT_FOUND, null, "no such file: " + ctx.path());
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(a.type()).result(a.bytes());
  }

  /** The swagger-ui webjar's version, from its Maven properties (so a version bump in the pom needs no edit here). */
  private static String swaggerVersion() {
    String props = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = PageResource.class.getResourceAsStream(props)) {
      if (in == null) throw new IllegalStateException("classpath resource " + props + " is missing (webjar swagger-ui)");
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Asset load(String resource) {
    try (InputStream in = PageResource.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("classpath resource " + resource + " is missing");
      return new Asset(in.readAllBytes(), type(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String type(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "png" -> "image/png";
      default -> throw new IllegalArgumentException("no media type for " + name);
    };
  }
}
