package io.courserec.store;

/**
 * A lock held across every process sharing one store, for work only one of them should do at a time (a scheduled
 * retrain): {@link InteractionStore#tryLock}. Held until {@link #close()}, or until the holding process or its
 * connection dies (PostgreSQL releases a session's advisory locks when the session ends), so a crashed holder never
 * blocks the others for good.
 */
public interface StoreLock extends AutoCloseable {
  /** Releases the lock; idempotent. */
  @Override
  void close();
}
