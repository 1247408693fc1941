package io.courserec.tuning;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import io.courserec.split.Split;
import io.courserec.split.SplitKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The inner validation split of tuning and its sampled learners. {@code auto} mirrors the deployment's task: when at
 * least half of the events carry a timestamp, per-learner leave-last-out by time (the next course), otherwise a
 * random per-learner holdout. Learners are sampled with the seed, at most {@code tune.max_users}.
 */
final class Validation {
  final Split split;
  final String kind;
  final List<String> users;

  private Validation(Split split, String kind, List<String> users) {
    this.split = split;
    this.kind = kind;
    this.users = users;
  }

  static Validation of(Config config, TuningSettings s, Dataset data) {
    SplitKind k = SplitKind.forTask(s.split(), data);
    Split split = k.create(config).split(data);
    return new Validation(split, k.code(), sample(split, s.maxUsers(), s.seed()));
  }

  /** Cold learners: a cold-start split (history cut to the first 0-2 positive events), for the cold segment. */
  static Validation cold(Config config, TuningSettings s, Dataset data) {
    Split split = SplitKind.COLD_START.create(config.with(io.courserec.config.ConfigKey.EVAL_COLD_FRACTION,
        Math.max(0.25, config.number(io.courserec.config.ConfigKey.EVAL_COLD_FRACTION)))).split(data);
    return new Validation(split, "cold-start", sample(split, s.maxUsers(), s.seed()));
  }

  private static List<String> sample(Split split, int max, long seed) {
    List<String> users = new ArrayList<>(split.heldOut().keySet());
    Collections.sort(users);
    Collections.shuffle(users, new Random(seed));
    return List.copyOf(users.size() > max ? users.subList(0, max) : users);
  }

  Set<String> relevant(String user) { return split.heldOut().get(user); }

  /** Mean objective of a single algorithm over the sampled learners (a learner it cannot serve scores 0). */
  double score(Recommender r, ListObjective objective) {
    return users.parallelStream().mapToDouble(u -> {
      List<String> ids = new ArrayList<>();
      try {
        for (Recommendation rec : r.recommend(RecommendRequest.of(u, ListObjective.K))) ids.add(rec.courseId());
      } catch (UnknownEntityException e) {
        // nothing to say for this learner: an empty list
      }
      return objective.score(ids, relevant(u));
    }).sum() / Math.max(1, users.size());
  }
}
