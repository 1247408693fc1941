package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.eval.RankingMetrics;
import io.courserec.eval.Split;
import io.courserec.eval.SplitKind;
import io.courserec.index.IndexHandle;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tunes the blend weights of each segment on a validation split carved out of the given (training) data, never
 * on a test split: random per-learner holdout with the configured seed, one hybrid trained on the rest, then per
 * segment a coordinate ascent over each signal's weight on the grid {@link #GRID}, maximising mean NDCG@10 of the
 * segment's validation learners (at most {@value #MAX_USERS_PER_SEGMENT} each, sampled with the seed). Each learner's
 * context is built once; only the blend changes between trials, so a trial costs one Lucene query per learner.
 * Ties keep the current value, so a weight moves only when it helps.
 */
public final class HybridTuner {
  static final double[] GRID = {0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 1.0};
  static final int MAX_USERS_PER_SEGMENT = 400;
  static final int ROUNDS = 3;
  static final int K = 10;

  private HybridTuner() {}

  /** The result of one segment. */
  public record SegmentResult(UserSegment segment, int users, BlendWeights before, double ndcgBefore,
                              BlendWeights after, double ndcgAfter, int trials) {}

  /** All segments and the configuration lines that encode the tuned weights. */
  public record Result(List<SegmentResult> segments, Map<String, String> properties, long millis) {}

  private record Case(RecommendRequest request, HybridRanker.Built built, Set<String> relevant, HybridModels models,
                      IndexHandle handle) {}

  public static Result tune(Config config, Dataset data, Consumer<String> progress) {
    long t0 = System.currentTimeMillis();
    Split split = SplitKind.RANDOM.create(config).split(data);
    HybridRanker ranker = new HybridRanker(config);
    Map<UserSegment, List<Case>> cases = new EnumMap<>(UserSegment.class);
    List<SegmentResult> results = new ArrayList<>();
    Map<String, String> props = new LinkedHashMap<>();
    List<AutoCloseable> resources = new ArrayList<>();
    try (HybridRecommender inner = new HybridRecommender(config, null, false)) {
      progress.accept("training on the validation split's training part (" + split.train().interactions().size() + " events)");
      inner.train(split.train());
      HybridModels m = inner.models();
      try (IndexHandle h = m.index().acquire()) {
        List<String> users = new ArrayList<>(split.heldOut().keySet());
        Collections.sort(users);
        Collections.shuffle(users, new Random(config.longValue(ConfigKey.SEED)));
        for (String u : users) {
          RecommendRequest req = RecommendRequest.of(u, K);
          HybridRanker.Built b;
          try {
            b = ranker.build(m, h, req);
          } catch (UnknownEntityException e) {
            continue;
          }
          List<Case> seg = cases.computeIfAbsent(b.ctx().segment(), s -> new ArrayList<>());
          if (seg.size() < MAX_USERS_PER_SEGMENT && b.ctx().segment() != UserSegment.COLD) {
            seg.add(new Case(req, b, split.heldOut().get(u), m, h));
          }
        }
        collectColdCases(config, data, ranker, cases, resources, progress);
        for (UserSegment s : UserSegment.values()) {
          List<Case> cs = cases.getOrDefault(s, List.of());
          BlendWeights start = BlendWeights.forSegment(config, s);
          if (cs.isEmpty()) {
            results.add(new SegmentResult(s, 0, start, Double.NaN, start, Double.NaN, 0));
            continue;
          }
          results.add(tuneSegment(ranker, m, h, s, cs, start, progress));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception e) {
          progress.accept("closing tuning resources: " + e.getMessage());
        }
      }
    }
    for (SegmentResult r : results) {
      for (Signal sig : Signal.values()) {
        if (r.segment() == UserSegment.COLD && sig != Signal.CONTENT && sig != Signal.PRIOR) continue;
        props.put("hybrid." + r.segment().code() + "." + sig.code(), String.format(Locale.ROOT, "%.3f", r.after().of(sig)));
      }
    }
    return new Result(results, props, System.currentTimeMillis() - t0);
  }

  /**
   * Cold learners never appear in a random holdout (they have no history to hold out), so the cold segment is tuned
   * on a cold-start split of the same data: learners whose history is hidden but for 0-2 events, scored by a hybrid
   * trained without their hidden events.
   */
  private static void collectColdCases(Config config, Dataset data, HybridRanker ranker, Map<UserSegment, List<Case>> cases,
                                       List<AutoCloseable> resources, Consumer<String> progress) throws IOException {
    // at least a quarter of the learners go cold, so the cold segment has enough validation learners
    Config coldConfig = config.number(ConfigKey.EVAL_COLD_FRACTION) >= 0.25 ? config : config.with(ConfigKey.EVAL_COLD_FRACTION, 0.25);
    Split cold = SplitKind.COLD_START.create(coldConfig).split(data);
    if (cold.heldOut().isEmpty()) return;
    HybridRecommender coldModels = new HybridRecommender(config, null, false);
    resources.add(coldModels);
    progress.accept("training on the cold-start validation split (" + cold.train().interactions().size() + " events)");
    coldModels.train(cold.train());
    HybridModels m = coldModels.models();
    IndexHandle coldHandle = m.index().acquire();
    resources.add(0, coldHandle);
    List<String> users = new ArrayList<>(cold.heldOut().keySet());
    Collections.sort(users);
    Collections.shuffle(users, new Random(config.longValue(ConfigKey.SEED)));
    for (String u : users) {
      RecommendRequest req = RecommendRequest.of(u, K);
      HybridRanker.Built b;
      try {
        b = ranker.build(m, coldHandle, req);
      } catch (UnknownEntityException e) {
        continue;
      }
      if (b.ctx().segment() != UserSegment.COLD) continue;
      List<Case> seg = cases.computeIfAbsent(UserSegment.COLD, x -> new ArrayList<>());
      if (seg.size() < MAX_USERS_PER_SEGMENT) seg.add(new Case(req, b, cold.heldOut().get(u), m, coldHandle));
    }
  }

  private static SegmentResult tuneSegment(HybridRanker ranker, HybridModels m, IndexHandle h, UserSegment s,
                                           List<Case> cs, BlendWeights start, Consumer<String> progress) throws IOException {
    List<Signal> free = s == UserSegment.COLD ? List.of(Signal.CONTENT, Signal.PRIOR) : List.of(Signal.values());
    double[] w = new double[Signal.values().length];
    for (Signal sig : Signal.values()) w[sig.ordinal()] = start.of(sig);
    double before = objective(ranker, cs, w);
    int trials = 1;
    // Starting points: the configured weights and each signal alone; the best of them seeds the ascent, so the
    // result is never worse on validation than the configured blend or any single signal.
    double best = before;
    double[] bestStart = w.clone();
    for (Signal sig : free) {
      double[] single = new double[w.length];
      single[sig.ordinal()] = 1;
      double v = objective(ranker, cs, single);
      trials++;
      progress.accept(String.format(Locale.ROOT, "%s: %s alone NDCG@%d %.4f", s.code(), sig.code(), K, v));
      if (v > best + 1e-9) {
        best = v;
        bestStart = single;
      }
    }
    w = bestStart;
    for (int round = 0; round < ROUNDS; round++) {
      for (Signal sig : free) {
        double keep = w[sig.ordinal()];
        double bestValue = keep;
        for (double g : GRID) {
          if (g == keep) continue;
          w[sig.ordinal()] = g;
          if (sum(w) <= 0) continue;
          double v = objective(ranker, cs, w);
          trials++;
          if (v > best + 1e-9) {
            best = v;
            bestValue = g;
          }
        }
        w[sig.ordinal()] = bestValue;
      }
      progress.accept(String.format(Locale.ROOT, "%s: round %d NDCG@%d %.4f -> %.4f", s.code(), round + 1, K, before, best));
    }
    BlendWeights after = BlendWeights.of(asMap(w));
    return new SegmentResult(s, cs.size(), start, before, after, best, trials);
  }

  private static Map<Signal, Double> asMap(double[] w) {
    Map<Signal, Double> m = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) m.put(s, w[s.ordinal()]);
    return m;
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double x : w) s += x;
    return s;
  }

  /** Mean NDCG@K over the cases with the weights renormalised per learner over the signals they have. */
  private static double objective(HybridRanker ranker, List<Case> cs, double[] w) throws IOException {
    double total = 0;
    for (Case c : cs) {
      BlendWeights bw = BlendWeights.of(asMap(w)).restrictedTo(c.built().available(), Signal.PRIOR);
      HybridRanking r = ranker.rank(c.models(), c.handle(), c.request(), HybridRanker.reweight(c.built(), bw));
      List<String> ids = new ArrayList<>(r.items().size());
      for (HybridItem i : r.items()) ids.add(i.courseId());
      total += RankingMetrics.ndcgAtK(ids, c.relevant(), K);
    }
    return total / cs.size();
  }
}
