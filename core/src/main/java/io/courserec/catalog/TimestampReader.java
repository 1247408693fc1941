package io.courserec.catalog;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the event times of an imported log and counts what it saw. A value is
 * <ul>
 *   <li>a number: epoch seconds or milliseconds (integer or decimal). With {@link Unit#AUTO} the magnitude decides:
 *       up to 1e10 it is seconds (1e10 s is the year 2286), from 1e11 on milliseconds (1e11 ms is March 1973);
 *       between the two it is neither plausibly and is rejected with a hint to set the unit. With an explicit unit
 *       seconds may go up to 1e10 and milliseconds up to 1e13 (the same year 2286). Negative numbers are rejected.</li>
 *   <li>otherwise ISO-8601, as {@link FieldValues#timestamp} reads it: an instant, a date-time with an offset, or a
 *       local date-time or date read as UTC; an instant beyond 1e10 s either side of 1970 is rejected.</li>
 * </ul>
 * Numbers are parsed by hand-checked digits and {@link Long#parseLong} on the fast path: this runs once per row of
 * logs with millions of rows. Not thread-safe (it counts).
 */
final class TimestampReader {
  /** The unit of numeric timestamps. */
  enum Unit {
    AUTO, SECONDS, MILLISECONDS;

    /** {@code auto}, {@code s} / {@code seconds}, {@code ms} / {@code millis} / {@code milliseconds}. */
    static Optional<Unit> named(String name) {
      return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
        case "auto" -> Optional.of(AUTO);
        case "s", "sec", "secs", "second", "seconds" -> Optional.of(SECONDS);
        case "ms", "millis", "millisecond", "milliseconds" -> Optional.of(MILLISECONDS);
        default -> Optional.empty();
      };
    }
  }

  /** Largest epoch seconds accepted, and the bound of AUTO's seconds (the year 2286). */
  static final double MAX_SECONDS = 1e10;
  /** Smallest value AUTO reads as milliseconds (March 1973). */
  static final double MIN_AUTO_MILLIS = 1e11;

  private final Unit unit;
  private long seconds;
  private long millis;
  private long iso;

  TimestampReader(Unit unit) {
    this.unit = unit;
  }

  /** The instant of a non-empty value, or null when it is unreadable ({@link #why} says why). */
  Instant parse(String t) {
    if (!FieldValues.isEpoch(t)) {
      Instant i = FieldValues.timestamp(t);
      if (i == null || Math.abs((double) i.getEpochSecond()) > MAX_SECONDS) return null;
      iso++;
      return i;
    }
    boolean integral = t.indexOf('.') < 0 && t.length() <= 18;
    double v = integral ? Long.parseLong(t) : Double.parseDouble(t);
    if (v < 0) return null;
    boolean ms;
    if (unit == Unit.AUTO) {
      if (v > MAX_SECONDS && v < MIN_AUTO_MILLIS) return null;
      ms = v >= MIN_AUTO_MILLIS;
    } else {
      ms = unit == Unit.MILLISECONDS;
    }
    if (v > (ms ? MAX_SECONDS * 1000 : MAX_SECONDS)) return null;
    if (ms) {
      millis++;
      return integral ? Instant.ofEpochMilli((long) v) : ofSeconds(v / 1000);
    }
    seconds++;
    return integral ? Instant.ofEpochSecond((long) v) : ofSeconds(v);
  }

  private static Instant ofSeconds(double s) {
    long whole = (long) Math.floor(s);
    return Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e9));
  }

  /** Why {@link #parse} rejected a value: the value and, for numbers, the rule it broke. */
  String why(String t) {
    String quoted = "'" + t + "'";
    if (!FieldValues.isEpoch(t)) return quoted + " is neither an epoch number nor ISO-8601 (or is beyond the year 2286)";
    double v = Double.parseDouble(t);
    if (v < 0) return quoted + " is negative";
    if (unit == Unit.AUTO) return quoted + " is between 1e10 and 1e11: neither epoch seconds nor milliseconds; set the unit (--time-unit)";
    return quoted + " is after the year 2286 in " + (unit == Unit.SECONDS ? "seconds" : "milliseconds");
  }

  /** One line for the import notes: how many values of each kind were read. */
  String describe() {
    String u = switch (unit) {
      case AUTO -> "unit detected by magnitude";
      case SECONDS -> "numbers read as seconds";
      case MILLISECONDS -> "numbers read as milliseconds";
    };
    return String.format(Locale.ROOT, "timestamps (%s): %d epoch seconds, %d epoch milliseconds, %d ISO-8601",
        u, seconds, millis, iso);
  }
}
