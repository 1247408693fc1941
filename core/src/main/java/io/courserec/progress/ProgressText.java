package io.courserec.progress;

import io.courserec.progress.Counter;
import java.util.Locale;

/** The words and numbers both progress renderers print for a count: done/total, percent, rate, time left. */
public final class ProgressText {
  private ProgressText() {}

  /** "ranking 1,234/2,741 (45%), 310/s, about 0:05 left"; without total and time left when the total is unknown. */
  public static String running(Counter c) {
    StringBuilder sb = new StringBuilder(c.label()).append(' ').append(String.format(Locale.ROOT, "%,d", c.done()));
    if (c.total() > 0) {
      sb.append(String.format(Locale.ROOT, "/%,d (%.0f%%)", c.total(), 100 * c.fraction()));
    }
    sb.append(", ").append(rate(c.ratePerSecond()));
    if (!Double.isNaN(c.secondsLeft())) sb.append(", about ").append(clock(c.secondsLeft())).append(" left");
    return sb.toString();
  }

  /** "ranking: 2,741 in 8.8 s (311/s)". */
  public static String finished(Counter c) {
    return String.format(Locale.ROOT, "%s: %,d in %.1f s (%s)", c.label(), c.done(), c.elapsedSeconds(),
        rate(c.ratePerSecond()));
  }

  /** Units per second, with one decimal below 10/s. */
  public static String rate(double perSecond) {
    return perSecond < 10 ? String.format(Locale.ROOT, "%.1f/s", perSecond) : String.format(Locale.ROOT, "%,.0f/s", perSecond);
  }

  /** m:ss below an hour, h:mm:ss above. */
  public static String clock(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
