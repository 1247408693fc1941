package io.courserec.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale of a log's ratings, mapped linearly onto the data directory's 1..5:
 * <pre>
 *   r' = 1 + (r - min) * 4 / (max - min),   rounded to 3 decimals
 * </pre>
 * so {@code min} becomes 1, {@code max} 5 and the scale's midpoint 3 (a neutral rating stays neutral). The 1-5 scale
 * is kept as is. MovieLens' half stars (0.5-5) give 0.5 -> 1, 3 -> 3.222, 4.5 -> 4.556, 5 -> 5; a 0-10 scale gives
 * 7 -> 3.8. A rating outside the scale is rejected, never clamped.
 *
 * @param min the lowest rating of the source scale
 * @param max the highest, greater than {@code min}
 */
record RatingScale(double min, double max) {
  /** The data directory's own scale. */
  static final RatingScale FIVE = new RatingScale(1, 5);

  private static final Pattern RANGE =
      Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:-|\\.\\.|to|:)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

  RatingScale {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
      throw new DataException("rating scale " + min + "-" + max + ": the minimum must be below the maximum");
    }
  }

  /** A scale written {@code MIN-MAX} ({@code 0.5-5}, {@code 0-10}, also {@code 1..10}, {@code 1 to 10}). */
  static RatingScale parse(String text) {
    Matcher m = RANGE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new DataException("--rating-scale '" + text + "': expected MIN-MAX such as 0.5-5 or 0-10");
    }
    return new RatingScale(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
  }

  /** True when the rating is on the scale (bounds included). */
  boolean contains(double r) { return r >= min && r <= max; }

  /** True for 1-5, which is kept as is. */
  boolean isFivePoint() { return min == 1 && max == 5; }

  /** The rating on 1..5 (see the class comment); the caller checks {@link #contains} first. */
  double toFivePoint(double r) {
    if (isFivePoint()) return r;
    return Math.round((1 + (r - min) * 4 / (max - min)) * 1000) / 1000.0;
  }

  /** {@code 0.5-5}. */
  @Override
  public String toString() { return CsvWriter.number(min) + "-" + CsvWriter.number(max); }

  /** One line for the import notes: the scale and the formula applied. */
  String describe() {
    if (isFivePoint()) return "ratings on 1-5, kept as they are";
    return "ratings on " + this + " mapped linearly onto 1-5: r' = 1 + (r - " + CsvWriter.number(min) + ") x 4 / "
        + CsvWriter.number(max - min) + ", rounded to 3 decimals (" + CsvWriter.number(min) + " -> 1, "
        + CsvWriter.number((min + max) / 2) + " -> 3, " + CsvWriter.number(max) + " -> 5)";
  }
}
