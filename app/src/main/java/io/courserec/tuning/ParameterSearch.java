package io.courserec.tuning;

import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.EaseRecommender;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.RecentItemKnnRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.mf.MfRecommender;
import io.courserec.progress.Counter;
import io.courserec.rec.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Coordinate search of one algorithm's hyper-parameters on the validation learners: for each axis in turn, every
 * value is tried with the others fixed at their best so far; a value is kept only when the objective rises. Each
 * trial trains the algorithm on the validation split's training part (one shared {@link InteractionSnapshot}).
 * A trial starts only while {@link Deadline} allows, so the search is bounded in time; what was not tried keeps its
 * configured value and the report says so.
 */
final class ParameterSearch {
  /** Most ALS sweeps per screening trial. */
  static final int SCREEN_ITERATIONS = 8;

  /** One hyper-parameter and the values tried. */
  record Axis(ConfigKey key, List<String> values) {}

  /** One algorithm's axes and how to train it from a snapshot. */
  record Space(String algorithm, List<Axis> axes, BiFunction<Config, InteractionSnapshot, Recommender> trainer) {}

  /** One trial, for the report. */
  record Trial(String algorithm, String setting, double score, long millis) {}

  /** The best configuration found, its score, and every trial. */
  record Outcome(Config config, double score, List<Trial> trials, boolean complete) {}

  private ParameterSearch() {}

  /**
   * The spaces searched by default, cheapest first so a tight budget cuts the expensive ones: item-kNN (neighbours,
   * shrinkage), its recency-weighted form (decay, mode), the sequence signal (decay, window), implicit ALS (rank,
   * lambda, alpha) and EASE (lambda; skipped above {@code cf.ease.max_courses}).
   */
  static List<Space> defaults() {
    return List.of(
        space(ItemKnnRecommender.NAME, ItemKnnRecommender::new,
            new Axis(ConfigKey.ITEMKNN_NEIGHBORS, List.of("20", "50", "100", "200", "400")),
            new Axis(ConfigKey.ITEMKNN_SHRINK, List.of("0", "10", "50", "200"))),
        space(RecentItemKnnRecommender.NAME, RecentItemKnnRecommender::new,
            new Axis(ConfigKey.RECENT_DECAY, List.of("0.5", "0.7", "0.9")),
            new Axis(ConfigKey.RECENT_MODE, List.of("position", "time"))),
        space(SequenceRecommender.NAME, SequenceRecommender::new,
            new Axis(ConfigKey.SEQ_DECAY, List.of("0.3", "0.5", "0.8")),
            new Axis(ConfigKey.SEQ_WINDOW, List.of("1", "3", "5"))),
        // ALS is screened with at most SCREEN_ITERATIONS sweeps (the ranking of settings settles well before the
        // objective does); the model is then trained with the configured mf.iterations
        space(MfRecommender.NAME, c -> new MfRecommender(c.with(ConfigKey.MF_ITERATIONS,
                Math.min(SCREEN_ITERATIONS, c.integer(ConfigKey.MF_ITERATIONS)))),
            new Axis(ConfigKey.MF_RANK, List.of("16", "32", "64")),
            new Axis(ConfigKey.MF_REG_SCALING, List.of("none", "count")),
            new Axis(ConfigKey.MF_REG, List.of("0.1", "1", "10")),
            new Axis(ConfigKey.MF_ALPHA, List.of("0.5", "1", "2", "5"))),
        space(EaseRecommender.NAME, EaseRecommender::new,
            new Axis(ConfigKey.EASE_LAMBDA, List.of("10", "100", "500", "2000"))));
  }

  private static Space space(String name, java.util.function.Function<Config, ? extends Recommender> make, Axis... axes) {
    return new Space(name, List.of(axes), (c, s) -> {
      Recommender r = make.apply(c);
      switch (r) {
        case io.courserec.cf.NeighborListRecommender n -> n.train(s);
        case MfRecommender m -> m.train(s);
        default -> throw new IllegalArgumentException(name + " cannot train from a snapshot");
      }
      return r;
    });
  }

  /**
   * The trials {@link #search} runs from {@code start} when time allows: the start, then each axis's values but the
   * one it starts at (an axis changes only its own key, so what an axis starts at is {@code start}'s value).
   */
  static int plannedTrials(Space space, Config start) {
    int n = 1;
    for (Axis a : space.axes()) n += a.values().size() - (a.values().contains(start.string(a.key())) ? 1 : 0);
    return n;
  }

  /** Runs the search; {@code trials} is advanced once per trial run. */
  static Outcome search(Space space, Config start, InteractionSnapshot snapshot, Validation v, ListObjective objective,
                        Deadline deadline, Consumer<String> progress, Counter counted) {
    List<Trial> trials = new ArrayList<>();
    Config best = start;
    long t0 = System.nanoTime();
    double bestScore = v.score(space.trainer().apply(best, snapshot), objective);
    trials.add(new Trial(space.algorithm(), describe(space, best), bestScore, (System.nanoTime() - t0) / 1_000_000));
    counted.advance();
    progress.accept(String.format(Locale.ROOT, "%s %s: %.4f", space.algorithm(), describe(space, best), bestScore));
    boolean complete = true;
    for (Axis axis : space.axes()) {
      String kept = best.string(axis.key());
      for (String value : axis.values()) {
        if (value.equals(kept)) continue;
        if (!deadline.allowsAnother(trials)) {
          complete = false;
          break;
        }
        Config c = best.with(axis.key(), value);
        long t = System.nanoTime();
        double s = v.score(space.trainer().apply(c, snapshot), objective);
        trials.add(new Trial(space.algorithm(), describe(space, c), s, (System.nanoTime() - t) / 1_000_000));
        counted.advance();
        progress.accept(String.format(Locale.ROOT, "%s %s: %.4f", space.algorithm(), describe(space, c), s));
        if (s > bestScore + BlendSearch.EPS) {
          bestScore = s;
          best = c;
        }
      }
    }
    return new Outcome(best, bestScore, trials, complete);
  }

  static String describe(Space space, Config c) {
    StringBuilder sb = new StringBuilder();
    for (Axis a : space.axes()) sb.append(sb.length() == 0 ? "" : " ").append(a.key().key()).append('=').append(c.string(a.key()));
    return sb.toString();
  }
}
