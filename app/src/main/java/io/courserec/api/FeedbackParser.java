package io.courserec.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@code POST /feedback} body into events, checking types and shapes; the engine checks the rest (known
 * course). The body is one event object or a JSON array of 1..{@code server.max_feedback_batch} of them. Errors
 * name the field: {@code rating} for a single object, {@code events[2].rating} for the third element of an array.
 *
 * <p>Event fields (no others are allowed):
 * <ul>
 *   <li>{@code user_id}, {@code course_id}: required strings, 1..256 characters, no control characters, unpaired
 *       surrogates or leading/trailing whitespace ({@link io.courserec.engine.Identifiers});
 *   <li>{@code event}: required, one of view, bookmark, enroll, complete, rate, dismiss;
 *   <li>{@code rating}: a number in [1, 5], required for {@code rate} and not allowed for other events;
 *   <li>{@code timestamp}: ISO-8601 with offset ({@code 2025-03-01T10:00:00Z}) or integer epoch seconds; at most
 *       {@value #FUTURE_SKEW_MINUTES} minutes ahead of the server clock; absent or null means "now";
 *   <li>{@code event_id}: optional idempotency key, 1..128 characters under the same id rule; unique per
 *       {@code user_id} within one batch (the store's key is (user_id, event_id)).
 * </ul>
 */
final class FeedbackParser {
  static final int FUTURE_SKEW_MINUTES = 60;
  private static final Set<String> FIELDS = Set.of("user_id", "course_id", "event", "rating", "timestamp", "event_id");

  private final ObjectMapper mapper;
  private final int maxBatch;
  private final Clock clock;

  FeedbackParser(ObjectMapper mapper, int maxBatch, Clock clock) {
    this.mapper = mapper;
    this.maxBatch = maxBatch;
    this.clock = clock;
  }

  /** The parsed body: events in body order, and whether the body was an array (field names {@code events[i].x}). */
  record Parsed(List<Interaction> events, boolean array) {}

  Parsed parse(byte[] body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.malformedBody(null, "body is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw ApiException.malformedBody(null, "body could not be read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) throw ApiException.malformedBody(null, "body is empty; send an event object or an array");
    Instant now = clock.instant();
    if (root.isObject()) return new Parsed(List.of(event(root, "", now)), false);
    if (!root.isArray()) throw ApiException.malformedBody(null, "body must be an event object or an array of them");
    if (root.isEmpty()) throw ApiException.badParameter("events", "the array holds no events");
    if (root.size() > maxBatch) {
      throw ApiException.badParameter("events", root.size() + " events exceed server.max_feedback_batch = " + maxBatch);
    }
    List<Interaction> events = new ArrayList<>(root.size());
    Map<List<String>, Integer> ids = new HashMap<>();
    for (int i = 0; i < root.size(); i++) {
      String prefix = prefix(true, i);
      Interaction e = event(root.get(i), prefix, now);
      if (e.eventId() != null) {
        Integer first = ids.putIfAbsent(List.of(e.userId(), e.eventId()), i);
        if (first != null) {
          throw ApiException.badParameter(prefix + "event_id", "event_id '" + e.eventId() + "' of user_id '"
              + e.userId() + "' repeats events[" + first + "]");
        }
      }
      events.add(e);
    }
    return new Parsed(List.copyOf(events), true);
  }

  /** Field prefix of event {@code i}: {@code "events[i]."} in a batch, {@code ""} for a single object. */
  static String prefix(boolean batch, int i) {
    return batch ? "events[" + i + "]." : "";
  }

  private Interaction event(JsonNode n, String at, Instant now) {
    if (!n.isObject()) throw ApiException.malformedBody(at.isEmpty() ? null : at.substring(0, at.length() - 1), "an event must be a JSON object");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) throw ApiException.badParameter(at + f, "unknown field '" + f + "'; allowed: " + FIELDS);
    }
    String user = id(n, at, "user_id", RequestParams.MAX_ID_LENGTH, true);
    String course = id(n, at, "course_id", RequestParams.MAX_ID_LENGTH, true);
    String code = string(n, at, "event", 32, true);
    EventType type = EventType.fromCode(code).orElseThrow(() -> ApiException.badParameter(at + "event",
        "event must be one of view, bookmark, enroll, complete, rate, dismiss; got '" + code + "'"));
    Double rating = rating(n.get("rating"), at, type);
    return new Interaction(user, course, type, rating, timestamp(n.get("timestamp"), at + "timestamp", now),
        id(n, at, "event_id", 128, false));
  }

  /** A string field holding an identifier: also checked by the id rule ({@link RequestParams#checkId}). */
  private static String id(JsonNode n, String at, String name, int maxLength, boolean required) {
    String s = string(n, at, name, maxLength, required);
    return s == null ? null : RequestParams.checkId(at + name, s);
  }

  private static String string(JsonNode n, String at, String name, int maxLength, boolean required) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      if (required) throw ApiException.badParameter(at + name, name + " is required");
      return null;
    }
    if (!v.isTextual()) throw ApiException.badParameter(at + name, name + " must be a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    String s = v.textValue();
    if (s.isBlank()) throw ApiException.badParameter(at + name, name + " must not be blank");
    if (s.length() > maxLength) throw ApiException.badParameter(at + name, name + " is longer than " + maxLength + " characters");
    return s;
  }

  private static Double rating(JsonNode v, String at, EventType type) {
    boolean given = v != null && !v.isNull();
    if (type != EventType.RATE) {
      if (given) throw ApiException.badParameter(at + "rating", "rating is only allowed for event 'rate', not '" + type.code() + "'");
      return null;
    }
    if (!given) throw ApiException.badParameter(at + "rating", "rating is required for event 'rate'");
    if (!v.isNumber()) throw ApiException.badParameter(at + "rating", "rating must be a number in [1, 5], got " + v);
    double r = v.doubleValue();
    if (!(r >= 1 && r <= 5)) throw ApiException.badParameter(at + "rating", "rating must be in [1, 5], got " + v);
    return r;
  }

  private static Instant timestamp(JsonNode v, String field, Instant now) {
    if (v == null || v.isNull()) return now;
    Instant t;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      try {
        t = Instant.ofEpochSecond(v.longValue());
      } catch (DateTimeException e) {
        throw ApiException.badParameter(field, field + " is out of range: " + v);
      }
    } else if (v.isTextual()) {
      try {
        t = OffsetDateTime.parse(v.textValue()).toInstant();
      } catch (DateTimeException e) {
        throw ApiException.badParameter(field, "timestamp must be ISO-8601 with offset (2025-03-01T10:00:00Z), got '" + v.textValue() + "'");
      }
    } else {
      throw ApiException.badParameter(field, "timestamp must be an ISO-8601 string or integer epoch seconds, got " + v);
    }
    if (t.isBefore(Instant.EPOCH)) throw ApiException.badParameter(field, "timestamp is before 1970: " + v);
    if (t.isAfter(now.plus(Duration.ofMinutes(FUTURE_SKEW_MINUTES)))) {
      throw ApiException.badParameter(field, "timestamp " + t + " is in the future (server time " + now + ")");
    }
    return t;
  }
}
