package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.courserec.catalog.QualityReport;
import io.courserec.config.ConfigKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages and the JSON routes added for them, with both tokens configured: the pages and their files load without
 * a token and with the security headers, while the data behind them keeps its tokens; the example learners, the
 * quality report and the live summary answer as documented.
 */
class PageApiTest extends ApiTestBase {
  static final String API_TOKEN = "svc-token-pages-41";
  static final String[] SERVICE = {"Authorization", "Bearer " + API_TOKEN};
  static final String[] ADMIN = {"Authorization", "Bearer " + TOKEN};

  @Override
  Map<ConfigKey, String> settings() {
    return Map.of(ConfigKey.API_TOKEN, API_TOKEN);
  }

  @Test
  void pagesAndTheirFilesLoadWithoutATokenWithTypeAndSecurityHeaders() {
    for (String page : List.of("/", "/admin", "/docs", "/?user=u1")) {
      Reply r = get(page);
      assertThat(r.status()).as(page).isEqualTo(200);
      assertThat(type(r)).as(page).isEqualTo("text/html;charset=utf-8");
      assertThat(r.header("Content-Security-Policy")).as(page).isEqualTo(PageResource.CSP);
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.body()).startsWith("<!doctype html>");
    }
    assertThat(get("/").body()).contains("/assets/learner.js").doesNotContain("http://", "https://");
    assertThat(get("/admin").body()).contains("/assets/admin.js").doesNotContain("http://", "https://");
    Reply js = get("/assets/learner.js");
    assertThat(js.status()).isEqualTo(200);
    assertThat(type(js)).isEqualTo("text/javascript;charset=utf-8");
    assertThat(type(get("/assets/app.css"))).isEqualTo("text/css;charset=utf-8");
    Reply swagger = get("/docs/swagger-ui-bundle.js");
    assertThat(swagger.status()).isEqualTo(200);
    assertThat(swagger.body()).contains("SwaggerUIBundle");
    assertThat(get("/docs/favicon-32x32.png").header("content-type")).isEqualTo("image/png");
  }

  @Test
  void onlyListedFilesAreServed() {
    assertError(get("/assets/nope.js"), 404, "not_found", null);
    assertError(get("/assets/..%2Fopenapi.json"), 404, "not_found", null);
    assertError(get("/docs/swagger-ui.js.map"), 404, "not_found", null);
    assertError(get("/docs/index.html"), 404, "not_found", null);
  }

  @Test
  void theDataBehindThePagesKeepsItsTokens() {
    assertError(get("/learners/examples"), 401, "unauthorized", "Authorization");
    assertError(get("/admin/models"), 401, "unauthorized", "Authorization");
    assertError(get("/admin/summary", SERVICE), 403, "forbidden", "Authorization");
    assertError(get("/admin/quality", "Authorization", "Bearer wrong"), 403, "forbidden", "Authorization");
    // the page's route is a GET only: anything else on /admin is still the admin API's
    assertError(post("/admin", ""), 401, "unauthorized", "Authorization");
  }

  @Test
  void exampleLearnersAreTheEnginesInSnakeCase() {
    Reply r = get("/learners/examples", SERVICE);
    assertThat(r.status()).isEqualTo(200);
    JsonNode n = r.json();
    assertThat(n.get("rich").get("user_id").asText()).isEqualTo("u1");
    assertThat(n.get("rich").get("events").asInt()).isEqualTo(3);
    assertThat(n.get("short_history").isNull()).isTrue();
    assertThat(n.get("newcomer").get("interests").get(0).asText()).isEqualTo("sql");
    assertError(get("/learners/examples?k=1", SERVICE), 400, "invalid_parameter", "k");
    engine.ready = false;
    assertThat(get("/learners/examples", SERVICE).status()).isEqualTo(503);
  }

  @Test
  void qualityReportIsTheServingVersionsOr404() {
    assertError(get("/admin/quality", ADMIN), 404, "no_quality_report", null);
    engine.quality = new QualityReport("data/x", List.of(new QualityReport.FileReport("courses.csv", true, 5, 3, 1, 1,
        2, List.of(), List.of(new QualityReport.ReasonCount("rejected", "missing title", 1)))),
        new QualityReport.Normalization(4, 3, 1, 2, 2, 0, 3, 1, 1, List.of(), List.of(), List.of(), 0), List.of());
    JsonNode q = get("/admin/quality", ADMIN).json();
    assertThat(q.get("source").asText()).isEqualTo("data/x");
    JsonNode f = q.get("files").get(0);
    assertThat(f.get("rows_read").asLong()).isEqualTo(5);
    assertThat(f.get("rejected").asLong()).isEqualTo(1);
    assertThat(f.get("reasons").get(0).get("reason").asText()).isEqualTo("missing title");
  }

  @Test
  void summaryCountsTheRequestsAndCacheLookupsItSaw() {
    for (int i = 0; i < 3; i++) get("/recommend?user=u1&k=2", SERVICE);
    get("/search?q=sql", SERVICE);
    post("/feedback", "{\"user_id\":\"u1\",\"course_id\":\"c2\",\"event\":\"enroll\",\"event_id\":\"p-1\"}", SERVICE);
    // the access log records a request just after its answer is sent: wait (at most 10 s) until all five are in
    JsonNode s = get("/admin/summary", ADMIN).json();
    for (long deadline = System.nanoTime() + 10_000_000_000L; others(s) < 5 && System.nanoTime() < deadline; ) {
      s = get("/admin/summary", ADMIN).json();
    }
    assertThat(others(s)).as("3 GET /recommend, 1 search, 1 feedback: " + s).isEqualTo(5);
    long summaries = 0;
    for (JsonNode r : s.get("routes")) if (r.get("route").asText().equals("GET /admin/summary")) summaries = r.get("count").asLong();
    assertThat(s.get("requests").asLong()).isEqualTo(5 + summaries);
    JsonNode rec = null;
    for (JsonNode r : s.get("routes")) if (r.get("route").asText().equals("GET /recommend")) rec = r;
    assertThat(rec).as(s.toString()).isNotNull();
    assertThat(rec.get("count").asLong()).isEqualTo(3);
    assertThat(rec.get("errors").asLong()).isZero();
    assertThat(rec.get("p50_ms").asDouble()).isPositive().isLessThanOrEqualTo(rec.get("p99_ms").asDouble());
    // the first recommend missed, the next two hit
    assertThat(s.get("cache").get("hits").asLong()).isEqualTo(2);
    assertThat(s.get("cache").get("misses").asLong()).isEqualTo(1);
    assertThat(s.get("cache").get("hit_ratio").asDouble()).isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.get("feedback_received").get("enroll").get("accepted").asLong()).isEqualTo(1);
    assertThat(s.get("model_version").asText()).isEqualTo(engine.modelVersion);
  }

  /** The media type without spaces (Jetty writes some with a space before the charset and some without). */
  private static String type(Reply r) {
    return r.header("content-type").replace(" ", "");
  }

  /** Requests counted on routes other than the summary's own. */
  private static long others(JsonNode s) {
    long n = 0;
    for (JsonNode r : s.get("routes")) if (!r.get("route").asText().equals("GET /admin/summary")) n += r.get("count").asLong();
    return n;
  }
}
