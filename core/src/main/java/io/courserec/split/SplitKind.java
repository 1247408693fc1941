package io.courserec.split;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The splits {@code evaluate --split} knows, each built from configuration. */
public enum SplitKind {
  /** {@link RandomHoldoutSplitter}: {@code eval.holdout_fraction}, {@code eval.min_user_events}, {@code seed}. */
  RANDOM("random"),
  /** {@link GlobalTemporalSplitter}: {@code eval.temporal_test_fraction}, {@code eval.min_user_events}. */
  TEMPORAL("temporal"),
  /** {@link UserTemporalSplitter}: {@code eval.last_n}, {@code eval.min_user_events}. */
  USER_TEMPORAL("user-temporal"),
  /** {@link UserTemporalSplitter#leaveLastOut}: {@code eval.min_user_events}. */
  LEAVE_LAST_OUT("leave-last-out"),
  /** {@link ColdStartSplitter}: {@code eval.cold_start_fraction}, {@code eval.cold_start_max_kept}, {@code seed}. */
  COLD_START("cold-start");

  private final String code;

  SplitKind(String code) { this.code = code; }

  /**
   * Whether each test learner's held-out set is exactly their next course after the training history (so a path
   * planned from that history can be checked against it): leave-last-out only.
   */
  public boolean holdsOutNextCourse() { return this == LEAVE_LAST_OUT; }

  /** Name on the command line and in reports. */
  public String code() { return code; }

  /** The splitter with its settings from configuration. */
  public Splitter create(Config c) {
    int min = c.integer(ConfigKey.EVAL_MIN_EVENTS);
    long seed = c.longValue(ConfigKey.SEED);
    return switch (this) {
      case RANDOM -> new RandomHoldoutSplitter(c.number(ConfigKey.EVAL_HOLDOUT), min, seed);
      case TEMPORAL -> new GlobalTemporalSplitter(c.number(ConfigKey.EVAL_TEMPORAL_FRACTION), min);
      case USER_TEMPORAL -> new UserTemporalSplitter(c.integer(ConfigKey.EVAL_LAST_N), min);
      case LEAVE_LAST_OUT -> UserTemporalSplitter.leaveLastOut(min);
      case COLD_START -> new ColdStartSplitter(c.number(ConfigKey.EVAL_COLD_FRACTION),
          c.integer(ConfigKey.EVAL_COLD_MAX_KEPT), min, seed);
    };
  }

  /**
   * The inner split that mirrors the deployment's task, for tuning and confidence calibration: {@code setting} is
   * {@code tune.split} — {@code auto} (per-learner leave-last-out by time, the next course, when at least half of
   * the events carry a timestamp; a random per-learner holdout otherwise), {@code leave-last-out} or {@code random}.
   */
  public static SplitKind forTask(String setting, Dataset data) {
    return switch (setting) {
      case "auto" -> timedShare(data) >= 0.5 ? LEAVE_LAST_OUT : RANDOM;
      case "leave-last-out" -> LEAVE_LAST_OUT;
      case "random" -> RANDOM;
      default -> throw new IllegalArgumentException("task split must be auto, leave-last-out or random, got '" + setting + "'");
    };
  }

  /** Share of the events that carry a timestamp (0 without events). */
  public static double timedShare(Dataset data) {
    List<Interaction> all = data.interactions();
    if (all.isEmpty()) return 0;
    long timed = all.stream().filter(e -> e.timestamp() != null).count();
    return timed / (double) all.size();
  }

  /** Looks a split up by its code. */
  public static Optional<SplitKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** All codes, comma-separated, for messages. */
  public static String codes() {
    return Arrays.stream(values()).map(SplitKind::code).collect(Collectors.joining(", "));
  }
}
