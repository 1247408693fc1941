package io.courserec.cf;

import io.courserec.config.Config;
import java.util.Map;

/**
 * Item-based collaborative filtering ({@code itemknn}): courses similar to the ones in the learner's history
 * (similarities: {@link ItemSimilarity}; training: {@link ItemKnnTrainer}; scoring: {@link ItemKnnModel}, with
 * x_u(j) = r(u,j), the summed event weight, negative ones included). Only courses with a positive score are
 * returned (a course no history item vouches for is not a recommendation), so a list may be shorter than
 * {@code k}. The neighbours behind each score are the explanation: "similar to <i>Intro to Python</i>, which you
 * completed".
 *
 * <p>A learner not in training is served from {@code recentEvents} alone (the neighbour lists do not depend on
 * the learner). A known learner without positive feedback gets an empty list.
 */
public final class ItemKnnRecommender extends NeighborListRecommender {
  public static final String NAME = "itemknn";

  public ItemKnnRecommender(Config config) {
    super(config);
  }

  @Override
  public String name() { return NAME; }

  @Override
  Fit fit(InteractionSnapshot snapshot) {
    return fitNeighbors(config, snapshot);
  }

  /** The item-kNN lists under {@code cf.item.*} (shared with {@link RecentItemKnnRecommender}). */
  static Fit fitNeighbors(Config config, InteractionSnapshot snapshot) {
    ItemKnnTrainer trainer = ItemKnnTrainer.from(config);
    ItemKnnModel model = trainer.train(snapshot.matrix());
    return new Fit(model, Map.of("similarity", trainer.similarity().code(), "neighbors", trainer.neighbors(),
        "shrinkage", trainer.shrinkage()));
  }

  @Override
  String listFile() { return ItemKnnModel.FILE; }

  @Override
  String listKind() { return "item-neighbors"; }

  @Override
  public float[] historyWeights(UserHistory history) { return history.weights(); }

  @Override
  String reason(String title, String action) { return "similar to " + title + ", which you " + action; }
}
