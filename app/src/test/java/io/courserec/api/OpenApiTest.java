package io.courserec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document parses and lists exactly the routes the server registers. */
class OpenApiTest extends ApiTestBase {
  private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

  @Test
  void documentIsServedAndMatchesTheRegisteredRoutes() {
    Reply r = get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("content-type")).startsWith("application/json");
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asText()).startsWith("3.1");

    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue().fieldNames().forEachRemaining(m -> {
        if (HTTP_METHODS.contains(m)) documented.add(m.toUpperCase() + " " + p.getKey());
      });
    }
    assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
    assertThat(server.routes()).hasSize(28);
  }

  @Test
  void everyReferenceResolvesAndEveryOperationDocumentsItsStatuses() {
    JsonNode doc = get("/openapi.json").json();
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as("reference " + ref).isFalse();
    }
    doc.get("paths").forEach(path -> path.fields().forEachRemaining(op -> {
      if (HTTP_METHODS.contains(op.getKey())) {
        assertThat(op.getValue().get("responses").size()).as(op.getKey()).isPositive();
        assertThat(op.getValue().get("operationId").asText()).isNotBlank();
      }
    }));
  }

  @Test
  void historyPagingAndTheNewStatusesAreDocumentedAsServed() {
    JsonNode doc = get("/openapi.json").json();
    JsonNode history = doc.at("/paths/~1users~1{id}~1history/get");
    Set<String> params = new TreeSet<>();
    history.get("parameters").forEach(p -> params.add(p.get("in").asText() + ":" + p.get("name").asText()));
    assertThat(params).containsExactly("path:id", "query:limit", "query:offset");
    assertThat(doc.at("/components/schemas/HistoryResponse/properties").fieldNames()).toIterable()
        .contains("total", "offset", "limit", "count", "next_offset", "events");
    assertThat(history.at("/parameters/1/schema/maximum").asInt()).isEqualTo(HistoryResource.MAX_LIMIT);
    assertThat(history.at("/parameters/1/schema/default").asInt()).isEqualTo(HistoryResource.DEFAULT_LIMIT);
    // what the server answers for a page is what the document names
    Reply page = get("/users/u1/history?limit=1&offset=0");
    assertThat(page.json().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
        () -> doc.at("/components/schemas/HistoryResponse/properties").fieldNames());
    assertThat(doc.at("/paths/~1feedback/post/responses").fieldNames()).toIterable().contains("409", "429", "503");
    assertThat(doc.at("/components/schemas/Health/properties/dependencies").isMissingNode()).isFalse();
  }

  private static void collectRefs(JsonNode n, Set<String> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
        else collectRefs(e.getValue(), out);
      });
    } else if (n.isArray()) {
      n.forEach(c -> collectRefs(c, out));
    }
  }
}
