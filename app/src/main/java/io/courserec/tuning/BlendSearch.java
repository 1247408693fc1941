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
 * result is never worse on validation than any single signal or the configuration; then {@value #ROUNDS} rounds of
 * coordinate ascent over each signal's raw weight on {@link #GRID}. A weight moves only when the objective rises by
 * more than {@value #EPS}, so ties keep the simpler blend.
 */
final class BlendSearch {
  static final double[] GRID = {0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 1.0};
  static final int ROUNDS = 3;
  static final double EPS = 1e-9;

  /** One validation learner. */
  record Case(SignalTable table, Set<String> relevant) {}

  /** The search's outcome for one segment. */
  record Outcome(BlendWeights start, double startScore, BlendWeights best, double bestScore,
                 Map<Signal, Double> corners, int trials) {}

  private BlendSearch() {}

  static Outcome search(List<Case> cases, BlendWeights configured, Set<Signal> free, ListObjective objective,
                        Consumer<String> progress) {
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
    return new Outcome(configured, startScore, BlendWeights.of(raw), bestScore, corners, trials);
  }

  /** Mean objective of the cases under {@code w}. */
  static double score(List<Case> cases, BlendWeights w, ListObjective objective) {
    double total = 0;
    for (Case c : cases) total += objective.score(rank(c.table(), w, ListObjective.K), c.relevant());
    return cases.isEmpty() ? Double.NaN : total / cases.size();
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
