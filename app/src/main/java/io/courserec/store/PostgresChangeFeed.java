package io.courserec.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of a PostgreSQL store's change notifications: one daemon thread with a dedicated connection
 * that runs {@code LISTEN} on the store's channel and waits in {@link PGConnection#getNotifications(int)}, handing
 * every notification to the subscribed {@link StoreChangeListener}s. Started by the first subscription; stopped
 * when the store closes.
 *
 * <p><b>Failures.</b> A broken connection (the server restarted, the backend was terminated, the network dropped)
 * is replaced after a back-off that starts at {@value #FIRST_BACKOFF_MS} ms and doubles up to
 * {@value #MAX_BACKOFF_MS} ms while connecting keeps failing. Notifications sent while no connection listened are
 * lost (PostgreSQL queues them only for listening sessions), so the listeners are told
 * {@link StoreChangeListener#everythingChanged} when a listening connection is found broken (what they cached may
 * go stale unnoticed from then on) and again after every successful {@code LISTEN}, the first included (what they
 * cached meanwhile may have gone stale). A connection that dies silently (no packet, no reset) would leave the wait
 * returning empty forever, so every {@value #PING_MS} ms without a notification the thread runs {@code SELECT 1},
 * which fails within the connection's socket timeout ({@link PostgresInteractionStore} gives the listener
 * {@value #SOCKET_TIMEOUT_S} s) on such a link.
 * A payload that cannot be read also counts as "everything changed", rather than being dropped.
 */
final class PostgresChangeFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PostgresChangeFeed.class);
  static final int FIRST_BACKOFF_MS = 100;
  static final int MAX_BACKOFF_MS = 5_000;
  /** How long one wait for notifications lasts: bounds how long {@link #close} waits for the thread. */
  private static final int WAIT_MS = 250;
  static final int PING_MS = 5_000;
  /** Socket read timeout of the listening connection, in seconds: bounds a ping on a dead link. */
  static final int SOCKET_TIMEOUT_S = 10;

  /** Opens a new connection in auto-commit mode. */
  @FunctionalInterface
  interface Connector {
    Connection open() throws SQLException;
  }

  private final String description;
  private final String channel;
  private final Connector connector;
  private final List<StoreChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong notifications = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean listening;
  private volatile boolean closed;
  private volatile Connection connection; // the one being listened on, for close()
  private Thread thread;

  PostgresChangeFeed(String description, String channel, Connector connector) {
    this.description = description;
    this.channel = channel;
    this.connector = connector;
  }

  /** Adds a listener, starting the thread on the first one. */
  synchronized StoreChangeListener.Subscription subscribe(StoreChangeListener l) {
    if (closed) throw new IllegalStateException("feedback store " + description + " is closed");
    listeners.add(l);
    if (thread == null) {
      thread = new Thread(this::run, "courserec-store-listen");
      thread.setDaemon(true);
      thread.start();
    }
    return () -> listeners.remove(l);
  }

  /** Notifications received and handed on since start. */
  long notifications() { return notifications.get(); }

  /** Successful {@code LISTEN}s since start; every one after the first is a reconnect. */
  long connections() { return connections.get(); }

  /** Connections that broke, or could not be opened, since start. */
  long failures() { return failures.get(); }

  /** True while a connection is listening. */
  boolean listening() { return listening; }

  private void run() {
    int backoff = FIRST_BACKOFF_MS;
    while (!closed) {
      boolean wasListening = false;
      try (Connection c = connector.open()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + PostgresInteractionStore.quoteIdentifier(channel));
        }
        listening = true;
        wasListening = true;
        long n = connections.incrementAndGet();
        backoff = FIRST_BACKOFF_MS;
        log.info("feedback store {}: listening for changes on channel {}{}", description, channel,
            n > 1 ? " again (connection " + n + "); dropping every cached answer" : "");
        everything(n == 1 ? "started listening for store changes" : "listening again after a lost connection");
        listen(c);
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (closed) break;
        failures.incrementAndGet();
        log.warn("feedback store {}: change listener connection failed ({}); retrying in {} ms", description,
            e.getMessage(), backoff);
        if (wasListening) everything("the store's change listener lost its connection");
        try {
          TimeUnit.MILLISECONDS.sleep(backoff);
        } catch (InterruptedException ie) {
          break;
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      } finally {
        listening = false;
        connection = null;
      }
    }
  }

  /** Waits for notifications on a listening connection until it fails or the feed closes. */
  private void listen(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long lastContact = System.nanoTime();
    while (!closed) {
      PGNotification[] got = pg.getNotifications(WAIT_MS);
      if (got != null && got.length > 0) {
        lastContact = System.nanoTime();
        deliver(got);
      } else if (System.nanoTime() - lastContact > TimeUnit.MILLISECONDS.toNanos(PING_MS)) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1");
        }
        lastContact = System.nanoTime();
      }
    }
  }

  /** Hands a burst of notifications on, merging the learners of each kind into one call. */
  private void deliver(PGNotification[] got) {
    notifications.addAndGet(got.length);
    Set<String> feedback = new LinkedHashSet<>();
    Set<String> erasure = new LinkedHashSet<>();
    String everything = null;
    for (PGNotification n : got) {
      try {
        ChangePayloads.Change ch = ChangePayloads.decode(n.getParameter());
        if (ch.everything()) everything = "a change too large to list (bulk append) from backend " + n.getPID();
        else (ch.kind() == StoreChangeListener.Kind.ERASURE ? erasure : feedback).addAll(ch.users());
      } catch (IllegalArgumentException e) {
        log.warn("feedback store {}: unreadable change notification ({}); dropping every cached answer",
            description, e.getMessage());
        everything = "an unreadable change notification";
      }
    }
    if (everything != null) {
      everything(everything);
      return;
    }
    if (!erasure.isEmpty()) learners(StoreChangeListener.Kind.ERASURE, erasure);
    feedback.removeAll(erasure);
    if (!feedback.isEmpty()) learners(StoreChangeListener.Kind.FEEDBACK, feedback);
  }

  private void learners(StoreChangeListener.Kind kind, Set<String> users) {
    List<String> ids = List.copyOf(new ArrayList<>(users));
    for (StoreChangeListener l : listeners) {
      try {
        l.learnersChanged(kind, ids);
      } catch (RuntimeException e) {
        log.error("feedback store {}: a change listener failed: {}", description, e.toString(), e);
      }
    }
  }

  private void everything(String reason) {
    for (StoreChangeListener l : listeners) {
      try {
        l.everythingChanged(reason);
      } catch (RuntimeException e) {
        log.error("feedback store {}: a change listener failed: {}", description, e.toString(), e);
      }
    }
  }

  /** Stops the thread (waits up to two seconds for it) and closes its connection. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    if (t == null) return;
    t.interrupt(); // ends a back-off sleep; a wait for notifications ends within WAIT_MS
    try {
      t.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      Connection c = connection;
      try {
        if (c != null) c.close();
      } catch (SQLException e) {
        log.debug("closing the change listener connection failed: {}", e.getMessage());
      }
    }
    listeners.clear();
  }
}
