package io.courserec.hybrid;

import java.util.Locale;

/**
 * How much the hybrid knows about a learner, decided from the number of courses with positive feedback (training
 * history plus feedback since training): {@code COLD} fewer than {@code hybrid.segment.warm_min_events} (by default
 * 0 to 2: interests and goals, perhaps a first course or two), {@code WARM} at least that, {@code RICH} at least
 * {@code hybrid.segment.rich_min_events}. Every segment may weigh every signal; a learner without a signal (no
 * factors, no history) has it renormalised away.
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
