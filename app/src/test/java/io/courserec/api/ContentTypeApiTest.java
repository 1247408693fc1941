package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * With the default (open) configuration: a body must be JSON (415 otherwise, before anything is stored), body-less
 * admin POSTs pass whatever their headers say, and no CORS header is ever sent.
 */
class ContentTypeApiTest extends ApiTestBase {
  private static final String EVENT = "{\"user_id\":\"u1\",\"course_id\":\"c2\",\"event\":\"view\"}";

  @Test
  void aBodyThatIsNotDeclaredJsonIs415AndNothingIsStored() {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonx", "text/json"}) {
      Reply r = send(request("/feedback", "Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(EVENT)).build());
      assertError(r, 415, "unsupported_media_type", "Content-Type");
    }
    // java.net.http sends no Content-Type unless told: a body without one is refused too
    Reply none = send(request("/feedback").POST(HttpRequest.BodyPublishers.ofString(EVENT)).build());
    assertError(none, 415, "unsupported_media_type", "Content-Type");
    assertThat(engine.storedFeedback()).isEmpty();
  }

  @Test
  void jsonWithParametersAndAnyCaseIsAccepted() {
    Reply r = send(request("/feedback", "Content-Type", "Application/JSON; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(EVENT)).build());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(engine.storedFeedback()).hasSize(1);
  }

  @Test
  void bodylessAdminPostsStayAsTheyWereButAnAdminBodyMustBeJson() {
    Reply plain = send(request("/admin/retrain", "Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(plain.status()).as(plain.body()).isEqualTo(202);
    Reply text = send(request("/admin/retrain", "Authorization", "Bearer " + TOKEN, "Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("go")).build());
    assertError(text, 415, "unsupported_media_type", "Content-Type");
  }

  @Test
  void noCorsHeadersWithoutConfiguredOrigins() {
    Reply get = get("/recommend?user=u1", "Origin", "https://app.example.org");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    Reply preflight = send(request("/feedback", "Origin", "https://app.example.org", "Access-Control-Request-Method",
        "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(preflight.status()).as("not answered as a preflight").isIn(404, 405);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }
}
