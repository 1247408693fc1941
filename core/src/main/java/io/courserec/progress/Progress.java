package io.courserec.progress;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a long job reports what it is doing: {@link #stage} when a named step begins ("training the hybrid"),
 * {@link #note} for a result along the way worth keeping ("itemknn: NDCG@10 0.25"), and {@link #count} for a loop
 * over a known number of units (learners ranked, rows read). Stages are transient: a display may show only the
 * latest, or thin them out; notes are kept. Implementations decide how and how often to show things and must
 * accept calls from several threads; a job never assumes anyone is watching.
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = stages(m -> { });

  /** A named step of the job begins; {@code message} is a short sentence without a trailing period. */
  void stage(String message);

  /** A result along the way that a reader should still see when the job is done; by default a stage. */
  default void note(String message) {
    stage(message);
  }

  /**
   * Starts counting {@code total} units of work (0 or less when the total is unknown); the caller advances the
   * returned counter per unit and closes it when the loop ends.
   */
  Counter count(String label, long total);

  /** This progress with {@code prefix} before every stage and note ("tuning: "); counts keep their own labels. */
  default Progress prefixed(String prefix) {
    Progress outer = this;
    return new Progress() {
      @Override
      public void stage(String message) {
        outer.stage(prefix + message);
      }

      @Override
      public void note(String message) {
        outer.note(prefix + message);
      }

      @Override
      public Counter count(String label, long total) {
        return outer.count(label, total);
      }
    };
  }

  /** This progress, also telling {@code sink} every stage and note (a log); counts are this progress's only. */
  default Progress alsoTo(Consumer<String> sink) {
    Progress outer = this;
    return new Progress() {
      @Override
      public void stage(String message) {
        sink.accept(message);
        outer.stage(message);
      }

      @Override
      public void note(String message) {
        sink.accept(message);
        outer.note(message);
      }

      @Override
      public Counter count(String label, long total) {
        return outer.count(label, total);
      }
    };
  }

  /** The stages as a plain message sink, for code that reports stages only. */
  default Consumer<String> stageSink() {
    return this::stage;
  }

  /** A progress that passes stages to {@code sink} and counts silently (counters still count, nobody sees them). */
  static Progress stages(Consumer<String> sink) {
    Objects.requireNonNull(sink, "sink");
    return new Progress() {
      @Override
      public void stage(String message) {
        sink.accept(message);
      }

      @Override
      public Counter count(String label, long total) {
        return new Counter(label, total, Long.MAX_VALUE, Counter.Listener.SILENT);
      }
    };
  }
}
