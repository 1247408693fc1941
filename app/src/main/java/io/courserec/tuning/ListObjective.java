package io.courserec.tuning;

import io.courserec.eval.BeyondAccuracyMetrics;
import io.courserec.eval.ContentSimilarity;
import io.courserec.eval.RankingMetrics;
import io.courserec.eval.TrainPopularity;
import java.util.List;
import java.util.Set;

/**
 * What tuning maximises for one ranked list: {@code NDCG@K + wD x ILD + wN x novelty / 10}, with ILD the mean
 * pairwise content dissimilarity of the list and novelty the mean {@code -log2 p(i)} in bits (p = share of training
 * learners who took i), both as {@link BeyondAccuracyMetrics} defines them. With both weights 0 (the default) the
 * objective is NDCG@K alone and the beyond-accuracy terms cost nothing.
 */
final class ListObjective {
  static final int K = 10;

  private final double diversityWeight;
  private final double noveltyWeight;
  private final ContentSimilarity similarity;
  private final TrainPopularity popularity;

  ListObjective(TuningSettings s, ContentSimilarity similarity, TrainPopularity popularity) {
    this.diversityWeight = s.diversityWeight();
    this.noveltyWeight = s.noveltyWeight();
    this.similarity = diversityWeight > 0 ? similarity : null;
    this.popularity = noveltyWeight > 0 ? popularity : null;
  }

  /** NDCG alone (for tests and reports). */
  static ListObjective accuracy() {
    return new ListObjective(new TuningSettings(true, 1, "auto", 1, 10, 0, 0, 0, 0, 1, 0), null, null);
  }

  double score(List<String> ranked, Set<String> relevant) {
    double v = RankingMetrics.ndcgAtK(ranked, relevant, K);
    List<String> top = ranked.size() > K ? ranked.subList(0, K) : ranked;
    if (diversityWeight > 0 && top.size() > 1) v += diversityWeight * BeyondAccuracyMetrics.intraListDiversity(top, similarity::cosine);
    if (noveltyWeight > 0 && !top.isEmpty()) v += noveltyWeight * BeyondAccuracyMetrics.novelty(top, popularity::probability) / 10;
    return v;
  }
}
