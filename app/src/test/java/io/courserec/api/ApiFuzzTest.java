package io.courserec.api;

import static io.courserec.api.HostileInputs.encode;
import static io.courserec.api.HostileInputs.pick;
import static io.courserec.api.HostileInputs.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A property-based fuzz of every route's parameters and bodies (retrain, reindex and erasure excepted: they start
 * builds) against the real HTTP stack (Javalin on a free port, the same server {@link ApiTestBase} starts).
 * {@value #REQUESTS} requests are generated from the fixed seed {@value #SEED} by {@link HostileInputs}: query
 * parameters known and unknown, repeated, with valid, near-valid and hostile values; path segments likewise; JSON
 * bodies mutated field by field or broken at the byte level, sent with right and wrong content types; wrong
 * methods; and about one request in twelve written as raw bytes on a socket, so the request line itself can carry
 * what {@link java.net.URI} refuses (bad percent escapes, percent-encoded invalid UTF-8, raw spaces and controls).
 *
 * <p>The property, for every request: an answer arrives on an intact connection, its status is below 500, and
 * every 4xx carries the JSON error shape {@code {error, field, detail}} with a non-blank detail. After the run, the
 * server still answers ordinary requests correctly. A failure message names the request, so a failing case replays
 * by hand; changing the seed explores other cases.
 */
class ApiFuzzTest extends ApiTestBase {
  static final long SEED = 20261205L;
  static final int REQUESTS = 2400;
  private static final List<String> GET_PATHS = List.of("/recommend", "/recommendations/{s}", "/search", "/courses/{s}",
      "/courses/{s}/similar", "/explain", "/users/{s}/history", "/health", "/ready", "/metrics", "/openapi.json",
      "/admin/jobs/{s}", "/admin/models", "/nowhere/{s}", "/{s}");
  private static final List<String> PARAMS = List.of("user", "k", "offset", "explain", "algorithm", "interests", "level",
      "language", "organization", "subject", "max_duration", "q", "course", "callback", "K", "user[]", "");
  private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
      "APPLICATION/JSON", "application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=zz", "application/xml", "application/json-patch+json", "*/*", "");

  private String previous = "none";

  /** The ids valid requests use; the fake engine's by default. */
  HostileInputs.Ids ids() {
    return new HostileInputs.Ids("u1", "u2", "c2", "c5");
  }

  /** One generated request, described for failure messages. */
  record Case(int n, String method, String target, Map<String, String> headers, byte[] body, boolean raw) {
    @Override
    public String toString() {
      String b = body == null ? "" : " body=" + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return "#" + n + " " + method + " " + target + (raw ? " (raw)" : "") + " " + headers + b;
    }
  }

  @Test
  void noGeneratedRequestGetsA5xxADroppedConnectionOrAnErrorWithoutTheJsonShape() throws Exception {
    Random r = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int n = 0; n < REQUESTS; n++) {
      Case c = generate(r, n);
      Reply reply = c.raw() ? sendRaw(c) : sendClient(c);
      previous = c + " -> " + reply.status();
      statuses.merge(reply.status(), 1, Integer::sum);
      assertThat(reply.status()).as("%s -> %s", c, reply.body()).isBetween(200, 499);
      if (reply.status() >= 400) assertErrorShape(c, reply);
    }
    // the run reached the interesting outcomes, not only one kind of answer
    assertThat(statuses.keySet()).as("statuses seen: " + statuses).contains(200, 201, 400, 404, 405, 415);
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);

    // and afterwards the server still answers ordinary requests correctly
    Reply rec = get("/recommend?user=" + ids().otherUser() + "&k=2");
    assertThat(rec.status()).isEqualTo(200);
    assertThat(rec.json().get("items")).hasSize(2);
    Reply fb = post("/feedback", "{\"user_id\":\"fresh\",\"course_id\":\"" + ids().otherCourse()
        + "\",\"event\":\"enroll\",\"event_id\":\"after-fuzz\"}");
    assertThat(fb.status()).as(fb.body()).isEqualTo(201);
    assertThat(get("/users/fresh/history").json().get("count").asInt()).isEqualTo(1);
    assertThat(get("/health").status()).isEqualTo(200);
  }

  private static void assertErrorShape(Case c, Reply reply) {
    assertThat(reply.header("content-type")).as("%s -> %s", c, reply.body()).startsWith("application/json");
    if (c.method().equals("HEAD")) return; // a HEAD answer has headers only, by definition
    JsonNode n = reply.json();
    assertThat(n.isObject()).as("%s -> %s", c, reply.body()).isTrue();
    assertThat(n.size()).as("%s -> %s", c, reply.body()).isEqualTo(3);
    assertThat(n.get("error").isTextual()).as("%s -> %s", c, reply.body()).isTrue();
    assertThat(n.has("field")).as("%s -> %s", c, reply.body()).isTrue();
    assertThat(n.get("detail").asText()).as("%s -> %s", c, reply.body()).isNotBlank();
  }

  // ---- generation -------------------------------------------------------------------------------------------

  private Case generate(Random r, int n) {
    Map<String, String> headers = new TreeMap<>();
    int roll = r.nextInt(100);
    String method;
    String target;
    byte[] body = null;
    if (roll < 35) { // the body route
      method = "POST";
      target = "/feedback" + (r.nextInt(10) == 0 ? query(r) : "");
      body = HostileInputs.feedbackBody(r, ids());
      String type = r.nextInt(5) == 0 ? pick(r, CONTENT_TYPES) : "application/json";
      if (!type.isEmpty()) headers.put("Content-Type", type);
    } else if (roll < 42) { // a wrong method, with or without a body
      method = pick(r, List.of("PUT", "PATCH", "POST", "GET", "HEAD"));
      target = method.equals("GET") || method.equals("HEAD") ? "/feedback" : path(r) + query(r);
      if (!method.equals("GET") && !method.equals("HEAD") && r.nextBoolean()) {
        body = HostileInputs.feedbackBody(r, ids());
        headers.put("Content-Type", pick(r, CONTENT_TYPES.subList(0, 5)));
      }
    } else {
      method = "GET";
      target = path(r) + query(r);
    }
    if (target.startsWith("/admin") || r.nextInt(20) == 0) {
      headers.put("Authorization", r.nextInt(4) == 0 ? pick(r, List.of("Bearer nope", "Basic abc", "Bearer", "bearer " + TOKEN))
          : "Bearer " + TOKEN);
    }
    if (r.nextInt(10) == 0) headers.put("Cache-Control", pick(r, List.of("no-cache", "max-age=0", "NO-CACHE")));
    boolean raw = r.nextInt(12) == 0 && !method.equals("HEAD");
    if (raw) target = rawTarget(r, target);
    return new Case(n, method, target, headers, body, raw);
  }

  private String path(Random r) {
    String p = pick(r, GET_PATHS);
    return p.replace("{s}", r.nextInt(3) == 0 ? pick(r, ids().all()) : encode(string(r)));
  }

  /** 0..4 parameters, names mostly known, values from the pools; sometimes a name twice or no value. */
  private String query(Random r) {
    int count = r.nextInt(5);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = pick(r, PARAMS);
      int shape = r.nextInt(20);
      if (shape == 0) parts.add(encode(name));
      else if (shape == 1) parts.add(encode(name) + "=");
      else parts.add(encode(name) + "=" + encode(r.nextInt(4) == 0 ? pick(r, ids().all()) : string(r)));
      if (shape == 2) parts.add(encode(name) + "=" + encode(string(r)));
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** What only a raw request line can carry. */
  private static String rawTarget(Random r, String target) {
    String bad = pick(r, List.of("%zz", "%", "%C3%28", "%FF%FE", "%E2%82", "%F0%9F%98", "%C0%AF", "%ED%A0%80",
        "a%00b", "%0d%0aX-Injected:%201", "\u00e9", "a b", "\t"));
    return target + (target.contains("?") ? "&user=" : "?user=") + bad;
  }

  // ---- sending ------------------------------------------------------------------------------------------------

  private Reply sendClient(Case c) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + c.target()));
    c.headers().forEach(b::header);
    // A target past Jetty's 8 KB request-header limit is answered (414, JSON) and the connection closed before the
    // body is read; a client still sending the body can then lose that answer to the TCP reset, a race of the
    // transport that says nothing about the server. Such requests ask "Expect: 100-continue", so the body is only
    // sent when the server wants it, and the server's answer must still arrive.
    if (c.body() != null && c.target().length() > 8 * 1024) b.expectContinue(true);
    HttpRequest.BodyPublisher p = c.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(c.body());
    try {
      return send(b.method(c.method(), p).build());
    } catch (java.io.UncheckedIOException e) {
      throw new AssertionError(c + ": no answer (" + e.getCause() + "); previous: " + previous, e);
    }
  }

  /** HTTP/1.1 over a plain socket with {@code Connection: close}; the reply is read to the end. */
  private Reply sendRaw(Case c) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder(c.method() + " " + c.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n");
      c.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (c.body() != null) head.append("Content-Length: ").append(c.body().length).append("\r\n");
      req.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      if (c.body() != null) req.write(c.body());
      OutputStream out = s.getOutputStream();
      out.write(req.toByteArray());
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(all).as("%s: the connection closed without an answer", c).startsWith("HTTP/1.1 ");
      int status = Integer.parseInt(all.substring(9, 12));
      int split = all.indexOf("\r\n\r\n");
      String headers = all.substring(0, split);
      String body = all.substring(split + 4);
      if (headers.toLowerCase().contains("transfer-encoding: chunked")) body = unchunk(body);
      return new Reply(status, java.net.http.HttpHeaders.of(parseHeaders(headers), (a, b) -> true), body);
    }
  }

  private static Map<String, List<String>> parseHeaders(String head) {
    Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) m.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
    }
    return m;
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
      if (size == 0) break;
      out.append(body, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
