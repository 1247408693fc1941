package io.courserec.catalog;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns events into implicit-feedback strength. A rate event weighs {@code (rating - neutral) x rateWeight};
 * the others weigh their configured constant; with a half-life h (days) an event of age a days is multiplied by
 * {@code 2^(-a/h)} relative to {@code now}. The weight of a (user, course) pair is the sum over its events.
 */
public record EventWeights(double view, double bookmark, double enroll, double complete, double rate,
                           double ratingNeutral, double dismiss, double halfLifeDays) {

  public static EventWeights from(Config c) {
    return new EventWeights(c.number(ConfigKey.WEIGHT_VIEW), c.number(ConfigKey.WEIGHT_BOOKMARK),
        c.number(ConfigKey.WEIGHT_ENROLL), c.number(ConfigKey.WEIGHT_COMPLETE), c.number(ConfigKey.WEIGHT_RATE),
        c.number(ConfigKey.RATING_NEUTRAL), c.number(ConfigKey.WEIGHT_DISMISS), c.number(ConfigKey.HALF_LIFE_DAYS));
  }

  public static EventWeights defaults() { return from(Config.defaults()); }

  /** Weight of one event, ignoring recency. */
  public double of(Interaction e) {
    return switch (e.event()) {
      case VIEW -> view;
      case BOOKMARK -> bookmark;
      case ENROLL -> enroll;
      case COMPLETE -> complete;
      case DISMISS -> dismiss;
      case RATE -> e.rating() == null ? 0.0 : (e.rating() - ratingNeutral) * rate;
    };
  }

  /** Weight of one event with recency decay relative to {@code now}; events without timestamp are not decayed. */
  public double of(Interaction e, Instant now) {
    double w = of(e);
    if (halfLifeDays <= 0 || e.timestamp() == null || now == null) return w;
    double ageDays = Math.max(0, Duration.between(e.timestamp(), now).toSeconds() / 86400.0);
    return w * Math.pow(2.0, -ageDays / halfLifeDays);
  }
}
