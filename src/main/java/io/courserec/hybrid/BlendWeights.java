package io.courserec.hybrid;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.EnumMap;
import java.util.Map;

/**
 * Non-negative weights of the five signals, normalised to sum to 1 so that the blended score of normalised signals
 * (each in [0,1]) stays in [0,1] and a weight reads as "share of the score this signal may contribute".
 */
public record BlendWeights(double content, double itemcf, double usercf, double mf, double prior) {
  public BlendWeights {
    for (double w : new double[] {content, itemcf, usercf, mf, prior}) {
      if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
    }
    double s = content + itemcf + usercf + mf + prior;
    if (s <= 0) throw new IllegalArgumentException("at least one weight must be positive");
    content /= s;
    itemcf /= s;
    usercf /= s;
    mf /= s;
    prior /= s;
  }

  public double of(Signal s) {
    return switch (s) {
      case CONTENT -> content;
      case ITEMCF -> itemcf;
      case USERCF -> usercf;
      case MF -> mf;
      case PRIOR -> prior;
    };
  }

  public Map<Signal, Double> asMap() {
    Map<Signal, Double> m = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) m.put(s, of(s));
    return m;
  }

  /** The configured weights of a segment ({@code hybrid.<segment>.<signal>}); cold has no CF/MF weights. */
  public static BlendWeights forSegment(Config c, UserSegment segment) {
    return switch (segment) {
      case COLD -> new BlendWeights(c.number(ConfigKey.HW_COLD_CONTENT), 0, 0, 0, c.number(ConfigKey.HW_COLD_PRIOR));
      case WARM -> new BlendWeights(c.number(ConfigKey.HW_WARM_CONTENT), c.number(ConfigKey.HW_WARM_ITEMCF),
          c.number(ConfigKey.HW_WARM_USERCF), c.number(ConfigKey.HW_WARM_MF), c.number(ConfigKey.HW_WARM_PRIOR));
      case RICH -> new BlendWeights(c.number(ConfigKey.HW_RICH_CONTENT), c.number(ConfigKey.HW_RICH_ITEMCF),
          c.number(ConfigKey.HW_RICH_USERCF), c.number(ConfigKey.HW_RICH_MF), c.number(ConfigKey.HW_RICH_PRIOR));
    };
  }

  /** Weights with every signal but one at zero: the pure switching mode. */
  public static BlendWeights only(Signal s) {
    return new BlendWeights(s == Signal.CONTENT ? 1 : 0, s == Signal.ITEMCF ? 1 : 0, s == Signal.USERCF ? 1 : 0,
        s == Signal.MF ? 1 : 0, s == Signal.PRIOR ? 1 : 0);
  }
}
