package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import io.courserec.split.Split;
import io.courserec.split.SplitKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the confidences without touching any test data: the training data itself is split again, once by the split
 * that mirrors the deployment's task ({@link SplitKind#forTask} of {@code tune.split}, the same split tuning
 * validates on: the learner's next course when the events carry times, so a confidence is the probability that the
 * course is the one the learner takes next; a random per-learner holdout otherwise) and once by the cold-start
 * splitter (the configured seed); a hybrid without calibration is trained on each inner part. For up to {@value #MAX_SIGNAL_USERS} held-out learners of each, every available
 * signal's own top-{@value #K} (its single algorithm's list: the learner's {@link SignalTable} ordered by that
 * signal) gives (value, segment, relevant) outcomes for {@link SignalCalibration}; for up to {@value #MAX_USERS},
 * the hybrid's top-{@value #K} gives the ensemble's outcomes, whose features include the signals' fitted
 * confidences. Costs two extra trainings on most of the data plus one signal table per sampled learner.
 */
final class CalibrationFit {
  static final int K = 10;
  static final int MAX_USERS = 1500;
  /** Learners per inner split whose signal tables calibrate the single signals (a table computes every signal). */
  static final int MAX_SIGNAL_USERS = 600;
  /** Fewest outcomes a signal's calibrator is fitted on; below, the signal reports no confidence. */
  static final int MIN_SIGNAL_OUTCOMES = 30;
  private static final Logger log = LoggerFactory.getLogger(CalibrationFit.class);

  /** What calibration produced: the ensemble's calibrator and the signals'. */
  record Fitted(ConfidenceCalibrator ensemble, SignalCalibration signals) {
    static Fitted none() {
      return new Fitted(ConfidenceCalibrator.identity(), SignalCalibration.none());
    }
  }

  /** One hybrid recommendation seen on held-out data. */
  private record Seen(HybridItem item, int rank, UserSegment segment, int positives, boolean relevant) {}

  /** Outcomes gathered from the inner splits. */
  private static final class Outcomes {
    final List<Seen> ensemble = new ArrayList<>();
    final Map<Signal, List<double[]>> signalX = new EnumMap<>(Signal.class);
    final Map<Signal, List<Integer>> signalY = new EnumMap<>(Signal.class);
  }

  private CalibrationFit() {}

  static Fitted fit(Config config, Dataset data) {
    Outcomes o = new Outcomes();
    // the task's split, not a random 20 % holdout: with long histories a random holdout hides ~20 courses per
    // learner, and confidences fitted to it were 10-30x the observed rate of next-course hits (docs/hybrid.md)
    collect(config, data, SplitKind.forTask(config.string(ConfigKey.TUNE_SPLIT), data), config, o);
    // cold learners never appear in a random holdout: add a cold-start split so the cold segment is calibrated too
    Config cold = config.number(ConfigKey.EVAL_COLD_FRACTION) >= 0.25 ? config : config.with(ConfigKey.EVAL_COLD_FRACTION, 0.25);
    collect(config, data, SplitKind.COLD_START, cold, o);
    if (o.ensemble.isEmpty()) return Fitted.none();

    Map<Signal, ConfidenceCalibrator> bySignal = new EnumMap<>(Signal.class);
    for (Map.Entry<Signal, List<double[]>> e : o.signalX.entrySet()) {
      List<Integer> y = o.signalY.get(e.getKey());
      if (y.size() < MIN_SIGNAL_OUTCOMES) continue;
      bySignal.put(e.getKey(), ConfidenceCalibrator.fit(e.getValue().toArray(new double[0][]),
          y.stream().mapToInt(Integer::intValue).toArray(), 1e-3));
    }
    SignalCalibration signals = SignalCalibration.of(bySignal);

    double[][] x = new double[o.ensemble.size()][];
    int[] y = new int[o.ensemble.size()];
    for (int i = 0; i < x.length; i++) {
      Seen s = o.ensemble.get(i);
      HybridItem it = s.item();
      double mean = signals.weightedMean(it.values(), it.contributions(), s.segment(), s.positives());
      x[i] = ConfidenceModel.features(it.score(), it.rawConfidence(), mean, s.rank(), s.segment());
      y[i] = s.relevant() ? 1 : 0;
    }
    ConfidenceCalibrator ensemble = ConfidenceCalibrator.fit(x, y, 1e-3);
    log.info("confidence calibrated on {} recommendations (base rate {}); signals calibrated: {}", y.length,
        (double) java.util.Arrays.stream(y).sum() / y.length, signals.fittedOn());
    return new Fitted(ensemble, signals);
  }

  private static void collect(Config config, Dataset data, SplitKind kind, Config splitConfig, Outcomes out) {
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
      for (int u = 0; u < users.size(); u++) {
        String user = users.get(u);
        Set<String> relevant = split.heldOut().get(user);
        HybridRanking r;
        try {
          r = inner.rank(RecommendRequest.of(user, K));
        } catch (UnknownEntityException e) {
          continue;
        }
        int rank = 1;
        int positives = positiveCourses(inner, user);
        for (HybridItem i : r.items()) {
          out.ensemble.add(new Seen(i, rank++, r.segment(), positives, relevant.contains(i.courseId())));
        }
        if (u < MAX_SIGNAL_USERS) signalOutcomes(inner.signalTable(RecommendRequest.of(user, K), K), relevant, out);
      }
    }
  }

  /** The learner's positive training courses in the inner model (what the ranker counts as the segment's basis). */
  private static int positiveCourses(HybridRecommender inner, String user) {
    io.courserec.cf.UserHistory h;
    try {
      h = inner.snapshot().history(user, List.of());
    } catch (UnknownEntityException e) {
      return 0; // not in the inner snapshot (declared learners are, with an empty history): nothing positive
    }
    int n = 0;
    for (int p = 0; p < h.size(); p++) if (h.weight(p) > 0) n++;
    return n;
  }

  /** Each available signal's own top-K among the learner's candidates (value > 0, ties by ordinal), with outcomes. */
  private static void signalOutcomes(SignalTable t, Set<String> relevant, Outcomes out) {
    for (Signal s : t.available()) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) if (t.values().get(i).getOrDefault(s, 0.0) > 0) order.add(i);
      order.sort((a, b) -> {
        int c = Double.compare(t.values().get(b).get(s), t.values().get(a).get(s));
        return c != 0 ? c : Integer.compare(t.ordinals()[a], t.ordinals()[b]);
      });
      for (int i : order.subList(0, Math.min(K, order.size()))) {
        out.signalX.computeIfAbsent(s, x -> new ArrayList<>()).add(SignalCalibration.features(t.values().get(i).get(s), t.segment(), t.positiveCourses()));
        out.signalY.computeIfAbsent(s, x -> new ArrayList<>()).add(relevant.contains(t.courseIds().get(i)) ? 1 : 0);
      }
    }
  }
}
