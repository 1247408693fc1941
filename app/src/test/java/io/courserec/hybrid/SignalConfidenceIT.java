package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import io.courserec.split.Split;
import io.courserec.split.SplitKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each single algorithm's calibrated confidence ({@link SignalCalibration}, served by
 * {@link HybridRecommender#withSignalConfidence}) checked against outcomes it never saw: the sample (400 courses,
 * 3,000 learners, seed 42) is split by the task's split (each learner's next course, as calibration itself splits
 * the training data); the hybrid with its calibration is trained on the training part only; each algorithm's
 * top-10 for up to 800 held-out learners is compared with the held-out course.
 */
class SignalConfidenceIT {
  @TempDir static Path tmp;
  static Dataset data;
  static Split split;
  static HybridRecommender hybrid;

  @BeforeAll
  static void train() {
    Config config = Config.defaults();
    data = CatalogLoader.load(Path.of("data/sample"), config).dataset();
    // the split the confidences are about: the task's (tune.split auto: the sample has times, so each learner's
    // next course), the same kind of split calibration fits on inside the training part
    split = SplitKind.forTask(config.string(io.courserec.config.ConfigKey.TUNE_SPLIT), data).create(config).split(data);
    assertThat(split.heldOut().values().stream().allMatch(h -> h.size() == 1)).as("leave-last-out").isTrue();
    hybrid = new HybridRecommender(config, tmp.resolve("index"));
    hybrid.train(split.train());
  }

  @AfterAll
  static void close() {
    if (hybrid != null) hybrid.close();
  }

  private static Recommender single(Signal s) {
    HybridModels m = hybrid.models();
    return switch (s) {
      case CONTENT -> m.cbr();
      case ITEMCF -> m.itemKnn();
      case USERCF -> m.userKnn();
      case MF -> m.mf();
      case PRIOR -> m.pop();
      case RECENT, SEQ, EASE -> m.lists().get(s);
    };
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void eachAlgorithmsConfidenceIsCalibratedOnHeldOutLearners(Signal s) {
    assertThat(hybrid.models().signalCalibration().has(s)).as("%s calibrated", s).isTrue();
    Recommender r = single(s);
    List<String> users = new ArrayList<>(split.heldOut().keySet());
    Collections.sort(users);
    List<double[]> outcomes = new ArrayList<>(); // {confidence, relevant}
    for (String u : users.subList(0, Math.min(800, users.size()))) {
      RecommendRequest req = RecommendRequest.of(u, 10);
      List<Recommendation> recs;
      try {
        recs = hybrid.withSignalConfidence(s.algorithm(), req, r.recommend(req));
      } catch (UnknownEntityException e) {
        continue;
      }
      Set<String> relevant = split.heldOut().get(u);
      for (Recommendation x : recs) {
        if (Double.isFinite(x.confidence())) outcomes.add(new double[] {x.confidence(), relevant.contains(x.courseId()) ? 1 : 0});
      }
    }
    assertThat(outcomes.size()).as("%s: confidences given", s).isGreaterThan(4000);
    double predicted = outcomes.stream().mapToDouble(o -> o[0]).average().orElseThrow();
    double observed = outcomes.stream().mapToDouble(o -> o[1]).average().orElseThrow();
    outcomes.sort((a, b) -> Double.compare(a[0], b[0]));
    List<double[]> low = outcomes.subList(0, outcomes.size() / 2);
    List<double[]> high = outcomes.subList(outcomes.size() / 2, outcomes.size());
    double lowHits = low.stream().mapToDouble(o -> o[1]).average().orElseThrow();
    double highHits = high.stream().mapToDouble(o -> o[1]).average().orElseThrow();
    String measured = String.format(Locale.ROOT, "%s: n=%d predicted %.4f observed %.4f; low half %.4f high half %.4f", s,
        outcomes.size(), predicted, observed, lowHits, highHits);
    // Calibration in the large: calibration holds out each training learner's second-to-last course, this test the
    // last one; the calibrators' history-length feature carries the trend between the two (without it the prior
    // over-predicted by 35 % and recency by 26 %). The observed rate's sampling error at n = 8,000 and p = 0.015-0.045
    // is 6-10 % of it (two standard errors 12-20 %). Measured on 2026-12-05: ratio 0.92 (seq) to 1.20 (prior).
    System.out.println(measured);
    assertThat(predicted / observed).as(measured).isBetween(0.75, 1.25);
    // Discrimination: the more confident half of the recommendations is right clearly more often (measured 1.36x for
    // the prior to 2.98x for recency, 2026-12-05).
    assertThat(highHits).as(measured).isGreaterThan(1.2 * lowHits);
  }

  @org.junit.jupiter.api.Test
  void theEnsemblesConfidenceBuiltFromItsPartsIsCalibratedToo() {
    List<String> users = new ArrayList<>(split.heldOut().keySet());
    Collections.sort(users);
    double predicted = 0;
    double observed = 0;
    int n = 0;
    for (String u : users.subList(0, Math.min(800, users.size()))) {
      HybridRanking r = hybrid.rank(RecommendRequest.of(u, 10));
      Set<String> relevant = split.heldOut().get(u);
      for (HybridItem i : r.items()) {
        predicted += i.confidence();
        observed += relevant.contains(i.courseId()) ? 1 : 0;
        n++;
        // every signal that speaks for a course has its own calibrated confidence beside the ensemble's
        i.values().forEach((sig, v) -> {
          if (v > 0) assertThat(i.confidences().get(sig)).as("%s %s", i.courseId(), sig).isBetween(0.0, 1.0);
        });
      }
    }
    String measured = String.format(Locale.ROOT, "hybrid: n=%d predicted %.4f observed %.4f", n, predicted / n, observed / n);
    // the same reasons and bounds as for the single algorithms (measured 2026-12-05: ratio 1.13)
    assertThat(predicted / observed).as(measured).isBetween(0.75, 1.25);
    System.out.println(measured);
  }
}
