package io.courserec.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of this API.
 * <pre>
 * GET /openapi.json
 * </pre>
 * Served from the classpath resource {@code /openapi.json} (kept in the repository at
 * {@code app/src/main/resources/openapi.json}); a test checks that its paths and methods are exactly the routes
 * registered here. Statuses: 200; 400 for any query parameter.
 */
final class OpenApiResource implements Resource {
  static final String RESOURCE = "/openapi.json";

  private final byte[] document;

  OpenApiResource() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/openapi.json", ctx -> {
      RequestParams.of(ctx);
      ctx.contentType("application/json").result(document);
    });
  }
}
