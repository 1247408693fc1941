package io.courserec.tuning;

import io.courserec.catalog.Dataset;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.eval.ContentSimilarity;
import io.courserec.eval.TrainPopularity;
import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.HybridRecommender;
import io.courserec.hybrid.Signal;
import io.courserec.hybrid.SignalTable;
import io.courserec.hybrid.UserSegment;
import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.UnknownEntityException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Fits a model's hyper-parameters and blend weights to the data it is given (issue: "the system tunes itself"):
 * <ol>
 *   <li>an inner validation split of the training data ({@link Validation}: leave-last-out by time when the data has
 *       timestamps, random otherwise), learners sampled with the seed;</li>
 *   <li>coordinate search of each algorithm's hyper-parameters as a single algorithm ({@link ParameterSearch}),
 *       while the time budget allows;</li>
 *   <li>one hybrid trained on the split's training part with the chosen hyper-parameters; per segment, the blend
 *       weights searched in memory from the corners ({@link BlendSearch}); the cold segment on a cold-start split
 *       (learners cut to their first 0-2 positive courses) when the data has too few cold learners of its own.</li>
 * </ol>
 * Deterministic for a seed and a data set: every sample uses the seed, every search visits values in a fixed
 * order, parallel scoring only sums per-learner values. The outcome is a {@link TuningResult}.
 */
public final class SelfTuner {
  /** Share of the budget kept back for the blend search (hybrid training plus the in-memory search). */
  static final double BLEND_RESERVE = 0.4;
  /** The blend search needs at least this many validation learners in a segment to move its weights. */
  static final int MIN_SEGMENT_CASES = 30;

  private SelfTuner() {}

  /** {@link #tune(Config, Dataset, Progress)} reporting stages only. */
  public static TuningResult tune(Config config, Dataset data, Consumer<String> sink) {
    return tune(config, data, Progress.stages(sink));
  }

  /**
   * Tunes on a validation split of {@code data}; stages go to {@code reporting} (who shows them adds the time and
   * says they are tuning's), and the hyper-parameter trials are counted ("tuning trials") so a display can show a
   * rate and the time left; the inner hybrids count their training components.
   */
  public static TuningResult tune(Config config, Dataset data, Progress reporting) {
    TuningSettings s = TuningSettings.from(config);
    if (!s.enabled()) return TuningResult.off();
    long t0 = System.nanoTime();
    Consumer<String> progress = reporting::stage;
    Deadline deadline = new Deadline(s.budgetSeconds(), BLEND_RESERVE);
    Validation v = Validation.of(config, s, data);
    StringBuilder report = new StringBuilder("# Tuning\n\n");
    report.append(String.format(Locale.ROOT, "Inner split: **%s** of the training data (%d events for training, %d learners with held-out "
        + "courses, %d scored per trial, seed %d); objective NDCG@%d%s; budget %d s.%n%n", v.kind,
        v.split.train().interactions().size(), v.split.heldOut().size(), v.users.size(), s.seed(), ListObjective.K,
        s.accuracyOnly() ? "" : String.format(Locale.ROOT, " + %.2f x ILD + %.2f x novelty/10", s.diversityWeight(), s.noveltyWeight()),
        s.budgetSeconds()));
    Map<String, String> chosen = new LinkedHashMap<>();
    if (v.users.isEmpty()) {
      report.append("No learner has enough history to hold anything out: configured values kept.\n");
      return new TuningResult(chosen, v.kind, 0, (System.nanoTime() - t0) / 1_000_000, report.toString());
    }
    progress.accept("on a " + v.kind + " split: " + v.users.size() + " validation learners");
    ContentSimilarity similarity = s.diversityWeight() > 0 ? ContentSimilarity.of(data) : null;
    ListObjective objective = new ListObjective(s, similarity, TrainPopularity.of(v.split.train()));

    Config current = config;
    InteractionSnapshot snapshot = InteractionSnapshot.build(v.split.train(), config);
    report.append("## Hyper-parameters (each algorithm alone)\n\n| algorithm | setting | validation score | ms |\n|---|---|---:|---:|\n");
    List<ParameterSearch.Space> spaces = ParameterSearch.defaults();
    int planned = 0;
    for (ParameterSearch.Space space : spaces) planned += ParameterSearch.plannedTrials(space, current);
    try (Counter counted = reporting.count("tuning trials", planned)) {
      for (ParameterSearch.Space space : spaces) {
        current = searchSpace(space, current, snapshot, v, objective, deadline, progress, counted, report, chosen);
      }
    }

    report.append("\n## Blend weights per segment\n\n");
    Map<UserSegment, List<BlendSearch.Case>> cases = new EnumMap<>(UserSegment.class);
    progress.accept("training the inner hybrid on " + v.split.train().interactions().size() + " events");
    try (HybridRecommender inner = new HybridRecommender(current, null, false)) {
      inner.train(v.split.train(), reporting);
      collect(inner, v, s, cases);
    }
    // Learners cut to their first 0-2 courses, as cold as a new learner in serving: added to the cold segment's
    // natural cases (short histories of the main split) whenever time remains.
    if (deadline.hasTime()) {
      Validation cold = Validation.cold(current, s, data);
      progress.accept("training the cold-start hybrid on " + cold.split.train().interactions().size() + " events");
      try (HybridRecommender inner = new HybridRecommender(current, null, false)) {
        inner.train(cold.split.train(), reporting);
        Map<UserSegment, List<BlendSearch.Case>> coldCases = new EnumMap<>(UserSegment.class);
        collect(inner, cold, s, coldCases);
        cases.computeIfAbsent(UserSegment.COLD, x -> new ArrayList<>()).addAll(coldCases.getOrDefault(UserSegment.COLD, List.of()));
        report.append(String.format(Locale.ROOT, "Cold learners come from a cold-start split (history cut to the first 0-%d positive courses).%n%n",
            config.integer(ConfigKey.EVAL_COLD_MAX_KEPT)));
      }
    }
    Map<UserSegment, BlendWeights> tuned = new EnumMap<>(UserSegment.class);
    List<String> pruning = new ArrayList<>();
    report.append("| segment | learners | configured | ").append(String.join(" | ", signalCodes())).append(" | tuned | weights |\n|---|---:|---:|");
    report.append("---:|".repeat(Signal.values().length)).append("---:|---|\n");
    for (UserSegment seg : UserSegment.values()) {
      List<BlendSearch.Case> cs = cases.getOrDefault(seg, List.of());
      BlendWeights configured = BlendWeights.forSegment(current, seg);
      if (cs.size() < MIN_SEGMENT_CASES) {
        report.append(String.format(Locale.ROOT, "| %s | %d | – |%s – | configured kept (fewer than %d learners) |%n", seg.code(), cs.size(),
            " – |".repeat(Signal.values().length), MIN_SEGMENT_CASES));
        continue;
      }
      Set<Signal> free = keyed(seg);
      BlendSearch.Outcome o = BlendSearch.search(cs, configured, free, objective, s.blendMinZ(), s.blendPruneMinZ(), s.blendPruneMaxLoss(),
          line -> progress.accept(seg.code() + " " + line));
      if (s.blendPruneMinZ() > 0) {
        String line = pruningLine(seg, o);
        pruning.add(line);
        if (!o.pruned().isEmpty()) reporting.note(line);
      }
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %.4f |", seg.code(), cs.size(), o.startScore()));
      for (Signal sig : Signal.values()) {
        Double c = o.corners().get(sig);
        row.append(c == null ? " – |" : String.format(Locale.ROOT, " %.4f |", c));
      }
      row.append(String.format(Locale.ROOT, " **%.4f** | %s%s |%n", o.bestScore(), o.best(), o.guarded()
          ? String.format(Locale.ROOT, " (the blend %s reached %.4f, gain z %.2f < %.3f: kept)", o.ascended(), o.ascendedScore(),
              o.gainZ(), s.blendMinZ()) : ""));
      report.append(row);
      for (Signal sig : free) chosen.put(BlendWeights.key(seg, sig), String.format(Locale.ROOT, "%.3f", o.best().of(sig)));
      tuned.put(seg, o.best());
    }
    if (!pruning.isEmpty()) {
      report.append(String.format(Locale.ROOT, "%nPruning (`tune.blend_prune_min_z` %.3f, `tune.blend_prune_max_loss` %.3f): a "
          + "signal other than the prior stays only when keeping it gains at least this z over the validation learners, "
          + "and pruning stops before its drops together cost more than that share of the validation score; the weights "
          + "above are after pruning. Each pruned signal's keep-gain z and the validation score change of dropping it:%n%n",
          s.blendPruneMinZ(), s.blendPruneMaxLoss()));
      for (String line : pruning) report.append("- ").append(line).append('\n');
    }
    if (!tuned.isEmpty()) {
      progress.accept("choosing the MMR trade-off");
      MmrChoice.Outcome mmr = MmrChoice.choose(cases, tuned, similarity != null ? similarity : ContentSimilarity.of(data));
      chosen.put(ConfigKey.MMR_LAMBDA.key(), String.format(Locale.ROOT, "%.2f", mmr.lambda()));
      report.append(String.format(Locale.ROOT, "%n## Diversity (MMR)%n%nThe most diversifying λ whose validation NDCG@10 "
          + "is at least %.0f %% of the NDCG without MMR (content TF-IDF cosine as the similarity; the service uses the "
          + "index's term vectors, so this estimates its trade-off):%n%n", MmrChoice.KEEP * 100)).append(MmrChoice.table(mmr));
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    report.append(String.format(Locale.ROOT, "%nTuning took %.1f s. Chosen values:%n%n```%n", millis / 1000.0));
    chosen.forEach((k, val) -> report.append(k).append('=').append(val).append('\n'));
    report.append("```\n");
    progress.accept(String.format(Locale.ROOT, "done in %.1f s", millis / 1000.0));
    return new TuningResult(chosen, v.kind, v.users.size(), millis, report.toString());
  }

  /** Searches one algorithm's space from {@code current}; appends its trials to the report; returns the config. */
  private static Config searchSpace(ParameterSearch.Space space, Config current, InteractionSnapshot snapshot, Validation v,
                                    ListObjective objective, Deadline deadline, Consumer<String> progress, Counter counted,
                                    StringBuilder report, Map<String, String> chosen) {
    ParameterSearch.Outcome o = ParameterSearch.search(space, current, snapshot, v, objective, deadline, progress, counted);
    for (ParameterSearch.Trial t : o.trials()) {
      report.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %d |%n", t.algorithm(), t.setting(), t.score(), t.millis()));
    }
    report.append(String.format(Locale.ROOT, "| **%s chosen** | %s | %.4f |%s |%n", space.algorithm(),
        ParameterSearch.describe(space, o.config()), o.score(), o.complete() ? "" : " budget ran out"));
    for (ParameterSearch.Axis a : space.axes()) chosen.put(a.key().key(), o.config().string(a.key()));
    return o.config();
  }

  /**
   * {@code rich: usercf pruned (keep-gain z 0.42, -0.0003); kept ease (z 6.10), seq (z 2.31)}: what pruning dropped
   * and the keep-gain z of what it kept, or the corner taken when what remained scored below it.
   */
  static String pruningLine(UserSegment seg, BlendSearch.Outcome o) {
    StringJoiner dropped = new StringJoiner(", ", seg.code() + ": ", "");
    dropped.setEmptyValue(seg.code() + ": nothing pruned");
    o.pruned().forEach(p -> dropped.add(p.toString()));
    List<Signal> left = o.best().asMap().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    if (o.cornerAfterPruning()) {
      return dropped + "; what remained scored below " + left.get(0).code() + " alone, which is taken instead";
    }
    StringJoiner kept = new StringJoiner(", ", "; kept ", "");
    kept.setEmptyValue(left.size() == 1 ? "; one signal left" : "");
    o.keptZ().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> kept.add(String.format(Locale.ROOT, "%s (z %.2f)", e.getKey().code(), e.getValue())));
    return dropped + kept.toString();
  }

  /** Signal tables of the sampled learners, by the segment the hybrid puts them in. */
  private static void collect(HybridRecommender inner, Validation v, TuningSettings s, Map<UserSegment, List<BlendSearch.Case>> out) {
    List<BlendSearch.Case> all = v.users.parallelStream().map(u -> {
      try {
        SignalTable t = inner.signalTable(RecommendRequest.of(u, ListObjective.K), s.candidates());
        return new BlendSearch.Case(t, v.relevant(u));
      } catch (UnknownEntityException e) {
        return null;
      }
    }).toList();
    for (BlendSearch.Case c : all) {
      if (c != null) out.computeIfAbsent(c.table().segment(), x -> new ArrayList<>()).add(c);
    }
  }

  /** The signals a segment has weight keys for: what the search may move. */
  static Set<Signal> keyed(UserSegment seg) {
    Set<Signal> out = java.util.EnumSet.noneOf(Signal.class);
    for (Signal sig : Signal.values()) if (ConfigKey.byKey(BlendWeights.key(seg, sig)).isPresent()) out.add(sig);
    return out;
  }

  private static List<String> signalCodes() {
    List<String> out = new ArrayList<>();
    for (Signal s : Signal.values()) out.add(s.code() + " alone");
    return out;
  }
}
