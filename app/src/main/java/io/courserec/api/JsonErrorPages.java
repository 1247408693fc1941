package io.courserec.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers in the API's JSON error shape. Some requests never reach Javalin: a request line or
 * URI too long (414), headers too large (431), a request line Jetty cannot parse or a URI with bad percent escapes
 * (400). Jetty answers those itself, by default with an HTML page; this handler writes
 * {@code {"error","field":null,"detail"}} instead, with codes {@code uri_too_long}, {@code headers_too_large},
 * {@code bad_request}, or {@code http_<status>}. The detail is Jetty's reason phrase only: nothing from the request
 * is echoed.
 */
final class JsonErrorPages extends ErrorHandler {
  private final ObjectMapper mapper;

  JsonErrorPages(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                  Callback callback) {
    byte[] body = body(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
    // Jetty may close the connection after its own error (an unread body, a rejected URI): say so, as below
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * Errors found while parsing the request, before there is a request object. Jetty closes the connection after
   * such an answer, so it says {@code Connection: close}: a client that pools connections must not send its next
   * request down this one.
   */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
    return ByteBuffer.wrap(body(status));
  }

  private byte[] body(int code) {
    ErrorKind kind = ErrorKind.ofJettyStatus(code);
    String error = kind != null ? kind.code() : "http_" + code;
    String reason = HttpStatus.getMessage(code);
    String detail = "the server could not read this request (" + code + " " + (reason == null ? "error" : reason)
        + ")";
    try {
      return mapper.writeValueAsBytes(new ApiExceptionMapper.ErrorBody(error, null, detail));
    } catch (JsonProcessingException e) {
      return ("{\"error\":\"" + error + "\",\"field\":null,\"detail\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
