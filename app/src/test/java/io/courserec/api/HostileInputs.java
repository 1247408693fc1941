package io.courserec.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of request parts for {@link ApiFuzzTest}: values that are valid, near-valid and hostile
 * (control characters, unpaired surrogates, huge and non-finite numbers, other scripts and emoji, bidi and
 * zero-width marks, query and SQL syntax, path traversal, very long strings, JSON of the wrong type), JSON bodies
 * mutated field by field, and bodies broken at the byte level (truncated, invalid UTF-8, trailing garbage,
 * duplicate keys, deep nesting). Every draw takes the {@link Random} it is given, so a seed replays a whole run.
 */
final class HostileInputs {
  /** Strings meant for ids, free text and enum-like parameters. */
  static final List<String> STRINGS = List.of(
      "", " ", "u1", "u2", "c1", "c2", "c5", "nobody", "U1", " u1", "u1 ", "python", "data", "hybrid", "pop", "mf",
      "beginner", "ADVANCED", "en", "art", "true", "false", "null", "[]", "{}", "0", "-0", "1", "-1", "10", "100",
      "101", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1e308", "1e-320", "NaN",
      "Infinity", "-Infinity", "0x10", "1_000", "3.5", "\u0000", "\u0000u1", "u1\u0000", "\u0001\u0002\u001f",
      "\u007f", "a\tb", "a\r\nb", "line\nbreak", "\ud800", "x\udc00y", "\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd",
      "\u202eevil", "zero\u200bwidth", "\ufeffbom", "e\u0301", "日本語の講座", "Ωμέγα", "مرحبا", "ǅ", "ß", "İ",
      "' OR 1=1 --", "\"; DROP TABLE interactions; --", "title:(a OR b)~2^3", "*", "?", "\\", "a AND", "(((",
      "%", "%00", "%zz", "../../etc/passwd", "..", ".", "/", "//", "a/b", "a|b|c", "|||", "a,b", "<script>",
      "${jndi:ldap://x}", "{{7*7}}");

  /** The most dangerous of {@link #STRINGS}: what an id must never be stored as, or crash on. */
  static final List<String> HOSTILE = List.of("\u0000", "\u0000u1", "u1\u0000", "\u0001\u0002\u001f", "\u007f",
      "a\tb", "a\r\nb", "\ud800", "x\udc00y", "\u202eevil", "zero\u200bwidth", "\ufeffbom", " u1", "u1 ", " ",
      "x".repeat(256), "x".repeat(257), "\u00e9".repeat(300));

  private HostileInputs() {}

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** A string: usually from {@link #STRINGS}, sometimes random code points or a very long run. */
  static String string(Random r) {
    int roll = r.nextInt(100);
    if (roll < 70) return pick(r, STRINGS);
    if (roll < 85) return randomCodePoints(r, 1 + r.nextInt(12));
    if (roll < 95) return "x".repeat(200 + r.nextInt(400)); // around the 256-character id limit and past it
    return "\u00e9".repeat(2000 + r.nextInt(3000));
  }

  /** Code points from every plane, including controls, lone surrogates and private use. */
  static String randomCodePoints(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(5);
      switch (kind) {
        case 0 -> b.append((char) r.nextInt(0x20));            // C0 controls
        case 1 -> b.append((char) (0xd800 + r.nextInt(0x800))); // a surrogate, usually unpaired
        case 2 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000 - 0x10000));
        case 3 -> b.append((char) (0x20 + r.nextInt(0x5f)));    // printable ASCII
        default -> b.append((char) (0xa0 + r.nextInt(0xff00)));
      }
    }
    return b.toString();
  }

  /** Percent-encodes UTF-8 for a query value or path segment (unpaired surrogates become '?', as Java encodes). */
  static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  /** A JSON value of any type, as text: strings from the pool (escaped), numbers of every size, nesting. */
  static String jsonValue(Random r, int depth) {
    int roll = r.nextInt(depth > 2 ? 8 : 11);
    return switch (roll) {
      case 0, 1, 2, 3 -> jsonString(string(r));
      case 4 -> pick(r, List.of("0", "-1", "1", "3", "5", "6", "4.5", "1e308", "-1e308", "1e400", "12345678901234567890",
          "0.0000001", "-0", "1735689600", "99999999999", "-62135596800"));
      case 5 -> pick(r, List.of("true", "false", "null"));
      case 6 -> jsonString(pick(r, List.of("2025-03-01T10:00:00Z", "2025-03-01", "2999-01-01T00:00:00Z",
          "1969-12-31T23:59:59Z", "2025-13-45T99:99:99Z", "yesterday", "+999999999-12-31T23:59:59Z")));
      case 7 -> jsonString(pick(r, List.of("view", "enroll", "complete", "rate", "bookmark", "dismiss", "VIEW", "like")));
      case 8 -> "[" + jsonValue(r, depth + 1) + "]";
      case 9 -> "{\"a\":" + jsonValue(r, depth + 1) + "}";
      default -> "[]";
    };
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || Character.isSurrogate(c)) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  /** Ids the server under test knows: valid requests need them. */
  record Ids(String user, String otherUser, String course, String otherCourse) {
    List<String> all() { return List.of(user, otherUser, course, otherCourse); }
  }

  /** One feedback event: a valid one (of {@code ids}) with some fields replaced, dropped or added. */
  static String event(Random r, Ids ids) {
    List<String> fields = new ArrayList<>(List.of("\"user_id\":" + jsonString(r.nextBoolean() ? ids.user() : ids.otherUser()),
        "\"course_id\":" + jsonString(r.nextBoolean() ? ids.course() : ids.otherCourse()), "\"event\":\"view\""));
    if (r.nextInt(4) == 0) fields.set(2, "\"event\":\"rate\"");
    if (r.nextInt(3) == 0) fields.add("\"rating\":" + pick(r, List.of("4", "1", "5", "0", "6", "4.5")));
    if (r.nextInt(3) == 0) fields.add("\"timestamp\":\"2025-03-01T10:00:00Z\"");
    if (r.nextInt(3) == 0) fields.add("\"event_id\":" + jsonString("e-" + r.nextInt(1000)));
    if (r.nextInt(3) == 0) { // one field of a valid event made hostile: the value reaches the engine and the store
      String name = pick(r, List.of("user_id", "course_id", "event_id"));
      fields.removeIf(f -> f.startsWith(jsonString(name) + ":"));
      fields.add(jsonString(name) + ":" + jsonString(r.nextBoolean() ? pick(r, HOSTILE) : string(r)));
      return "{" + String.join(",", fields) + "}";
    }
    int mutations = r.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      String name = pick(r, List.of("user_id", "course_id", "event", "rating", "timestamp", "event_id", "extra",
          "USER_ID", ""));
      int what = r.nextInt(4);
      String key = jsonString(name) + ":";
      if (what == 0 && !fields.isEmpty()) {
        fields.remove(r.nextInt(fields.size()));
      } else if (what == 1) {
        fields.add(key + jsonValue(r, 0)); // a duplicate key when the field is there already
      } else {
        fields.removeIf(f -> f.startsWith(key)); // replace the value: the hostile value reaches the engine
        fields.add(key + jsonValue(r, 0));
      }
    }
    return "{" + String.join(",", fields) + "}";
  }

  /** A whole /feedback body: one event, an array of them, or a valid-looking body broken on purpose. */
  static byte[] feedbackBody(Random r, Ids ids) {
    int roll = r.nextInt(100);
    String text;
    if (roll < 45) text = event(r, ids);
    else if (roll < 65) {
      int n = r.nextInt(6);
      List<String> events = new ArrayList<>();
      for (int i = 0; i < n; i++) events.add(event(r, ids));
      text = "[" + String.join(",", events) + "]";
    } else if (roll < 75) {
      text = jsonValue(r, 0);
    } else if (roll < 85) {
      String ok = event(r, ids);
      text = ok.substring(0, r.nextInt(ok.length())); // truncated
    } else if (roll < 90) {
      text = event(r, ids) + pick(r, List.of("x", "}", ",{}", " []", "\u0000"));
    } else if (roll < 93) {
      text = "{\"user_id\":\"a\",\"user_id\":\"b\",\"course_id\":" + jsonString(ids.course()) + ",\"event\":\"view\"}";
    } else if (roll < 96) {
      text = "[".repeat(5000 + r.nextInt(20000));
    } else {
      byte[] raw = new byte[1 + r.nextInt(64)];
      r.nextBytes(raw); // arbitrary bytes: invalid UTF-8 almost surely
      return raw;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
