package io.courserec.api;

import java.util.Locale;

/**
 * Every {@code error} code the API answers with, and its HTTP status: the one list that {@link ApiException},
 * {@link ApiExceptionMapper} and {@link JsonErrorPages} draw from, and that docs/api.md documents (a test checks
 * both ways). A code is the constant's name in lower case; clients match on it, so a code never changes meaning.
 * The only codes outside this list are {@code http_<status>} for a status Jetty or Javalin raise that none of
 * these covers.
 */
public enum ErrorKind {
  INVALID_PARAMETER(400),
  MALFORMED_JSON(400),
  /** Feedback naming a course the catalog does not have: the body is wrong, not the URL (400, not 404). */
  UNKNOWN_COURSE_IN_BODY(400, "unknown_course"),
  /** A request Jetty refuses before routing (unparseable request line, bad percent escape). */
  BAD_REQUEST(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  CORS_FORBIDDEN(403),
  ADMIN_DISABLED(403),
  UNKNOWN_COURSE(404),
  UNKNOWN_USER(404),
  UNKNOWN_JOB(404),
  NOT_FOUND(404),
  NO_QUALITY_REPORT(404),
  METHOD_NOT_ALLOWED(405),
  EVENT_ID_CONFLICT(409),
  PAYLOAD_TOO_LARGE(413),
  URI_TOO_LONG(414),
  UNSUPPORTED_MEDIA_TYPE(415),
  RATE_LIMITED(429),
  HEADERS_TOO_LARGE(431),
  INTERNAL_ERROR(500),
  NOT_READY(503),
  STORE_UNAVAILABLE(503);

  private final int status;
  private final String code;

  ErrorKind(int status) {
    this.status = status;
    this.code = name().toLowerCase(Locale.ROOT);
  }

  ErrorKind(int status, String code) {
    this.status = status;
    this.code = code;
  }

  /** The HTTP status answered with this kind. */
  public int status() { return status; }

  /** The {@code error} field of the body. */
  public String code() { return code; }

  /** The 404 kind for an unknown entity ({@code course}, {@code user}, {@code job}); {@link #NOT_FOUND} otherwise. */
  static ErrorKind unknown(String entity) {
    return switch (entity.toLowerCase(Locale.ROOT)) {
      case "course" -> UNKNOWN_COURSE;
      case "user" -> UNKNOWN_USER;
      case "job" -> UNKNOWN_JOB;
      default -> NOT_FOUND;
    };
  }

  /** The kind Jetty's own error pages answer with for {@code status}, or null for a status none covers. */
  static ErrorKind ofJettyStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 414 -> URI_TOO_LONG;
      case 431 -> HEADERS_TOO_LARGE;
      default -> null;
    };
  }
}
