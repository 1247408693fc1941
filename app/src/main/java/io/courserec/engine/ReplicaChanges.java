package io.courserec.engine;

import io.courserec.store.StoreChangeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a serving engine learns from the other processes on its store and models directory, handed on to the
 * {@link StaleAnswerListener}s (the API's cache): the store's change notifications ({@link StoreChangeListener};
 * PostgreSQL only) and model versions picked up by {@link ModelLifecycle}.
 *
 * <p>An erasure made by another replica also put the learner on the shared erasure list ({@link ErasedLearners},
 * written before the store's rows are deleted, so before the notification is sent); the list is re-read before
 * the listeners hear of it, so this engine hides the learner from its model version at once, as the erasing
 * replica does. After a reconnect (notifications may have been missed) the list is re-read too.
 */
final class ReplicaChanges implements StoreChangeListener {
  private static final Logger log = LoggerFactory.getLogger(ReplicaChanges.class);

  private final ErasedLearners erased;
  private final List<StaleAnswerListener> listeners = new CopyOnWriteArrayList<>();

  ReplicaChanges(ErasedLearners erased) {
    this.erased = erased;
  }

  StaleAnswerListener.Registration add(StaleAnswerListener l) {
    if (l == null) throw new IllegalArgumentException("listener must not be null");
    listeners.add(l);
    return () -> listeners.remove(l);
  }

  @Override
  public void learnersChanged(Kind kind, List<String> userIds) {
    if (kind == Kind.ERASURE) refreshErased();
    for (StaleAnswerListener l : listeners) l.learnersChanged(userIds);
  }

  @Override
  public void everythingChanged(String reason) {
    refreshErased();
    tellEverything(reason);
  }

  /** A model version promoted elsewhere now serves here. */
  void modelPickedUp(String version) {
    tellEverything("model version " + version + " picked up");
  }

  private void tellEverything(String reason) {
    for (StaleAnswerListener l : listeners) l.everythingChanged(reason);
  }

  private void refreshErased() {
    try {
      erased.refresh();
    } catch (RuntimeException e) {
      // the next data load refreshes again and fails loudly; answers keep hiding the learners known so far
      log.error("cannot re-read the erasure list after another replica's change: {}", e.getMessage());
    }
  }
}
