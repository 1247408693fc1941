package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.eval.Split;
import io.courserec.eval.SplitKind;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the {@link ConfidenceCalibrator} without touching any test data: the training data itself is split again,
 * once by random per-learner holdout and once by the cold-start splitter (the configured seed); a hybrid without
 * calibration is trained on each inner part, and its top-{@value #K} lists for up to {@value #MAX_USERS} held-out
 * learners of each give (features, relevant) pairs. Costs two extra trainings on most of the data.
 */
final class CalibrationFit {
  static final int K = 10;
  static final int MAX_USERS = 1500;
  private static final Logger log = LoggerFactory.getLogger(CalibrationFit.class);

  private CalibrationFit() {}

  static ConfidenceCalibrator fit(Config config, Dataset data) {
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    collect(config, data, SplitKind.RANDOM, config, x, y);
    // cold learners never appear in a random holdout: add a cold-start split so the cold segment is calibrated too
    Config cold = config.number(ConfigKey.EVAL_COLD_FRACTION) >= 0.25 ? config : config.with(ConfigKey.EVAL_COLD_FRACTION, 0.25);
    collect(config, data, SplitKind.COLD_START, cold, x, y);
    int[] yy = y.stream().mapToInt(Integer::intValue).toArray();
    if (yy.length == 0) return ConfidenceCalibrator.identity();
    ConfidenceCalibrator c = ConfidenceCalibrator.fit(x.toArray(new double[0][]), yy, 1e-3);
    log.info("confidence calibrated on {} recommendations (base rate {})", yy.length,
        (double) java.util.Arrays.stream(yy).sum() / yy.length);
    return c;
  }

  private static void collect(Config config, Dataset data, SplitKind kind, Config splitConfig, List<double[]> x,
                              List<Integer> y) {
    Split split;
    try {
      split = kind.create(splitConfig).split(data);
    } catch (RuntimeException e) {
      log.warn("no {} calibration split possible ({})", kind.code(), e.getMessage());
      return;
    }
    if (split.heldOut().isEmpty()) return;
    List<String> users = new ArrayList<>(split.heldOut().keySet());
    Collections.sort(users);
    Collections.shuffle(users, new Random(config.longValue(ConfigKey.SEED) ^ 0x5eedL));
    if (users.size() > MAX_USERS) users = users.subList(0, MAX_USERS);
    try (HybridRecommender inner = new HybridRecommender(config, null, false)) {
      inner.train(split.train());
      for (String u : users) {
        Set<String> relevant = split.heldOut().get(u);
        HybridRanking r;
        try {
          r = inner.rank(RecommendRequest.of(u, K));
        } catch (UnknownEntityException e) {
          continue;
        }
        int rank = 1;
        for (HybridItem i : r.items()) {
          x.add(ConfidenceModel.features(i.score(), i.rawConfidence(), rank++, r.segment()));
          y.add(relevant.contains(i.courseId()) ? 1 : 0);
        }
      }
    }
  }

}
