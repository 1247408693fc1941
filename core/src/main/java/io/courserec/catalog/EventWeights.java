package io.courserec.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What events mean: their implicit-feedback strength and which of them mark a course as <em>taken</em>.
 *
 * <p>Strength: a rate event weighs {@code (rating - neutral) x rateWeight}, so a rating below neutral is negative
 * evidence; the others weigh their configured constant; with a half-life h (days) an event of age a days is
 * multiplied by {@code 2^(-a/h)} relative to {@code now}. The weight of a (user, course) pair is the sum over its
 * events.
 *
 * <p>Taken: a course with an event in {@link #taken()} ({@code recommend.exclude_events}, by default enroll,
 * complete and rate — a learner rates a course they took) is never recommended to that learner again; a dismissed
 * course never is either, whatever the set. This record is the one place that rule lives: the matrix, the
 * snapshot, content profiles, the service and evaluation all ask {@link #marksTaken}.
 */
public record EventWeights(double view, double bookmark, double enroll, double complete, double rate,
                           double ratingNeutral, double dismiss, double halfLifeDays, Set<EventType> taken) {

  /** The taken set when none is configured (and for manifests written before the set existed). */
  public static final Set<EventType> DEFAULT_TAKEN = Set.copyOf(EnumSet.of(EventType.ENROLL, EventType.COMPLETE, EventType.RATE));

  public EventWeights {
    taken = taken == null ? DEFAULT_TAKEN : Set.copyOf(taken.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(taken));
    if (taken.contains(EventType.DISMISS)) throw new IllegalArgumentException("dismiss is excluded by itself, not a taken event");
  }

  public static EventWeights from(Config c) {
    return new EventWeights(c.number(ConfigKey.WEIGHT_VIEW), c.number(ConfigKey.WEIGHT_BOOKMARK),
        c.number(ConfigKey.WEIGHT_ENROLL), c.number(ConfigKey.WEIGHT_COMPLETE), c.number(ConfigKey.WEIGHT_RATE),
        c.number(ConfigKey.RATING_NEUTRAL), c.number(ConfigKey.WEIGHT_DISMISS), c.number(ConfigKey.HALF_LIFE_DAYS),
        parseTaken(c.string(ConfigKey.EXCLUDE_EVENTS)));
  }

  public static EventWeights defaults() { return from(Config.defaults()); }

  /**
   * The event set of {@code recommend.exclude_events}: comma-separated codes, case and spaces ignored, empty for
   * none.
   *
   * @throws ConfigException naming the key and the bad code (dismiss is refused: it always excludes)
   */
  public static Set<EventType> parseTaken(String codes) {
    Set<EventType> out = EnumSet.noneOf(EventType.class);
    for (String part : codes.split(",")) {
      if (part.isBlank()) continue;
      EventType t = EventType.fromCode(part).orElseThrow(() -> new ConfigException(ConfigKey.EXCLUDE_EVENTS.key()
          + " must list event codes (view, bookmark, enroll, complete, rate), got '" + part.trim() + "'"));
      if (t == EventType.DISMISS) {
        throw new ConfigException(ConfigKey.EXCLUDE_EVENTS.key() + ": dismiss always excludes; list only view, bookmark, enroll, complete, rate");
      }
      out.add(t);
    }
    return out;
  }

  /** Whether an event of this type marks its course as taken (never recommended again). */
  public boolean marksTaken(EventType type) { return taken.contains(type); }

  /** Whether this event removes its course from the learner's recommendations: taken or dismissed. */
  public boolean excludes(Interaction e) { return e.event() == EventType.DISMISS || taken.contains(e.event()); }

  /** The taken set as sorted codes, for reports and manifests. */
  @JsonIgnore
  public String takenCodes() {
    Set<String> s = new TreeSet<>();
    for (EventType t : taken) s.add(t.code());
    return String.join(",", s).toLowerCase(Locale.ROOT);
  }

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
