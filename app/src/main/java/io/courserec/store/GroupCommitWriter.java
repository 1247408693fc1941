package io.courserec.store;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of a store: one connection, one transaction at a time, with group commit. A caller queues its
 * append and takes the writer lock; whoever holds the lock drains the queue and commits every queued call in one
 * transaction, so appenders that arrive while a commit is syncing share the next commit instead of waiting for one
 * sync each. Each call still succeeds or fails on its own: a group first runs optimistically as one plain
 * transaction; if the schema refuses an event (rare: the API validates first), that transaction is rolled back and
 * the group re-runs with one savepoint per call, so the refusal rolls back that call only (savepoints on every run
 * would cost PostgreSQL two extra round trips per call). A caller returns only after the transaction holding its
 * events committed (or failed), so "returned = durable" holds for every member of the group.
 *
 * <p>Calls are committed in queue (arrival) order, which is therefore the order of their sequences.
 */
final class GroupCommitWriter {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  /** A group takes no further calls once it holds this many events, bounding one transaction. */
  static final int MAX_GROUP_EVENTS = 10_000;

  private static final String STORED_BODY = "SELECT course_id, event, rating FROM interactions"
      + " WHERE user_id = ? AND event_id = ?";

  private static final String ADD_COUNT = "INSERT INTO interaction_counts (event, n) VALUES (?, ?)"
      + " ON CONFLICT (event) DO UPDATE SET n = interaction_counts.n + excluded.n";

  /** One append call waiting for, or finished by, a group transaction. Fields are guarded by the writer lock. */
  private static final class Call {
    final List<Interaction> events;
    AppendResult result;
    RuntimeException failure;
    boolean done;

    Call(List<Interaction> events) { this.events = events; }
  }

  private final JdbcInteractionStore store;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Call> queue = new ConcurrentLinkedQueue<>();
  // guarded by lock; connection is null before adopt, after a broken connection and after close
  private Connection connection;
  private PreparedStatement insert;
  private PreparedStatement addCount;
  private PreparedStatement storedBody;
  private Statement control;
  private boolean closed;
  private final AtomicLong transactions = new AtomicLong();

  GroupCommitWriter(JdbcInteractionStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Takes over an open connection (the one that migrated the schema) as the writer. */
  void adopt(Connection c) throws SQLException {
    lock.lock();
    try {
      prepare(c);
    } finally {
      lock.unlock();
    }
  }

  /** Appends one call's events (already checked, non-empty); see the class comment. */
  AppendResult append(List<Interaction> events) {
    Call mine = new Call(events);
    queue.add(mine);
    lock.lock();
    try {
      while (!mine.done) runGroup(); // each group takes at least the oldest queued call, so this ends
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) throw inThisThread(mine.failure);
    return mine.result;
  }

  /** Calls queued and not yet taken by a group (for tests and diagnostics). */
  int queued() { return queue.size(); }

  /** Group transactions committed so far (for tests and diagnostics). */
  long transactions() { return transactions.get(); }

  void close() {
    lock.lock();
    try {
      closed = true;
      closeConnection();
    } finally {
      lock.unlock();
    }
  }

  private void runGroup() {
    List<Call> group = drain();
    try {
      if (closed) throw new IllegalStateException("feedback store " + store.description() + " is closed");
      if (connection == null) {
        prepare(store.openWriter());
        log.info("feedback store {}: writer connection reopened", store.description());
      }
      try {
        commitGroup(group, false);
      } catch (IllegalArgumentException refused) {
        if (group.size() == 1) throw refused;
        store.rollback(connection);
        for (Call c : group) c.result = null;
        commitGroup(group, true);
      }
    } catch (SQLException e) {
      rollbackQuietly();
      closeIfBroken();
      failAll(group, store.failure("append", e));
    } catch (RuntimeException e) { // a refused event of a lone call, a closed store, a driver surprise
      rollbackQuietly();
      failAll(group, e);
    } finally {
      for (Call c : group) c.done = true;
    }
  }

  /**
   * One transaction for the group. Without {@code isolate} a refused event propagates (the caller rolls back);
   * with it, each call runs in a savepoint and a refusal fails that call only.
   */
  private void commitGroup(List<Call> group, boolean isolate) throws SQLException {
    begin();
    // read the clock inside the exclusive transaction, so receive times follow sequences
    long received = InteractionRows.epochMicros(clock.instant());
    Map<EventType, Integer> added = new EnumMap<>(EventType.class);
    Set<String> changed = new LinkedHashSet<>();
    for (Call call : group) {
      Map<EventType, Integer> mine = new EnumMap<>(EventType.class);
      Set<String> users = new LinkedHashSet<>();
      if (isolate) control.execute("SAVEPOINT call");
      try {
        call.result = insertCall(call.events, received, mine, users);
      } catch (IllegalArgumentException refused) {
        if (!isolate) throw refused;
        control.execute("ROLLBACK TO SAVEPOINT call");
        call.failure = refused;
      }
      if (isolate) control.execute("RELEASE SAVEPOINT call");
      if (call.failure == null) {
        mine.forEach((t, n) -> added.merge(t, n, Integer::sum));
        changed.addAll(users);
      }
    }
    for (Map.Entry<EventType, Integer> a : added.entrySet()) {
      addCount.setString(1, a.getKey().code());
      addCount.setLong(2, a.getValue());
      addCount.executeUpdate();
    }
    // in the transaction, so other processes hear of the learners exactly when their events are visible
    if (!changed.isEmpty()) store.announce(connection, StoreChangeListener.Kind.FEEDBACK, changed);
    store.commit(connection);
    transactions.incrementAndGet();
  }

  /**
   * Starts the transaction. A connection found dead at this point (e.g. the database restarted since the last
   * append) is replaced once: nothing of the group has been sent yet, so the retry cannot store anything twice.
   */
  private void begin() throws SQLException {
    try {
      store.begin(connection, JdbcInteractionStore.Exclusive.APPEND);
    } catch (SQLException e) {
      if (connection.isValid(2)) throw e;
      log.warn("feedback store {}: writer connection lost ({}); reconnecting", store.description(), e.getMessage());
      closeConnection();
      prepare(store.openWriter());
      store.begin(connection, JdbcInteractionStore.Exclusive.APPEND);
    }
  }

  /** Inserts one call's events; counts the stored ones per type in {@code added}, their learners in {@code users}. */
  private AppendResult insertCall(List<Interaction> events, long received, Map<EventType, Integer> added,
                                  Set<String> users) throws SQLException {
    int[] updated = store.insertRows(insert, events, received);
    int inserted = 0;
    List<String> duplicates = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      if (updated[i] == 0) {
        checkSameBody(i, e); // only a unique (user_id, event_id) can conflict
        duplicates.add(e.eventId());
      } else if (updated[i] == 1) {
        inserted++;
        added.merge(e.event(), 1, Integer::sum);
        users.add(e.userId());
      } else {
        throw new StoreException("the driver reported " + updated[i] + " rows for event " + i + " instead of 0 or 1;"
            + " per-row counts are needed to recognise duplicates (is reWriteBatchedInserts set in the URL?)");
      }
    }
    return new AppendResult(inserted, duplicates);
  }

  /**
   * A skipped event must repeat the stored one: same course, event type and rating (the timestamp is not compared,
   * an absent one means "now"). Otherwise the call is refused, naming the first field that differs.
   */
  private void checkSameBody(int index, Interaction e) throws SQLException {
    storedBody.setString(1, e.userId());
    storedBody.setString(2, e.eventId());
    try (ResultSet rs = storedBody.executeQuery()) {
      if (!rs.next()) return; // cannot happen inside the transaction that saw the conflict
      String course = rs.getString(1);
      String event = rs.getString(2);
      double r = rs.getDouble(3);
      Double rating = rs.wasNull() ? null : r;
      String field = !course.equals(e.courseId()) ? "course_id"
          : !event.equals(e.event().code()) ? "event"
          : !Objects.equals(rating, e.rating()) ? "rating" : null;
      if (field == null) return;
      Object stored = field.equals("course_id") ? course : field.equals("event") ? event : rating;
      Object given = field.equals("course_id") ? e.courseId() : field.equals("event") ? e.event().code() : e.rating();
      throw new EventIdConflictException(index, field, "event_id '" + e.eventId() + "' of user '" + e.userId()
          + "' is already stored with " + field + " " + stored + ", this event says " + given
          + "; an event id may be repeated only with the same course, event and rating");
    }
  }

  private List<Call> drain() {
    List<Call> group = new ArrayList<>();
    int events = 0;
    for (Call c; events < MAX_GROUP_EVENTS && (c = queue.poll()) != null; ) {
      group.add(c);
      events += c.events.size();
    }
    return group;
  }

  private static void failAll(List<Call> group, RuntimeException e) {
    for (Call c : group) {
      c.result = null;
      if (c.failure == null) c.failure = e; // a call refused on its own keeps its own reason
    }
  }

  /** The same failure, with the waiting caller's stack (the original, from the committing thread, as cause). */
  private static RuntimeException inThisThread(RuntimeException f) {
    if (f instanceof EventIdConflictException c) {
      EventIdConflictException again = new EventIdConflictException(c.index(), c.field(), c.getMessage());
      again.initCause(c);
      return again;
    }
    if (f instanceof IllegalArgumentException) return new IllegalArgumentException(f.getMessage(), f);
    if (f instanceof IllegalStateException) return new IllegalStateException(f.getMessage(), f);
    if (f instanceof StoreException s) return new StoreException(s.kind(), s.getMessage(), s);
    return f;
  }

  private void prepare(Connection c) throws SQLException {
    try {
      insert = c.prepareStatement(InteractionRows.INSERT);
      addCount = c.prepareStatement(ADD_COUNT);
      storedBody = c.prepareStatement(STORED_BODY);
      control = c.createStatement();
      connection = c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private void rollbackQuietly() {
    if (connection == null) return;
    try {
      store.rollback(connection);
    } catch (SQLException e) {
      log.debug("rollback failed (no transaction active?): {}", e.getMessage());
    }
  }

  private void closeIfBroken() {
    boolean valid;
    try {
      valid = connection != null && connection.isValid(2);
    } catch (SQLException e) {
      valid = false;
    }
    if (!valid) {
      log.warn("feedback store {}: writer connection is broken; the next append reconnects", store.description());
      closeConnection();
    }
  }

  private void closeConnection() {
    if (connection == null) return;
    try {
      connection.close(); // closes the statements too
    } catch (SQLException e) {
      log.debug("closing the writer connection failed: {}", e.getMessage());
    }
    connection = null;
  }
}
