package io.courserec.engine;

import java.util.List;

/**
 * Hears that answers computed earlier may be stale because something changed outside this process' own requests:
 * feedback or an erasure accepted by another replica on the same store, or a model version another replica or the
 * CLI promoted and this one picked up. The API empties its recommendation cache with it
 * ({@link Engine#onStaleAnswers}). Calls come from a background thread and must be quick.
 */
public interface StaleAnswerListener {
  /** Answers for these learners may be stale (their stored events changed). */
  void learnersChanged(List<String> userIds);

  /** Any answer may be stale: changes may have been missed, or the serving model changed; {@code reason} says which. */
  void everythingChanged(String reason);

  /** A registration; closing it stops the calls (idempotent). */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
