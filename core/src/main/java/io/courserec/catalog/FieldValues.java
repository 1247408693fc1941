package io.courserec.catalog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How single CSV fields are read: missing-value markers, lists, numbers, counts and timestamps. Every parser
 * returns null for a value it cannot read; the caller decides whether that rejects the row or drops the field.
 */
public final class FieldValues {
  /** Values that mean "no value" (compared trimmed, ignoring case): empty, NA, N/A, null, none, nan. */
  public static final Set<String> MISSING_MARKERS = Set.of("", "na", "n/a", "null", "none", "nan");

  private static final Pattern COUNT = Pattern.compile("\\d{1,3}(?:[,_ ]\\d{3})+|\\d+");
  private static final Pattern SCALED_COUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([km])");
  /** Latest accepted epoch-seconds value (year 2286): larger values are almost surely milliseconds. */
  static final double MAX_EPOCH_SECONDS = 1e10;

  private FieldValues() {}

  /** True for null, blank and the {@link #MISSING_MARKERS}. */
  public static boolean isMissing(String value) {
    if (value == null) return true;
    String t = value.strip();
    // every marker is at most 4 characters: skip the lower-casing for the common, longer values
    return t.length() <= 4 && MISSING_MARKERS.contains(t.toLowerCase(Locale.ROOT));
  }

  /** The trimmed value, or null when {@link #isMissing missing}. */
  public static String text(String value) {
    return isMissing(value) ? null : value.strip();
  }

  /**
   * Splits a list field. The separator is {@code |} when the field contains one, else {@code ;} when it contains
   * one, else {@code ,} (a comma can only be inside a field that was quoted). Elements are trimmed; empty ones and
   * missing markers are dropped. So {@code "a|b, c"} is [a, "b, c"] and {@code "a, b"} is [a, b].
   */
  public static List<String> list(String value) {
    if (isMissing(value)) return List.of();
    String sep = value.indexOf('|') >= 0 ? "\\|" : value.indexOf(';') >= 0 ? ";" : ",";
    List<String> out = new ArrayList<>();
    for (String part : value.split(sep)) {
      String t = part.strip();
      if (!isMissing(t)) out.add(t);
    }
    return out;
  }

  /** A finite decimal number ({@code "4.5"}, {@code " 3 "}), or null. */
  public static Double number(String value) {
    if (isMissing(value)) return null;
    try {
      double d = Double.parseDouble(value.strip());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A non-negative count: plain digits, digits grouped by {@code ,}, {@code _} or space ({@code "124,980"}), or a
   * {@code k}/{@code m} suffix ({@code "6.1K"} is 6100); null otherwise (also for negative numbers and values
   * beyond {@code Integer.MAX_VALUE}).
   */
  public static Integer count(String value) {
    if (isMissing(value)) return null;
    String t = value.strip().toLowerCase(Locale.ROOT);
    double n;
    var scaled = SCALED_COUNT.matcher(t);
    if (COUNT.matcher(t).matches()) {
      n = Double.parseDouble(t.replaceAll("[,_ ]", ""));
    } else if (scaled.matches()) {
      n = Double.parseDouble(scaled.group(1)) * (scaled.group(2).equals("k") ? 1e3 : 1e6);
    } else {
      return null;
    }
    return n <= Integer.MAX_VALUE ? (int) Math.round(n) : null;
  }

  /** Digits with at most one inner decimal point and an optional leading minus (checked by hand: it runs per event). */
  static boolean isEpoch(String t) {
    int start = t.startsWith("-") ? 1 : 0;
    if (start == t.length()) return false;
    boolean dot = false;
    for (int i = start; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '.' && !dot && i > start && i < t.length() - 1) dot = true;
      else if (c < '0' || c > '9') return false;
    }
    return true;
  }

  /**
   * A timestamp: epoch seconds (integer or decimal, 0 to 1e10), or ISO-8601 as an instant
   * ({@code 2024-03-01T10:00:00Z}), with an offset ({@code +02:00}), local date-time or date (both read as UTC).
   * Null when none of these fits.
   */
  public static Instant timestamp(String value) {
    if (isMissing(value)) return null;
    String t = value.strip();
    if (isEpoch(t)) {
      double s = Double.parseDouble(t);
      if (s < 0 || s > MAX_EPOCH_SECONDS) return null;
      long whole = (long) Math.floor(s);
      return Instant.ofEpochSecond(whole, Math.round((s - whole) * 1e9));
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeException ignored) {
      // not an instant; try the other forms
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException ignored) {
      // no offset
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException ignored) {
      // no time
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
