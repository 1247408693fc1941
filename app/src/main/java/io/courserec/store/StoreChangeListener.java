package io.courserec.store;

import java.util.List;

/**
 * Hears which learners' stored events changed, in whichever process sharing the store committed the change, so that
 * what a process derived from those events (cached recommendations, the erasure list) can be dropped. Registered
 * with {@link InteractionStore#subscribe}; called on the store's listener thread, one call at a time, so a listener
 * must be quick and must not block (it should invalidate, not recompute).
 *
 * <p>A listener is told only of committed changes (PostgreSQL delivers a notification when its transaction
 * commits), and may be told of a change more than once (its own process' changes included). When changes may have
 * been missed (the listening connection broke, or a notification could not be read), it is told
 * {@link #everythingChanged} instead: drop everything.
 */
public interface StoreChangeListener {
  /** What changed for the learners named. */
  enum Kind {
    /** New events were appended. */
    FEEDBACK,
    /** Every event of the learner was erased ({@link InteractionStore#eraseUser}). */
    ERASURE
  }

  /** These learners' events changed ({@code userIds} non-empty, no duplicates within one call). */
  void learnersChanged(Kind kind, List<String> userIds);

  /** Changes may have been missed (e.g. after the listening connection was re-established); {@code reason} says why. */
  void everythingChanged(String reason);

  /** A registration; closing it stops the calls (an idempotent operation). */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
