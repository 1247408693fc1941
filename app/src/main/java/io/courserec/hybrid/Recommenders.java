package io.courserec.hybrid;

import io.courserec.cf.EaseRecommender;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.RecentItemKnnRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.config.Config;
import io.courserec.mf.MfRecommender;
import io.courserec.rec.Recommender;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place that knows every algorithm by name: {@code pop}, {@code cbr}, {@code itemknn}, {@code userknn},
 * {@code mf}, {@code hybrid}, {@code itemknn-recent}, {@code seq} and {@code ease}. Algorithms that need an index (cbr, hybrid) get a private temporary index root
 * unless one is given.
 */
public final class Recommenders {
  public static final List<String> NAMES = List.of("pop", "cbr", "itemknn", "userknn", "mf", "hybrid", "itemknn-recent", "seq", "ease");

  private Recommenders() {}

  /** An untrained recommender; {@link IllegalArgumentException} naming the valid names for an unknown one. */
  public static Recommender create(String name, Config config) {
    return create(name, config, null);
  }

  public static Recommender create(String name, Config config, Path indexRoot) {
    return switch (name) {
      case "pop" -> new PopularityRecommender(config);
      case "cbr" -> new StandaloneCbr(config, indexRoot);
      case "itemknn" -> new ItemKnnRecommender(config);
      case "userknn" -> new UserKnnRecommender(config);
      case "mf" -> new MfRecommender(config);
      case "hybrid" -> new HybridRecommender(config, indexRoot);
      case "itemknn-recent" -> new RecentItemKnnRecommender(config);
      case "seq" -> new SequenceRecommender(config);
      case "ease" -> new EaseRecommender(config);
      default -> throw new IllegalArgumentException("unknown algorithm '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }
}
