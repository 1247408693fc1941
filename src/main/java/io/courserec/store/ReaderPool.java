package io.courserec.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only connections, each used by one thread at a time: borrowed, used for one query, given back. Opens a new
 * connection when none is idle (so readers never wait for each other) and keeps at most {@code maxIdle} for reuse.
 * A connection that saw an error is closed instead of reused.
 */
final class ReaderPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReaderPool.class);

  /** Opens one new reader connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final int maxIdle;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  ReaderPool(Opener opener, int maxIdle) {
    this.opener = opener;
    this.maxIdle = maxIdle;
  }

  Connection borrow() throws SQLException {
    if (closed) throw new IllegalStateException("feedback store is closed");
    Connection c = idle.pollFirst();
    if (c != null) {
      idleCount.decrementAndGet();
      return c;
    }
    return opener.open();
  }

  /** Returns a borrowed connection; {@code healthy = false} closes it. */
  void giveBack(Connection c, boolean healthy) {
    if (healthy && !closed) {
      if (idleCount.incrementAndGet() <= maxIdle) {
        idle.addFirst(c);
        if (closed) drain(); // close() ran between the check and the add
        return;
      }
      idleCount.decrementAndGet();
    }
    closeQuietly(c);
  }

  /** Closes the idle connections (after one turned out dead, the others probably are too). */
  void discardIdle() {
    drain();
  }

  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    for (Connection c; (c = idle.pollFirst()) != null; ) {
      idleCount.decrementAndGet();
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a reader connection failed: {}", e.getMessage());
    }
  }
}
