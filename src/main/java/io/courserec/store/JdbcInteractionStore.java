package io.courserec.store;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL both backends share: one guarded writer connection for appends (every append is one transaction, made
 * exclusive across processes by the backend, so sequences are assigned in commit order), a {@link ReaderPool} for
 * reads, schema migration at start-up, and the row mapping.
 *
 * <p>Table {@code interactions}: {@code seq} (the sequence), {@code user_id}, {@code course_id}, {@code event}
 * (the {@link EventType#code()}), {@code rating}, the event time as {@code event_epoch_second} + {@code event_nano}
 * (exact {@link Instant}, both null when absent), {@code event_id} (unique when present) and
 * {@code received_epoch_micro}. Table {@code interaction_counts(event, n)} is updated in the same transaction as
 * the inserts, so {@link #count()} and {@link #countsByEvent()} cost O(1) however large the log grows.
 */
public abstract sealed class JdbcInteractionStore implements InteractionStore
    permits SqliteInteractionStore, PostgresInteractionStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcInteractionStore.class);

  /** Rows fetched per query when streaming; bounds memory and holds no connection between pages. */
  static final int DEFAULT_PAGE_SIZE = 5_000;
  private static final int MAX_IDLE_READERS = 8;

  private static final String ADD_COUNT = "INSERT INTO interaction_counts (event, n) VALUES (?, ?)"
      + " ON CONFLICT (event) DO UPDATE SET n = interaction_counts.n + excluded.n";

  /** Which exclusive lock a write transaction takes (PostgreSQL distinguishes them; SQLite has one). */
  enum Exclusive { APPEND, SCHEMA }

  private final String description;
  private final InstantSource clock;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReaderPool readers;
  private Writer writer; // guarded by writeLock; null until start and after a broken connection
  private volatile boolean closed;
  volatile int pageSize = DEFAULT_PAGE_SIZE; // tests shrink it to exercise paging

  JdbcInteractionStore(String description, InstantSource clock) {
    this.description = description;
    this.clock = clock;
    this.readers = new ReaderPool(this::openReader, MAX_IDLE_READERS);
  }

  /** A new connection for the single writer. */
  abstract Connection openWriter() throws SQLException;

  /** A new connection used only for queries. */
  abstract Connection openReader() throws SQLException;

  /** All migrations of this backend, versions 1..n. */
  abstract List<Migration> migrations();

  /** Starts a write transaction that excludes other writers of the same kind in every process. */
  abstract void begin(Connection c, Exclusive lock) throws SQLException;

  abstract void commit(Connection c) throws SQLException;

  abstract void rollback(Connection c) throws SQLException;

  /** True if the error is a row the schema refused (CHECK or NOT NULL), i.e. bad input rather than bad luck. */
  abstract boolean violatesSchema(SQLException e);

  /** Opens the writer and migrates the schema; the subclass' factory calls it once, closing the store on failure. */
  final void start() {
    writeLock.lock();
    try {
      Connection c = openWriter();
      try {
        begin(c, Exclusive.SCHEMA);
        List<Integer> applied = SchemaMigrator.apply(c, migrations());
        commit(c);
        writer = new Writer(c);
        log.info("feedback store {} ready at schema version {} ({} migrations applied now)",
            description, migrations().size(), applied.size());
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        closeQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("opening", e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public final AppendResult append(Interaction event) {
    return appendAll(Collections.singletonList(event));
  }

  @Override
  public final AppendResult appendAll(List<Interaction> events) {
    checkBatch(events);
    ensureOpen();
    if (events.isEmpty()) return AppendResult.NONE;
    writeLock.lock();
    try {
      ensureOpen();
      Writer w;
      try {
        w = writer();
      } catch (SQLException e) {
        throw failure("connecting the writer", e);
      }
      try {
        AppendResult result = appendInTransaction(w, events);
        commit(w.connection);
        return result;
      } catch (SQLException e) {
        rollbackQuietly(w.connection);
        dropWriterIfBroken();
        throw failure("append", e);
      } catch (RuntimeException e) { // includes an event the schema refused
        rollbackQuietly(w.connection);
        throw e;
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Inserts the batch and updates the counts; the caller commits or rolls back.
   *
   * @throws IllegalArgumentException if the schema refuses an event (the whole batch is then rolled back)
   */
  private AppendResult appendInTransaction(Writer w, List<Interaction> events) throws SQLException {
    begin(w.connection, Exclusive.APPEND);
    // read the clock after taking the lock, so receive times follow sequences
    long received = InteractionRows.epochMicros(clock.instant());
    int inserted = 0;
    List<String> duplicates = new ArrayList<>();
    Map<EventType, Integer> added = new EnumMap<>(EventType.class);
    int[] updated = insertRows(w.insert, events, received);
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      if (updated[i] == 0) {
        duplicates.add(e.eventId()); // only a unique event_id can conflict
      } else if (updated[i] == 1) {
        inserted++;
        added.merge(e.event(), 1, Integer::sum);
      } else {
        throw new StoreException("the driver reported " + updated[i] + " rows for event " + i + " instead of 0 or 1;"
            + " per-row counts are needed to recognise duplicates (is reWriteBatchedInserts set in the URL?)");
      }
    }
    for (Map.Entry<EventType, Integer> a : added.entrySet()) {
      w.addCount.setString(1, a.getKey().code());
      w.addCount.setLong(2, a.getValue());
      w.addCount.executeUpdate();
    }
    return new AppendResult(inserted, duplicates);
  }

  @Override
  public final List<StoredEvent> eventsOf(String userId) {
    if (userId == null) throw new IllegalArgumentException("userId must not be null");
    return read("eventsOf", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + InteractionRows.COLUMNS
          + " FROM interactions WHERE user_id = ?"
          + " ORDER BY event_epoch_second ASC NULLS FIRST, event_nano ASC NULLS FIRST, seq ASC")) {
        p.setString(1, userId);
        return InteractionRows.read(p);
      }
    });
  }

  @Override
  public final Stream<StoredEvent> eventsSince(long afterSequence) {
    if (afterSequence < 0) throw new IllegalArgumentException("afterSequence must be >= 0, got " + afterSequence);
    Iterator<StoredEvent> pages = new SequencePages(afterSequence, lastSequence(), pageSize, this::page);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
  }

  @Override
  public final long count() {
    return read("count", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM interaction_counts");
           ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public final Map<EventType, Long> countsByEvent() {
    return read("countsByEvent", c -> {
      Map<EventType, Long> counts = new EnumMap<>(EventType.class);
      for (EventType t : EventType.values()) counts.put(t, 0L);
      try (PreparedStatement p = c.prepareStatement("SELECT event, n FROM interaction_counts");
           ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          counts.put(InteractionRows.eventType(rs.getString(1), "in interaction_counts"), rs.getLong(2));
        }
      }
      return Collections.unmodifiableMap(counts);
    });
  }

  @Override
  public final long lastSequence() {
    return read("lastSequence", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM interactions");
           ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private List<StoredEvent> page(long after, long upTo, int size) {
    return read("eventsSince", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + InteractionRows.COLUMNS
          + " FROM interactions WHERE seq > ? AND seq <= ? ORDER BY seq ASC LIMIT ?")) {
        p.setLong(1, after);
        p.setLong(2, upTo);
        p.setInt(3, size);
        return InteractionRows.read(p);
      }
    });
  }

  /**
   * Inserts the events with the prepared insert, one statement each (cheap in process); returns the per-event update
   * counts: 1 stored, 0 skipped as a duplicate event id.
   *
   * @throws IllegalArgumentException if the schema refuses an event
   */
  int[] insertRows(PreparedStatement insert, List<Interaction> events, long receivedMicros) throws SQLException {
    int[] counts = new int[events.size()];
    for (int i = 0; i < events.size(); i++) {
      InteractionRows.bind(insert, events.get(i), receivedMicros);
      try {
        counts[i] = insert.executeUpdate();
      } catch (SQLException x) {
        if (!violatesSchema(x)) throw x;
        throw refused("event " + i + " of the batch", x);
      }
    }
    return counts;
  }

  static IllegalArgumentException refused(String which, SQLException cause) {
    return new IllegalArgumentException(which + " was refused by the schema (ids must be 1.." + MAX_ID_LENGTH
        + " characters); nothing of the batch was stored: " + cause.getMessage(), cause);
  }

  /** Versions recorded in {@code schema_version}, ascending; for status pages and tests. */
  public final List<Integer> schemaVersions() {
    return read("schemaVersions", c -> List.copyOf(SchemaMigrator.appliedVersions(c)));
  }

  @Override
  public final String description() { return description; }

  @Override
  public final void close() {
    if (closed) return;
    closed = true;
    writeLock.lock(); // waits for an append in flight to finish
    try {
      if (writer != null) {
        writer.closeQuietly();
        writer = null;
      }
    } finally {
      writeLock.unlock();
    }
    readers.close();
    log.info("feedback store {} closed", description);
  }

  @Override
  public String toString() { return getClass().getSimpleName() + "[" + description + "]"; }

  // ---- internals ------------------------------------------------------------------------------------------

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a connection failed: {}", e.getMessage());
    }
  }

  private static void checkBatch(List<Interaction> events) {
    if (events == null) throw new IllegalArgumentException("events must not be null");
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      if (e == null) throw new IllegalArgumentException("event " + i + " of the batch is null");
      // The record already refuses null user, course and event; a NaN rating would not survive the round trip.
      if (e.rating() != null && !Double.isFinite(e.rating())) {
        throw new IllegalArgumentException("rating must be finite, got " + e.rating() + " for event " + i);
      }
    }
  }

  private void ensureOpen() {
    if (closed) throw new IllegalStateException("feedback store " + description + " is closed");
  }

  private Writer writer() throws SQLException {
    if (writer == null) {
      writer = new Writer(openWriter());
      log.info("feedback store {}: writer connection reopened", description);
    }
    return writer;
  }

  private void dropWriterIfBroken() {
    boolean valid;
    try {
      valid = writer.connection.isValid(2);
    } catch (SQLException e) {
      valid = false;
    }
    if (!valid) {
      log.warn("feedback store {}: writer connection is broken; the next append reconnects", description);
      writer.closeQuietly();
      writer = null;
    }
  }

  private void rollbackQuietly(Connection c) {
    try {
      rollback(c);
    } catch (SQLException e) {
      log.debug("rollback failed (no transaction active?): {}", e.getMessage());
    }
  }

  /** A query on a pooled reader connection. */
  @FunctionalInterface
  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(String what, Query<T> q) {
    ensureOpen();
    Connection c;
    try {
      c = readers.borrow();
    } catch (SQLException e) {
      throw failure(what, e);
    }
    boolean healthy = false;
    try {
      T result = q.run(c);
      healthy = true;
      return result;
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      readers.giveBack(c, healthy);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException("feedback store " + description + ": " + what + " failed: " + e.getMessage(), e);
  }

  /** The writer connection with its statements prepared once. */
  private static final class Writer {
    final Connection connection;
    final PreparedStatement insert;
    final PreparedStatement addCount;

    Writer(Connection connection) throws SQLException {
      this.connection = connection;
      try {
        this.insert = connection.prepareStatement(InteractionRows.INSERT);
        this.addCount = connection.prepareStatement(ADD_COUNT);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }

    void closeQuietly() {
      JdbcInteractionStore.closeQuietly(connection); // closes the statements too
    }
  }
}
