package io.courserec.api;

/**
 * The API's only exception type: an HTTP status plus the three fields of the error body
 * {@code {"error": ..., "field": ..., "detail": ...}}. Handlers throw it; {@link ApiExceptionMapper} answers.
 * {@code error} is a stable machine-readable code (e.g. {@code invalid_parameter}); {@code field} names the query
 * parameter or body field at fault ({@code k}, {@code events[2].rating}) or is null; {@code detail} is one
 * readable sentence that names the bad value.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final String field;

  public ApiException(int status, String error, String field, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  /** 400 for a bad query parameter or body field. */
  public static ApiException badParameter(String field, String detail) {
    return new ApiException(400, "invalid_parameter", field, detail);
  }

  /** 400 for a body that is not valid JSON or not the expected shape. */
  public static ApiException malformedBody(String field, String detail) {
    return new ApiException(400, "malformed_json", field, detail);
  }

  /** 413 for a body over {@code server.max_body_bytes}. */
  public static ApiException tooLarge(String detail) {
    return new ApiException(413, "payload_too_large", null, detail);
  }

  public int status() { return status; }
  public String error() { return error; }
  public String field() { return field; }
  public String detail() { return getMessage(); }
}
