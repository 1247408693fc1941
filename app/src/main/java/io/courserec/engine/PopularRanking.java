package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.cf.CandidateRanker;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.TopK;
import io.courserec.cf.UserHistory;
import io.courserec.rec.Evidence;
import io.courserec.rec.EvidenceSource;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer for a learner nobody knows anything about (not in the training data, no feedback, no interests):
 * the most popular courses, strategy {@code popular}. Score = pop(c) / max pop, where pop(c) is the number of
 * learners with positive feedback on the course (the popularity prior the hybrid stores in the index), so the top
 * course scores 1. The request's filter, offset and exclusions apply as for any recommender
 * ({@link CandidateRanker}); ties go to the lower course ordinal.
 */
final class PopularRanking {
  private PopularRanking() {}

  static float[] scores(PopularityRecommender pop, int numCourses) {
    float[] s = new float[numCourses];
    int max = 0;
    for (int c = 0; c < numCourses; c++) max = Math.max(max, pop.popularity(c));
    for (int c = 0; c < numCourses; c++) s[c] = max == 0 ? 0f : (float) pop.popularity(c) / max;
    return s;
  }

  static List<Recommendation> rank(Generation g, RecommendRequest request) {
    PopularityRecommender pop = g.hybrid().popularity();
    Dataset data = g.data();
    UserHistory none = pop.snapshot().historyOf(List.of());
    TopK.Ranked ranked = CandidateRanker.rank(g.popularity(), none, request, data);
    List<Recommendation> out = new ArrayList<>(ranked.size());
    for (int r = 0; r < ranked.size(); r++) {
      int c = ranked.ids()[r];
      int n = pop.popularity(c);
      List<Evidence> ev = request.explain()
          ? List.of(new Evidence(EvidenceSource.PRIOR, "popular: " + n + (n == 1 ? " learner" : " learners"), ranked.scores()[r]))
          : List.of();
      out.add(new Recommendation(data.course(c).id(), ranked.scores()[r], Double.NaN, ev));
    }
    return out;
  }
}
