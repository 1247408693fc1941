package io.courserec.cf;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Item-kNN with recent history weighing more ({@code itemknn-recent}): the item-kNN neighbour lists
 * ({@link ItemKnnTrainer}, {@code cf.item.*}, saved in the same file), scored with each history course's weight
 * multiplied by a recency factor d_u(j):
 *
 * <pre>
 *   score(u,i) = Σ_{j ∈ N(i) ∩ H(u)} sim(i,j) · r(u,j) · d_u(j)
 *   position mode:  d_u(j) = decay^{b(j)}               b(j) = courses of the history touched after j (0 = newest)
 *   time mode:      d_u(j) = 0.5^{(a(j) − a_min) / h}   a(j) = age in days of the learner's last event on j,
 *                                                       a_min = the learner's newest age, h = cf.recent.half_life_days
 * </pre>
 *
 * {@code cf.recent.mode}, {@code cf.recent.decay} and {@code cf.recent.half_life_days} are read when the
 * recommender is built (scoring settings, not model settings). Order and ages come from {@link UserHistory}: the
 * training order by last event and then the request's recent events. In time mode a course without a time
 * (a log without timestamps) gets d = 1, i.e. plain item-kNN. decay = 1 in position mode is plain item-kNN too.
 */
public final class RecentItemKnnRecommender extends NeighborListRecommender {
  public static final String NAME = "itemknn-recent";

  /** How recency is measured. */
  public enum Mode { POSITION, TIME }

  private final Mode mode;
  private final double decay;
  private final double halfLifeDays;

  public RecentItemKnnRecommender(Config config) {
    super(config);
    String m = config.string(ConfigKey.RECENT_MODE).trim().toLowerCase(Locale.ROOT);
    this.mode = switch (m) {
      case "position" -> Mode.POSITION;
      case "time" -> Mode.TIME;
      default -> throw new ConfigException(ConfigKey.RECENT_MODE.key() + " must be position or time, got '" + m + "'");
    };
    this.decay = config.number(ConfigKey.RECENT_DECAY);
    this.halfLifeDays = config.number(ConfigKey.RECENT_HALF_LIFE_DAYS);
  }

  @Override
  public String name() { return NAME; }

  public Mode mode() { return mode; }

  @Override
  Fit fit(InteractionSnapshot snapshot) {
    Fit f = ItemKnnRecommender.fitNeighbors(config, snapshot);
    Map<String, Object> params = new TreeMap<>(f.params());
    params.putAll(recencyParams());
    return new Fit(f.model(), params);
  }

  /** The recency parameters this recommender records beside the item-kNN lists' own. */
  public Map<String, Object> recencyParams() {
    return Map.of("recent_mode", mode.name().toLowerCase(Locale.ROOT), "recent_decay", decay,
        "recent_half_life_days", halfLifeDays);
  }

  @Override
  String listFile() { return ItemKnnModel.FILE; }

  @Override
  String listKind() { return "item-neighbors"; }

  @Override
  public float[] historyWeights(UserHistory history) {
    float[] x = history.weights();
    if (mode == Mode.POSITION) {
      int[] recentFirst = history.positionsMostRecentFirst();
      for (int b = 0; b < recentFirst.length; b++) x[recentFirst[b]] *= (float) Math.pow(decay, b);
    } else {
      float newest = Float.POSITIVE_INFINITY;
      for (int p = 0; p < x.length; p++) if (history.ageDays(p) < newest) newest = history.ageDays(p);
      for (int p = 0; p < x.length; p++) {
        float a = history.ageDays(p);
        if (!Float.isNaN(a)) x[p] *= (float) Math.pow(0.5, (a - newest) / halfLifeDays);
      }
    }
    return x;
  }

  @Override
  String reason(String title, String action) {
    return "similar to " + title + ", which you " + action;
  }
}
