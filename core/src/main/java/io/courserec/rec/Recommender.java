package io.courserec.rec;

import io.courserec.catalog.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The narrow contract every algorithm fulfils (learned from Gorse's {@code Model}): train, say whether a user can
 * be served, recommend for a request, save and load. Implementations are configured through their constructor;
 * training is separate from scoring, and {@link #recommend} is thread-safe once trained or loaded.
 *
 * <p>Contract for {@link #recommend}: never returns a course the learner dismissed (in the data set or in
 * {@link RecommendRequest#recentEvents()}), nor one they have taken (enrolled in, completed or rated: {@code recommend.exclude_events}) unless
 * {@link RecommendRequest#includeTaken()}, nor one in {@link RecommendRequest#exclude()}; respects the filter;
 * returns at most {@code k} items after skipping {@code offset}, best first, ties broken by course ordinal.
 */
public interface Recommender {
  /** Registry name: pop, cbr, userknn, itemknn, mf, hybrid. */
  String name();

  /** Trains from scratch on a data set; the data set's catalog becomes the model's catalog. */
  void train(Dataset data);

  /** Whether this algorithm has anything personal to say for the request (e.g. CF needs history). */
  boolean canRecommend(RecommendRequest request);

  /**
   * Ranks courses for the request.
   *
   * @throws UnknownEntityException when the learner is unknown and the request carries no signal the algorithm can use
   */
  List<Recommendation> recommend(RecommendRequest request);

  /** Writes the trained state into {@code dir} (created if needed). */
  void save(Path dir) throws IOException;

  /** Reads the state written by {@link #save}; {@code catalog} supplies the courses and learners it was trained on. */
  void load(Path dir, Dataset catalog) throws IOException;
}
