package io.courserec.tuning;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.util.Set;

/**
 * The {@code tune.*} settings.
 *
 * @param enabled whether train tunes at all
 * @param budgetSeconds time budget; a search stage starts only while time remains
 * @param split {@code auto}, {@code leave-last-out} or {@code random}
 * @param maxUsers validation learners per segment
 * @param candidates best courses of each signal kept per validation learner for the in-memory blend search
 * @param diversityWeight weight of intra-list diversity in the objective
 * @param noveltyWeight weight of novelty (bits / 10) in the objective
 * @param blendMinZ the blend search's guard: minimum z of a blend's gain over the best corner (0 = off)
 * @param blendPruneMinZ minimum keep-gain z of each non-prior signal of a tuned blend; weaker ones are pruned (0 = off)
 * @param blendPruneMaxLoss the share of a blend's validation score pruning may give up in all (1 = no bound)
 * @param seed sampling seed
 */
public record TuningSettings(boolean enabled, int budgetSeconds, String split, int maxUsers, int candidates,
                             double diversityWeight, double noveltyWeight, double blendMinZ, double blendPruneMinZ,
                             double blendPruneMaxLoss, long seed) {
  static final Set<String> SPLITS = Set.of("auto", "leave-last-out", "random");

  public TuningSettings {
    if (!SPLITS.contains(split)) {
      throw new ConfigException(ConfigKey.TUNE_SPLIT.key() + " must be auto, leave-last-out or random, got '" + split + "'");
    }
  }

  public static TuningSettings from(Config c) {
    return new TuningSettings(c.bool(ConfigKey.TUNE_ENABLED), c.integer(ConfigKey.TUNE_BUDGET), c.string(ConfigKey.TUNE_SPLIT),
        c.integer(ConfigKey.TUNE_MAX_USERS), c.integer(ConfigKey.TUNE_CANDIDATES), c.number(ConfigKey.TUNE_W_DIVERSITY),
        c.number(ConfigKey.TUNE_W_NOVELTY), c.number(ConfigKey.TUNE_BLEND_MIN_Z),
        c.number(ConfigKey.TUNE_BLEND_PRUNE_MIN_Z), c.number(ConfigKey.TUNE_BLEND_PRUNE_MAX_LOSS), c.longValue(ConfigKey.SEED));
  }

  /** Whether the objective is NDCG alone. */
  boolean accuracyOnly() { return diversityWeight == 0 && noveltyWeight == 0; }
}
