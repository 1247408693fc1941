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
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the {@link ConfidenceCalibrator} without touching any test data: the training data itself is split again
 * (random per-learner holdout, the configured seed), a hybrid without calibration is trained on the inner part,
 * and its top-{@value #K} lists for up to {@value #MAX_USERS} held-out learners give (features, relevant) pairs.
 * Costs one extra training on ~80% of the data.
 */
final class CalibrationFit {
  static final int K = 10;
  static final int MAX_USERS = 1500;
  private static final Logger log = LoggerFactory.getLogger(CalibrationFit.class);

  private CalibrationFit() {}

  static ConfidenceCalibrator fit(Config config, Dataset data) {
    Split split;
    try {
      split = SplitKind.RANDOM.create(config).split(data);
    } catch (RuntimeException e) {
      log.warn("no calibration split possible ({}); confidence left uncalibrated", e.getMessage());
      return ConfidenceCalibrator.identity();
    }
    if (split.heldOut().isEmpty()) return ConfidenceCalibrator.identity();
    List<String> users = new ArrayList<>(split.heldOut().keySet());
    Collections.sort(users);
    Collections.shuffle(users, new Random(config.longValue(ConfigKey.SEED) ^ 0x5eedL));
    if (users.size() > MAX_USERS) users = users.subList(0, MAX_USERS);
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
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
          x.add(ConfidenceModel.features(i.score(), i.rawConfidence(), rank++));
          y.add(relevant.contains(i.courseId()) ? 1 : 0);
        }
      }
    }
    int[] yy = y.stream().mapToInt(Integer::intValue).toArray();
    ConfidenceCalibrator c = ConfidenceCalibrator.fit(x.toArray(new double[0][]), yy, 1e-3);
    log.info("confidence calibrated on {} recommendations of {} learners (base rate {})", yy.length, users.size(),
        yy.length == 0 ? 0 : (double) java.util.Arrays.stream(yy).sum() / yy.length);
    return c;
  }

  static Map<String, Set<String>> heldOut(Split s) { return s.heldOut(); }
}
