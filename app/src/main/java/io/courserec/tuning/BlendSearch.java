package io.courserec.tuning;

import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.Signal;
import io.courserec.hybrid.SignalTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Searches one segment's blend weights in memory. Each validation case is a learner's {@link SignalTable} (every
 * available signal's value on the union of the signals' best courses) and the courses held out for them; a trial
 * ranks each table by {@code sum_s w_s v_s} (weights renormalised over the learner's signals, exactly as the served
 * blend does; ties by course ordinal) and scores the top {@value ListObjective#K} with the {@link ListObjective}.
 *
 * <p>Search: the starting point is the best of the configured weights and every corner (one signal alone), so the
 * result is never worse on validation than any single signal or the configuration (after pruning, below, only the
 * first still holds); then {@value #ROUNDS} rounds of coordinate ascent over each signal's raw weight on
 * {@link #GRID}. A weight moves only when the objective rises by more than {@value #EPS}, so ties keep the simpler
 * blend.
 *
 * <p>Guard against fitting noise: a blend found by the ascent replaces the start only when its gain is clear on the
 * validation learners themselves — the paired per-learner difference has a z statistic (mean / standard error) of
 * at least {@code minZ} ({@code tune.blend_min_z}, 1.645: one-sided 5 %). Several weights searched on a few hundred
 * learners otherwise chase noise: on a ratings-only log of 943 learners the ascent's rich blend was +0.0047 NDCG@10
 * above the best corner (EASE) on validation (z 1.1) and −0.0037 below it on the outer test. The selection among
 * many trials still flatters the winner, so the guard only removes the weakest gains; it is not a test.
 *
 * <p>Signals that do not earn their cost are pruned ({@code pruneMinZ}, {@code tune.blend_prune_min_z}): every
 * signal with a weight above 0 is computed on every request of its segment, however small the weight (a rich-segment
 * user-kNN weight of 0.008 cost about 40 % of a request's CPU for almost no change of the ranking). After the guard,
 * backward elimination: for each signal other than PRIOR (read from the index, free) with a weight above 0, the blend
 * is scored with that weight set to 0 (the rest renormalised as served) and its keep-gain is
 * {@code z = pairedZ(with, without)} over the validation learners; the signal with the smallest z is dropped when that
 * z is below {@code pruneMinZ}, and the reduced blend is examined again, until every remaining signal clears it or a
 * drop would leave no weight above 0, or would take the blend's validation score more than {@code pruneMaxLoss}
 * (a share, {@code tune.blend_prune_max_loss}) below what it was before pruning: each drop is weak evidence, and
 * several weak drops in a row add up (on the 10k-course set, three drops of z 1.18–1.40 cost the warm blend 3 % of its
 * validation score). Pruning gives up validation score for cost, but never below the best single
 * signal: when what remains scores below the best corner, that corner (a single signal to compute) is taken
 * instead, so the tuned blend stays at least as good on validation as each of its parts. It may end below the
 * configured weights. {@code pruneMinZ = 0} switches pruning off.
 */
final class BlendSearch {
  static final double[] GRID = {0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 1.0};
  static final int ROUNDS = 3;
  static final double EPS = 1e-9;

  /** One validation learner. */
  record Case(SignalTable table, Set<String> relevant) {}

  /**
   * The search's outcome for one segment.
   *
   * @param best the chosen blend after the guard and pruning, and {@code bestScore} its validation score
   * @param trials blends scored by the start and the ascent (pruning's scorings are not counted)
   * @param ascended the ascent's blend before the guard, and {@code ascendedScore} its validation score
   * @param gainZ z statistic of the ascent's per-learner gain over the best start (NaN when the ascent kept it)
   * @param guarded whether the guard kept the best start because {@code gainZ} was below the minimum
   * @param pruned the signals pruned from the guard's choice, in the order they were dropped (empty when off)
   * @param keptZ keep-gain z of each signal of {@code best} that pruning examined and kept (empty when off, and
   *     when {@code best} has a single signal)
   * @param cornerAfterPruning whether what pruning left scored below the best corner, which {@code best} then is
   */
  record Outcome(BlendWeights start, double startScore, BlendWeights best, double bestScore,
                 Map<Signal, Double> corners, int trials, BlendWeights ascended, double ascendedScore, double gainZ,
                 boolean guarded, List<Pruned> pruned, Map<Signal, Double> keptZ, boolean cornerAfterPruning) {
    Outcome {
      pruned = List.copyOf(pruned);
      keptZ = Map.copyOf(keptZ);
    }
  }

  /**
   * One signal dropped by pruning.
   *
   * @param keepGainZ z of the per-learner gain of keeping it ({@code pairedZ(with, without)}), below the threshold
   * @param scoreChange validation score without it minus with it, at the step it was dropped (negative: it helped)
   */
  record Pruned(Signal signal, double keepGainZ, double scoreChange) {
    /** For the progress line and the report: {@code usercf pruned (keep-gain z 0.42, -0.0003)}. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s pruned (keep-gain z %.2f, %+.4f)", signal.code(), keepGainZ, scoreChange);
    }
  }

  private BlendSearch() {}

  /**
   * @param minZ the guard's minimum z of the ascent's gain over the best start (0 = no guard)
   * @param pruneMinZ the minimum keep-gain z of each signal of the chosen blend but PRIOR (0 = no pruning)
   */
  static Outcome search(List<Case> cases, BlendWeights configured, Set<Signal> free, ListObjective objective,
                        double minZ, double pruneMinZ, Consumer<String> progress) {
    return search(cases, configured, free, objective, minZ, pruneMinZ, 1.0, progress);
  }

  /**
   * As above, pruning at most {@code pruneMaxLoss} of the chosen blend's validation score in all
   * ({@code tune.blend_prune_max_loss}, a share: 0.01 = 1 %; 1 = no bound).
   */
  static Outcome search(List<Case> cases, BlendWeights configured, Set<Signal> free, ListObjective objective,
                        double minZ, double pruneMinZ, double pruneMaxLoss, Consumer<String> progress) {
    double startScore = score(cases, configured, objective);
    int trials = 1;
    BlendWeights best = configured;
    double bestScore = startScore;
    Map<Signal, Double> corners = new EnumMap<>(Signal.class);
    for (Signal s : free) {
      double v = score(cases, BlendWeights.only(s), objective);
      trials++;
      corners.put(s, v);
      if (v > bestScore + EPS) {
        bestScore = v;
        best = BlendWeights.only(s);
      }
    }
    BlendWeights startBest = best;
    double startBestScore = bestScore;
    Map<Signal, Double> raw = new EnumMap<>(best.asMap());
    for (int round = 0; round < ROUNDS; round++) {
      double before = bestScore;
      for (Signal s : free) {
        double keep = raw.get(s);
        double chosen = keep;
        for (double g : GRID) {
          if (g == keep) continue;
          raw.put(s, g);
          if (raw.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) continue;
          double v = score(cases, BlendWeights.of(raw), objective);
          trials++;
          if (v > bestScore + EPS) {
            bestScore = v;
            chosen = g;
          }
        }
        raw.put(s, chosen);
      }
      progress.accept(String.format(Locale.ROOT, "round %d: %.4f -> %.4f", round + 1, before, bestScore));
      if (bestScore <= before + EPS) break;
    }
    BlendWeights ascended = BlendWeights.of(raw);
    double z = Double.NaN;
    boolean guarded = false;
    BlendWeights chosen = startBest;
    double chosenScore = startBestScore;
    if (bestScore > startBestScore + EPS) {
      z = pairedZ(perLearner(cases, ascended, objective), perLearner(cases, startBest, objective));
      guarded = minZ > 0 && !(z >= minZ);
      if (guarded) {
        progress.accept(String.format(Locale.ROOT, "blend gain %+.4f has z %.2f < %.3f: the best start is kept",
            bestScore - startBestScore, z, minZ));
      } else {
        chosen = ascended;
        chosenScore = bestScore;
      }
    }
    Elimination e = eliminate(cases, chosen, chosenScore, objective, pruneMinZ, pruneMaxLoss);
    Signal corner = bestCorner(corners);
    if (!e.pruned().isEmpty() && corner != null && corners.get(corner) > e.score() + EPS) {
      return new Outcome(configured, startScore, BlendWeights.only(corner), corners.get(corner), corners, trials, ascended,
          bestScore, z, guarded, e.pruned(), Map.of(), true);
    }
    return new Outcome(configured, startScore, e.blend(), e.score(), corners, trials, ascended, bestScore, z, guarded,
        e.pruned(), e.keptZ(), false);
  }

  /** The signal whose corner scored best (the first in {@link Signal} order among equals); null without corners. */
  private static Signal bestCorner(Map<Signal, Double> corners) {
    Signal best = null;
    for (Signal s : Signal.values()) {
      Double v = corners.get(s);
      if (v != null && (best == null || v > corners.get(best))) best = s;
    }
    return best;
  }

  /** What backward elimination left of a blend: the blend, its score, what it dropped and the kept signals' z. */
  private record Elimination(BlendWeights blend, double score, List<Pruned> pruned, Map<Signal, Double> keptZ) {}

  /**
   * Backward elimination of {@code blend} (class comment): drops the non-PRIOR signal of smallest keep-gain z while
   * that z is below {@code minZ} and another weight above 0 would remain; {@code minZ = 0} returns the blend as is.
   */
  private static Elimination eliminate(List<Case> cases, BlendWeights blend, double score, ListObjective objective,
                                      double minZ, double maxLoss) {
    if (!(minZ > 0)) return new Elimination(blend, score, List.of(), Map.of());
    double floor = score - maxLoss * Math.abs(score); // what all the drops together may cost at most
    List<Pruned> pruned = new ArrayList<>();
    double[] with = perLearner(cases, blend, objective);
    while (true) {
      Map<Signal, Double> keptZ = new EnumMap<>(Signal.class);
      Pruned weakest = null;
      BlendWeights without = null;
      double[] withoutScores = null;
      for (Signal s : Signal.values()) {
        if (s == Signal.PRIOR || !(blend.of(s) > 0)) continue;
        BlendWeights w = blend.with(s, 0);
        if (w == null) continue; // the last weight above 0: a corner is never pruned to nothing
        double[] v = perLearner(cases, w, objective);
        double keepZ = pairedZ(with, v);
        keptZ.put(s, keepZ);
        if (weakest == null || keepZ < weakest.keepGainZ()) {
          weakest = new Pruned(s, keepZ, mean(v) - mean(with));
          without = w;
          withoutScores = v;
        }
      }
      if (weakest == null || !(weakest.keepGainZ() < minZ) || mean(withoutScores) < floor) {
        return new Elimination(blend, score, pruned, keptZ);
      }
      pruned.add(weakest);
      blend = without;
      with = withoutScores;
      score = mean(with);
    }
  }

  private static double mean(double[] v) {
    double total = 0;
    for (double x : v) total += x;
    return v.length == 0 ? Double.NaN : total / v.length;
  }

  /**
   * z statistic of the paired differences {@code a[i] - b[i]}: their mean over its standard error (sample standard
   * deviation / √n); +∞ for a positive mean without spread, 0 for no difference at all.
   */
  static double pairedZ(double[] a, double[] b) {
    int n = a.length;
    if (n < 2) return 0;
    double mean = 0;
    for (int i = 0; i < n; i++) mean += a[i] - b[i];
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = a[i] - b[i] - mean;
      ss += d * d;
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    if (se == 0) return mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : 0;
    return mean / se;
  }

  /** Each case's objective under {@code w}. */
  static double[] perLearner(List<Case> cases, BlendWeights w, ListObjective objective) {
    double[] out = new double[cases.size()];
    for (int i = 0; i < out.length; i++) out[i] = objective.score(rank(cases.get(i).table(), w, ListObjective.K), cases.get(i).relevant());
    return out;
  }

  /** Mean objective of the cases under {@code w}. */
  static double score(List<Case> cases, BlendWeights w, ListObjective objective) {
    return mean(perLearner(cases, w, objective));
  }

  /** The table's top {@code k} course ids under {@code w} restricted to the table's signals (ties by ordinal). */
  static List<String> rank(SignalTable t, BlendWeights w, int k) {
    int[] top = top(t, w, k);
    List<String> out = new ArrayList<>(top.length);
    for (int i : top) out.add(t.courseIds().get(i));
    return out;
  }

  /** The blended score of every candidate of the table under {@code w} (renormalised over the table's signals). */
  static double[] scores(SignalTable t, BlendWeights w) {
    BlendWeights e = w.restrictedTo(t.available(), Signal.PRIOR);
    int n = t.size();
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (Map.Entry<Signal, Double> v : t.values().get(i).entrySet()) s += e.of(v.getKey()) * v.getValue();
      score[i] = s;
    }
    return score;
  }

  /** Positions of the table's top {@code k} candidates under {@code w}, best first (ties by ordinal). */
  static int[] top(SignalTable t, BlendWeights w, int k) {
    double[] score = scores(t, w);
    int n = score.length;
    // selection of the k best: k is small, so k passes over n beat sorting n boxed indices
    boolean[] used = new boolean[n];
    int[] out = new int[Math.min(k, n)];
    for (int r = 0; r < out.length; r++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (used[i]) continue;
        if (best < 0 || score[i] > score[best] || (score[i] == score[best] && t.ordinals()[i] < t.ordinals()[best])) best = i;
      }
      used[best] = true;
      out[r] = best;
    }
    return out;
  }
}
