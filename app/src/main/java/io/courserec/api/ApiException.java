package io.courserec.api;

/**
 * The API's only exception type: an HTTP status plus the three fields of the error body
 * {@code {"error": ..., "field": ..., "detail": ...}}. Handlers throw it; {@link ApiExceptionMapper} answers.
 * {@code error} is a stable machine-readable code (e.g. {@code invalid_parameter}); {@code field} names the query
 * parameter or body field at fault ({@code k}, {@code events[2].rating}) or is null; {@code detail} is one
 * readable sentence that names the bad value.
 */
public final class ApiException extends RuntimeException {
  private final ErrorKind kind;
  private final String field;

  public ApiException(ErrorKind kind, String field, String detail) {
    super(detail, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  /** 400 for a bad query parameter or body field. */
  public static ApiException badParameter(String field, String detail) {
    return new ApiException(ErrorKind.INVALID_PARAMETER, field, detail);
  }

  /** 400 for a body that is not valid JSON or not the expected shape. */
  public static ApiException malformedBody(String field, String detail) {
    return new ApiException(ErrorKind.MALFORMED_JSON, field, detail);
  }

  /** 413 for a body over {@code server.max_body_bytes}. */
  public static ApiException tooLarge(String detail) {
    return new ApiException(ErrorKind.PAYLOAD_TOO_LARGE, null, detail);
  }

  public ErrorKind kind() { return kind; }
  public int status() { return kind.status(); }
  public String error() { return kind.code(); }
  public String field() { return field; }
  public String detail() { return getMessage(); }
}
