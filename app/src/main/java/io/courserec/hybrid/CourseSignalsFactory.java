package io.courserec.hybrid;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.cf.ItemKnnModel;
import io.courserec.cf.Neighbors;
import io.courserec.cf.PopularityRecommender;
import io.courserec.index.CourseSignals;
import io.courserec.mf.FactorModel;

/**
 * Turns trained models into the per-course signals the index stores ({@link CourseSignals}), normalised once at
 * training time so that readers need no global statistics:
 *
 * <ul>
 *   <li>popularity prior {@code log(1 + n_i) / log(1 + max_j n_j)} where n_i is the number of learners with
 *       positive feedback on course i (so in [0,1]; absent when no learner has any positive feedback at all);
 *   <li>rating prior: the Bayesian average {@code (m * C + S_i) / (m + N_i) / 5} over the catalog's rating
 *       (rating x num_ratings) and the rate events of the data set, with C the catalog-wide mean rating and m =
 *       {@value #RATING_PSEUDO_COUNT} pseudo-ratings; absent for a course with neither;
 *   <li>MF item factors and item-kNN neighbour lists as trained.
 * </ul>
 */
public final class CourseSignalsFactory {
  /** Pseudo-ratings pulling a course's mean towards the catalog mean (shrinkage of small-sample ratings). */
  public static final double RATING_PSEUDO_COUNT = 10;

  private CourseSignalsFactory() {}

  public static CourseSignals build(String modelVersion, Dataset data, PopularityRecommender pop, ItemKnnModel itemKnn,
                                    FactorModel mf) {
    int n = data.numCourses();
    CourseSignals.Builder b = CourseSignals.builder(modelVersion, n);
    int max = 0;
    for (int i = 0; i < n; i++) max = Math.max(max, pop.popularity(i));
    if (max > 0) {
      double denom = Math.log1p(max);
      for (int i = 0; i < n; i++) b.popularityPrior(i, (float) (Math.log1p(pop.popularity(i)) / denom));
    }
    double[] sum = new double[n];
    double[] count = new double[n];
    for (int i = 0; i < n; i++) {
      Course c = data.course(i);
      if (c.rating() != null && c.numRatings() != null && c.numRatings() > 0) {
        sum[i] += c.rating() * c.numRatings();
        count[i] += c.numRatings();
      } else if (c.rating() != null) {
        sum[i] += c.rating();
        count[i] += 1;
      }
    }
    for (Interaction e : data.interactions()) {
      if (e.event() == EventType.RATE && e.rating() != null) {
        int o = data.courseOrdinal(e.courseId());
        sum[o] += e.rating();
        count[o] += 1;
      }
    }
    double totalSum = 0;
    double totalCount = 0;
    for (int i = 0; i < n; i++) {
      totalSum += sum[i];
      totalCount += count[i];
    }
    if (totalCount > 0) {
      double mean = totalSum / totalCount;
      for (int i = 0; i < n; i++) {
        if (count[i] > 0) {
          double avg = (RATING_PSEUDO_COUNT * mean + sum[i]) / (RATING_PSEUDO_COUNT + count[i]);
          b.ratingPrior(i, (float) Math.max(0, Math.min(1, avg / 5.0)));
        }
      }
    }
    if (mf != null) {
      for (int i = 0; i < n && i < mf.numCourses(); i++) b.itemFactors(i, mf.itemFactors(i));
    }
    if (itemKnn != null) {
      for (int i = 0; i < n && i < itemKnn.numCourses(); i++) {
        Neighbors nb = itemKnn.neighbors(i);
        if (nb.size() > 0) b.neighbors(i, nb.ids(), nb.similarities());
      }
    }
    return b.build();
  }
}
