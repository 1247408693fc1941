package io.courserec.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.engine.InvalidInputException;
import io.courserec.engine.ConflictException;
import io.courserec.engine.NotReadyException;
import io.courserec.engine.StoreUnavailableException;
import io.courserec.rec.UnknownEntityException;
import io.javalin.config.RouterConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers, all with the body {@code {"error","field","detail"}}:
 * <ul>
 *   <li>{@link ApiException}: its own status and fields (400, 401, 403, 413, ...);
 *   <li>{@link InvalidInputException} from the engine: 400 {@code invalid_parameter} with the engine's field;
 *   <li>{@link UnknownEntityException}: 404 {@code unknown_<kind>} (e.g. {@code unknown_course}), field = kind;
 *   <li>{@link NotReadyException}: 503 {@code not_ready} with {@code Retry-After: 5};
 *   <li>{@link StoreUnavailableException}: 503 {@code store_unavailable}, the detail naming the fault kind (locked,
 *       full, unreachable, timeout), with {@code Retry-After} from the kind (1, 30, 5, 2 s);
 *   <li>{@link ConflictException}: 409 {@code event_id_conflict} with the engine's field
 *       ({@code events[0].course_id});
 *   <li>Javalin's own: unknown route 404 {@code not_found}, wrong method 405 {@code method_not_allowed} (with
 *       {@code Allow}), oversized body 413;
 *   <li>anything else: 500 {@code internal_error} with a generic detail and an incident id; the exception and its
 *       stack trace go to the server log under that id, never to the client.
 * </ul>
 */
public final class ApiExceptionMapper {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionMapper.class);

  /** The error body. */
  public record ErrorBody(String error, String field, String detail) {}

  private ApiExceptionMapper() {}

  /** Errors ({@link Error}: stack overflow, assertion, out of memory) bypass exception handlers; same 500 answer. */
  static void registerErrors(RouterConfig router, ObjectMapper mapper) {
    router.javaLangErrorHandler((res, error) -> {
      String incident = incident();
      log.error("incident {}: unhandled error", incident, error);
      try {
        res.setStatus(500);
        res.setContentType("application/json");
        res.getOutputStream().write(mapper.writeValueAsBytes(new ErrorBody(ErrorKind.INTERNAL_ERROR.code(), null, generic(incident))));
      } catch (IOException | IllegalStateException e) {
        log.warn("incident {}: could not write the error answer: {}", incident, e.toString());
      }
    });
  }

  static void register(JavalinDefaultRoutingApi routes) {
    routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.kind(), e.field(), e.detail()));
    routes.exception(InvalidInputException.class,
        (e, ctx) -> answer(ctx, ErrorKind.INVALID_PARAMETER, e.field(), e.getMessage()));
    routes.exception(UnknownEntityException.class, (e, ctx) ->
        answer(ctx, ErrorKind.unknown(e.kind()), e.kind(), e.getMessage()));
    routes.exception(NotReadyException.class, (e, ctx) -> {
      ctx.header("Retry-After", "5");
      answer(ctx, ErrorKind.NOT_READY, null, e.getMessage());
    });
    routes.exception(StoreUnavailableException.class, (e, ctx) -> {
      log.warn("{} {}: feedback store unavailable ({}): {}", ctx.method(), AccessLog.route(ctx), e.kind(),
          e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
      answer(ctx, ErrorKind.STORE_UNAVAILABLE, null, e.getMessage());
    });
    routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, ErrorKind.EVENT_ID_CONFLICT, e.field(), e.getMessage()));
    routes.exception(HttpResponseException.class, ApiExceptionMapper::javalin);
    routes.exception(Exception.class, (e, ctx) -> {
      String incident = incident();
      log.error("incident {}: unhandled exception on {} {}", incident, ctx.method(), AccessLog.route(ctx), e);
      answer(ctx, ErrorKind.INTERNAL_ERROR, null, generic(incident));
    });
  }

  private static String incident() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  private static String generic(String incident) {
    return "unexpected server error (incident " + incident + "); the details are in the server log";
  }

  private static void javalin(HttpResponseException e, Context ctx) {
    if (e instanceof EndpointNotFound) {
      answer(ctx, ErrorKind.NOT_FOUND, null, "no route for " + ctx.method() + " " + ctx.path());
    } else if (e instanceof MethodNotAllowedResponse) {
      String allowed = e.getDetails().getOrDefault("availableMethods", "");
      if (!allowed.isEmpty()) ctx.header("Allow", allowed);
      answer(ctx, ErrorKind.METHOD_NOT_ALLOWED, null, ctx.method() + " is not allowed here; allowed: " + allowed);
    } else if (e.getStatus() == 413) {
      answer(ctx, ErrorKind.PAYLOAD_TOO_LARGE, null, "request body is larger than server.max_body_bytes");
    } else {
      answer(ctx, e.getStatus(), "http_" + e.getStatus(), null, e.getMessage());
    }
  }

  static void answer(Context ctx, ErrorKind kind, String field, String detail) {
    answer(ctx, kind.status(), kind.code(), field, detail);
  }

  /** An answer with a code outside {@link ErrorKind}: only {@code http_<status>} for statuses none covers. */
  static void answer(Context ctx, int status, String error, String field, String detail) {
    ctx.status(status).json(new ErrorBody(error, field, detail));
  }
}
