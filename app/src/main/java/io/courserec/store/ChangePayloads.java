package io.courserec.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The text of the change notifications a PostgreSQL store sends ({@code pg_notify}) and its listeners read:
 * {@code {"kind":"feedback","users":["u1","u2"]}}, {@code kind} one of {@code feedback}, {@code erasure} or
 * {@code all} (no {@code users}: every learner may have changed).
 *
 * <p><b>Size.</b> PostgreSQL refuses a payload of 8000 bytes or more (in its default build), so the learners of
 * one transaction are split over as many notifications as needed, each at most {@value #MAX_BYTES} UTF-8 bytes
 * (an id is at most {@link InteractionStore#MAX_ID_LENGTH} characters, at most 1,536 bytes as JSON, so every
 * notification holds at least one id). A transaction touching so many learners that they would need more than
 * {@value #MAX_NOTIFICATIONS} notifications (a bulk import) sends one {@code all} instead: listeners then drop
 * everything, which costs them less than reading thousands of ids, and the notification queue stays small.
 */
final class ChangePayloads {
  /** Largest payload sent, in UTF-8 bytes; PostgreSQL's limit is 7,999. */
  static final int MAX_BYTES = 7_900;
  /** Most notifications one transaction sends before it sends a single {@code all} instead. */
  static final int MAX_NOTIFICATIONS = 32;
  static final String ALL = "{\"kind\":\"all\"}";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ENVELOPE = "{\"kind\":\"feedback\",\"users\":[]}".length();

  /** What a listener read: a kind (null for {@code all}) and the learners. */
  record Change(StoreChangeListener.Kind kind, List<String> users) {
    boolean everything() { return kind == null; }
  }

  private ChangePayloads() {}

  /** The payloads announcing that {@code users} (distinct) changed; empty for no users. */
  static List<String> encode(StoreChangeListener.Kind kind, Collection<String> users) {
    List<String> out = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    int bytes = ENVELOPE;
    for (String u : users) {
      int size = jsonBytes(u) + 1; // the id as a JSON string, and a comma
      if (!chunk.isEmpty() && bytes + size > MAX_BYTES) {
        out.add(payload(kind, chunk));
        if (out.size() == MAX_NOTIFICATIONS) return List.of(ALL);
        chunk.clear();
        bytes = ENVELOPE;
      }
      chunk.add(u);
      bytes += size;
    }
    if (!chunk.isEmpty()) out.add(payload(kind, chunk));
    return out;
  }

  /**
   * Reads a payload.
   *
   * @throws IllegalArgumentException naming the problem if it is not one {@link #encode} writes
   */
  static Change decode(String payload) {
    JsonNode n;
    try {
      n = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("change notification is not JSON: " + e.getOriginalMessage());
    }
    String kind = n == null ? null : n.path("kind").asText(null);
    if (kind == null) throw new IllegalArgumentException("change notification has no kind");
    if (kind.equals("all")) return new Change(null, List.of());
    StoreChangeListener.Kind k;
    try {
      k = StoreChangeListener.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("change notification has unknown kind '" + kind + "'");
    }
    JsonNode users = n.get("users");
    if (users == null || !users.isArray() || users.isEmpty()) {
      throw new IllegalArgumentException("change notification of kind " + kind + " names no users");
    }
    List<String> out = new ArrayList<>(users.size());
    for (JsonNode u : users) {
      if (!u.isTextual()) throw new IllegalArgumentException("change notification names a user that is not a string: " + u);
      out.add(u.asText());
    }
    return new Change(k, List.copyOf(out));
  }

  private static String payload(StoreChangeListener.Kind kind, List<String> users) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", kind.name().toLowerCase(Locale.ROOT));
    ArrayNode a = o.putArray("users");
    users.forEach(a::add);
    return o.toString();
  }

  private static int jsonBytes(String s) {
    try {
      return JSON.writeValueAsString(s).getBytes(StandardCharsets.UTF_8).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a String always serialises
    }
  }
}
