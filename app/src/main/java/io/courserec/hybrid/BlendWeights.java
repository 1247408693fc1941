package io.courserec.hybrid;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Non-negative weights of the hybrid's signals, normalised to sum to 1 so that the blended score of normalised
 * signals (each in [0,1]) stays in [0,1] and a weight reads as "share of the score this signal may contribute".
 * An immutable value ({@code equals}/{@code hashCode} over the normalised map) backed by an {@link EnumMap}: adding a
 * signal is one {@link Signal} constant, its source class and its {@code hybrid.<segment>.<signal>} keys.
 */
public final class BlendWeights {
  private final Map<Signal, Double> weights;

  private BlendWeights(Map<Signal, Double> normalised) {
    this.weights = Collections.unmodifiableMap(normalised);
  }

  /**
   * Weights proportional to {@code raw} (missing signals weigh 0).
   *
   * @throws IllegalArgumentException for a negative, NaN or infinite weight, or when none is positive
   */
  public static BlendWeights of(Map<Signal, Double> raw) {
    double sum = 0;
    for (Map.Entry<Signal, Double> e : raw.entrySet()) {
      double w = e.getValue();
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight of " + e.getKey().code() + " must be finite and >= 0, got " + w);
      }
      sum += w;
    }
    if (!(sum > 0)) throw new IllegalArgumentException("at least one weight must be positive");
    Map<Signal, Double> m = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) m.put(s, raw.getOrDefault(s, 0.0) / sum);
    return new BlendWeights(m);
  }

  /** Weights with every signal but one at zero: the pure switching mode and the corners of the weight space. */
  public static BlendWeights only(Signal s) {
    return of(Map.of(s, 1.0));
  }

  /** The configured weights of a segment: {@code hybrid.<segment>.<signal>}; a signal without a key weighs 0. */
  public static BlendWeights forSegment(Config c, UserSegment segment) {
    Map<Signal, Double> raw = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) raw.put(s, ConfigKey.byKey(key(segment, s)).map(c::number).orElse(0.0));
    return of(raw);
  }

  /** The configuration key of one weight. */
  public static String key(UserSegment segment, Signal s) {
    return "hybrid." + segment.code() + "." + s.code();
  }

  /** This signal's share, 0 when it takes no part. */
  public double of(Signal s) { return weights.get(s); }

  /** Every signal's share (all signals present), in {@link Signal} order. */
  public Map<Signal, Double> asMap() { return weights; }

  /**
   * The same weights restricted to the signals a learner has and renormalised: the one renormalisation of the
   * hybrid, so a learner without (say) factors does not lose MF's share of the score. When none of the weighted
   * signals is available, {@code fallback} alone.
   */
  public BlendWeights restrictedTo(Set<Signal> available, Signal fallback) {
    Map<Signal, Double> m = new EnumMap<>(Signal.class);
    double sum = 0;
    for (Signal s : available) {
      m.put(s, weights.get(s));
      sum += weights.get(s);
    }
    return sum > 0 ? of(m) : only(fallback);
  }

  /** A copy with one raw weight replaced (before renormalisation), or null when no weight would stay positive. */
  public BlendWeights with(Signal s, double w) {
    Map<Signal, Double> m = new EnumMap<>(weights);
    m.put(s, w);
    double sum = 0;
    for (double x : m.values()) sum += x;
    return sum > 0 ? of(m) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlendWeights b && b.weights.equals(weights);
  }

  @Override
  public int hashCode() { return weights.hashCode(); }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "BlendWeights[", "]");
    weights.forEach((s, w) -> { if (w > 0) j.add(s.code() + "=" + String.format(Locale.ROOT, "%.3f", w)); });
    return j.toString();
  }
}
