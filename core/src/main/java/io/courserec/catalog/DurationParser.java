package io.courserec.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns free-text course durations into total hours of study, or null when the text does not say enough.
 *
 * <p>The text is read as an optional <em>length</em> ({@code "6 weeks"}, {@code "1 - 3 Months"},
 * {@code "Less Than 2 Hours"}) and an optional <em>effort</em> ({@code "2–3 hours per week"},
 * {@code "2-4 hours/week"}, {@code "1 hour a day"}), in any order. Assumptions, written down because they
 * shape every number:
 * <ul>
 *   <li>A range {@code a - b} counts as its midpoint (a + b) / 2; {@code "less than / under / up to N"} as N / 2
 *       (the midpoint of (0, N]); {@code "N+"} and {@code "more than N"} as N.</li>
 *   <li>A month is 365.25 / 12 / 7 = 4.348 weeks; a year 52.18 weeks; a day 1/7 week.</li>
 *   <li>A length in hours or minutes is the total; any effort is then ignored.</li>
 *   <li>A length in days, weeks, months or years is multiplied by the effort in hours per week (per-day
 *       effort x 7, per-month effort / 4.348); without an effort by {@code hoursPerWeek}
 *       (key {@code catalog.duration.hours_per_week}, default 5): "1 - 3 Months" is 2 x 4.348 x 5 = 43.5 h.</li>
 *   <li>An effort alone ({@code "2–3 hours per week"}) has no total: null, the caller keeps the text.</li>
 *   <li>A bare number is already hours ({@code "12.5"}).</li>
 * </ul>
 * Results are rounded to 0.1 h; zero, negative or non-finite results are treated as not parseable.
 */
public final class DurationParser {
  /** Weeks per month: 365.25 / 12 / 7. */
  public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;
  /** Weeks per year: 365.25 / 7. */
  public static final double WEEKS_PER_YEAR = 365.25 / 7;

  private static final String NUM = "(\\d+(?:\\.\\d+)?)";
  private static final String QUANTITY = "(?:(less than|fewer than|under|up to|at most|<|about|approx|approximately|around|~|more than|over|at least|>)\\s*)?"
      + NUM + "(?:\\s*-\\s*" + NUM + ")?(\\s*\\+)?";
  private static final String UNIT = "(minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|mos?|years?|yrs?)\\b";
  private static final Pattern EFFORT = Pattern.compile(QUANTITY + "\\s*(minutes?|mins?|hours?|hrs?|h)"
      + "\\s*(?:(?:per|/|a|an|each|every)\\s*(day|week|wk|month)\\b|(daily|weekly|monthly)\\b)");
  private static final Pattern LENGTH = Pattern.compile(QUANTITY + "\\s*" + UNIT);
  private static final Pattern BARE_NUMBER = Pattern.compile(NUM);

  private final double hoursPerWeek;

  /** @param hoursPerWeek study hours per week assumed when a length in weeks or months comes without an effort */
  public DurationParser(double hoursPerWeek) {
    if (!(hoursPerWeek > 0)) throw new IllegalArgumentException("hoursPerWeek must be positive, got " + hoursPerWeek);
    this.hoursPerWeek = hoursPerWeek;
  }

  /** Total hours, or null when the text is blank or gives no total. */
  public Double hours(String text) {
    String t = normalise(text);
    if (t.isEmpty()) return null;
    if (BARE_NUMBER.matcher(t).matches()) return finish(Double.parseDouble(t));
    Double effortPerWeek = null;
    Matcher e = EFFORT.matcher(t);
    if (e.find()) {
      double amount = quantity(e);
      if (e.group(5).startsWith("m")) amount /= 60;
      String period = e.group(6) != null ? e.group(6) : e.group(7);
      effortPerWeek = switch (period) {
        case "day", "daily" -> amount * 7;
        case "month", "monthly" -> amount / WEEKS_PER_MONTH;
        default -> amount;
      };
      t = t.substring(0, e.start()) + " " + t.substring(e.end());
    }
    Matcher l = LENGTH.matcher(t);
    if (!l.find()) return null;
    double amount = quantity(l);
    String unit = l.group(5);
    double weeks;
    if (unit.startsWith("mi")) return finish(amount / 60);
    if (unit.startsWith("h")) return finish(amount);
    if (unit.startsWith("d")) weeks = amount / 7;
    else if (unit.startsWith("w")) weeks = amount;
    else if (unit.startsWith("mo")) weeks = amount * WEEKS_PER_MONTH;
    else weeks = amount * WEEKS_PER_YEAR;
    return finish(weeks * (effortPerWeek != null ? effortPerWeek : hoursPerWeek));
  }

  private static double quantity(Matcher m) {
    String qualifier = m.group(1);
    double a = Double.parseDouble(m.group(2));
    if (m.group(3) != null) return (a + Double.parseDouble(m.group(3))) / 2;
    if (qualifier == null) return a;
    return switch (qualifier) {
      case "less than", "fewer than", "under", "up to", "at most", "<" -> a / 2;
      default -> a;
    };
  }

  private static Double finish(double hours) {
    if (!(hours > 0) || Double.isInfinite(hours)) return null;
    return Math.round(hours * 10) / 10.0;
  }

  private static String normalise(String text) {
    if (text == null) return "";
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
        .replaceAll("(\\d)\\s*(?:to|–)\\s*(\\d)", "$1-$2")
        .replaceAll("(\\d),(\\d)", "$1.$2")
        .replaceAll("\\s+", " ")
        .strip();
    return t;
  }
}
