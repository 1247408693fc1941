package io.courserec.hybrid;

import java.util.Locale;

/**
 * How much the hybrid knows about a learner, decided from the number of positive events (training history plus
 * feedback since training): {@code COLD} none (interests/goals only), {@code WARM} at least
 * {@code hybrid.segment.warm_min_events}, {@code RICH} at least {@code hybrid.segment.rich_min_events}.
 */
public enum UserSegment {
  COLD, WARM, RICH;

  public String code() { return name().toLowerCase(Locale.ROOT); }

  /** Segment for a learner with {@code positiveEvents} positive events under the given thresholds. */
  public static UserSegment of(int positiveEvents, int warmMin, int richMin) {
    if (positiveEvents >= richMin) return RICH;
    if (positiveEvents >= warmMin) return WARM;
    return COLD;
  }
}
