package io.courserec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL both backends share: the write path ({@link GroupCommitWriter}: one writer connection, transactions made
 * exclusive across processes by the backend so sequences are assigned in commit order, concurrent appends
 * committed together), a bounded HikariCP pool of reader connections ({@link StoreSettings#poolSize()}; a reader
 * waits at most {@link StoreSettings#connectTimeoutMs()} for one), schema migration at start-up, and the queries.
 * Every {@link SQLException} becomes a {@link StoreException} whose {@link StoreException.Kind} the backend derives
 * from the error code ({@link #classify}), so the API can tell a passing fault (503) from a bug (500).
 *
 * <p>Table {@code interactions}: {@code seq} (the sequence), {@code user_id}, {@code course_id}, {@code event}
 * (the {@link EventType#code()}), {@code rating}, the event time as {@code event_epoch_second} + {@code event_nano}
 * (exact {@link java.time.Instant}, both null when absent), {@code event_id} (unique per {@code user_id} when
 * present, since schema version 2) and
 * {@code received_epoch_micro}. Table {@code interaction_counts(event, n)} is updated in the same transaction as
 * the inserts, so {@link #count()} and {@link #countsByEvent()} cost O(1) however large the log grows.
 */
public abstract sealed class JdbcInteractionStore implements InteractionStore
    permits SqliteInteractionStore, PostgresInteractionStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcInteractionStore.class);

  /** Rows fetched per query when streaming; bounds memory and holds no connection between pages. */
  static final int DEFAULT_PAGE_SIZE = 5_000;

  /** Which exclusive lock a write transaction takes (PostgreSQL distinguishes them; SQLite has one). */
  enum Exclusive { APPEND, SCHEMA }

  private final String description;
  private final GroupCommitWriter writer;
  private final StoreSettings settings;
  private volatile HikariDataSource readers; // set by start(), before any read
  private volatile boolean closed;
  volatile int pageSize = DEFAULT_PAGE_SIZE; // tests shrink it to exercise paging

  JdbcInteractionStore(String description, InstantSource clock, StoreSettings settings) {
    this.description = description;
    this.settings = settings;
    this.writer = new GroupCommitWriter(this, clock);
  }

  /** The bounded reader pool; built in {@link #start()} because it needs the subclass' connection details. */
  private HikariDataSource readerPool() {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("courserec-store-readers");
    pool.setDataSource(readerSource());
    pool.setMaximumPoolSize(settings.poolSize());
    pool.setMinimumIdle(0); // no connection is opened until a read needs one, and a dead database costs none
    pool.setConnectionTimeout(settings.connectTimeoutMs());
    pool.setValidationTimeout(Math.max(250, Math.min(settings.connectTimeoutMs() - 1, 2_000)));
    pool.setInitializationFailTimeout(-1); // the writer's migration at start-up is the reachability check
    String init = readerInitSql();
    if (init != null) pool.setConnectionInitSql(init);
    return new HikariDataSource(pool);
  }

  /** The timeouts and bounds this store runs under. */
  final StoreSettings settings() { return settings; }

  /** A new connection for the single writer, with the configured timeouts. */
  abstract Connection openWriter() throws SQLException;

  /** Where the reader pool gets its connections (HikariCP adds pooling, bounds and validation). */
  abstract DataSource readerSource();

  /** A statement run once on every new reader connection (read-only mode, timeouts), or null. */
  abstract String readerInitSql();

  /** The kind of a database error, from its backend-specific code; see {@link StoreException.Kind}. */
  abstract StoreException.Kind classify(SQLException e);

  /** All migrations of this backend, versions 1..n. */
  abstract List<Migration> migrations();

  /** Starts a write transaction that excludes other writers of the same kind in every process. */
  abstract void begin(Connection c, Exclusive lock) throws SQLException;

  abstract void commit(Connection c) throws SQLException;

  abstract void rollback(Connection c) throws SQLException;

  /**
   * True if the error is a row the database refused (CHECK, NOT NULL, or a value its type cannot hold such as
   * a NUL character in PostgreSQL text), i.e. bad input rather than bad luck.
   */
  abstract boolean violatesSchema(SQLException e);

  /** Opens the writer and migrates the schema; the subclass' factory calls it once, closing the store on failure. */
  final void start() {
    readers = readerPool();
    try {
      Connection c = openWriter();
      try {
        begin(c, Exclusive.SCHEMA);
        List<Integer> applied = SchemaMigrator.apply(c, migrations());
        commit(c);
        writer.adopt(c);
        log.info("feedback store {} ready at schema version {} ({} migrations applied now)",
            description, migrations().size(), applied.size());
      } catch (SQLException | RuntimeException e) {
        try {
          rollback(c);
        } catch (SQLException ignored) {
          // no transaction active: nothing to undo
        }
        closeQuietly(c);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("opening", e);
    }
  }

  @Override
  public final AppendResult append(Interaction event) {
    return appendAll(Collections.singletonList(event));
  }

  /** Checks the call, then hands it to the group-commit writer; returns once its transaction committed. */
  @Override
  public final AppendResult appendAll(List<Interaction> events) {
    checkBatch(events);
    ensureOpen();
    if (events.isEmpty()) return AppendResult.NONE;
    return writer.append(events);
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
  public final List<StoredEvent> latestEventsOf(String userId, long afterSequence, int limit) {
    checkUserQuery(userId, afterSequence, limit);
    List<StoredEvent> newestFirst = read("latestEventsOf", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + InteractionRows.COLUMNS
          + " FROM interactions WHERE user_id = ? AND seq > ? ORDER BY seq DESC LIMIT ?")) {
        p.setString(1, userId);
        p.setLong(2, afterSequence);
        p.setInt(3, limit);
        return InteractionRows.read(p);
      }
    });
    List<StoredEvent> out = new ArrayList<>(newestFirst);
    Collections.reverse(out);
    return out;
  }

  @Override
  public final List<StoredEvent> eventsOf(String userId, long afterSequence, int limit) {
    checkUserQuery(userId, afterSequence, limit);
    return read("eventsOf", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + InteractionRows.COLUMNS
          + " FROM interactions WHERE user_id = ? AND seq > ?"
          + " ORDER BY COALESCE(event_epoch_second, received_epoch_micro / 1000000) ASC,"
          + " COALESCE(event_nano, (received_epoch_micro % 1000000) * 1000) ASC, seq ASC LIMIT ?")) {
        p.setString(1, userId);
        p.setLong(2, afterSequence);
        p.setInt(3, limit);
        return InteractionRows.read(p);
      }
    });
  }

  @Override
  public final long countOf(String userId, long afterSequence) {
    checkUserQuery(userId, afterSequence, 1);
    return read("countOf", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT COUNT(*) FROM interactions WHERE user_id = ? AND seq > ?")) {
        p.setString(1, userId);
        p.setLong(2, afterSequence);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public final Map<String, EventType> coursesWith(String userId, long afterSequence, Set<EventType> types) {
    checkUserQuery(userId, afterSequence, 1);
    if (types.isEmpty()) return Map.of();
    StringJoiner in = new StringJoiner(", ", "(", ")");
    types.forEach(t -> in.add("?"));
    return read("coursesWith", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT course_id, event FROM interactions"
          + " WHERE user_id = ? AND seq > ? AND event IN " + in)) {
        p.setString(1, userId);
        p.setLong(2, afterSequence);
        int i = 3;
        for (EventType t : types) p.setString(i++, t.code());
        Map<String, EventType> out = new java.util.HashMap<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            EventType t = InteractionRows.eventType(rs.getString(2), "for user " + userId);
            out.merge(rs.getString(1), t, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
          }
        }
        return out;
      }
    });
  }

  private static void checkUserQuery(String userId, long afterSequence, int limit) {
    if (userId == null) throw new IllegalArgumentException("userId must not be null");
    if (afterSequence < 0) throw new IllegalArgumentException("afterSequence must be >= 0, got " + afterSequence);
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
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

  /**
   * On a connection of its own (erasure is rare; the group-commit writer is left alone), under the same exclusive
   * lock appends take: count the user's events per type, subtract them from {@code interaction_counts}, delete the
   * rows; then the backend's clean-up ({@link #scrubAfterErase}).
   */
  @Override
  public final long eraseUser(String userId) {
    if (userId == null) throw new IllegalArgumentException("userId must not be null");
    ensureOpen();
    try (Connection c = openWriter()) {
      prepareErase(c);
      begin(c, Exclusive.APPEND);
      long removed = 0;
      try {
        Map<String, Long> byEvent = new java.util.HashMap<>();
        try (PreparedStatement p = c.prepareStatement(
            "SELECT event, COUNT(*) FROM interactions WHERE user_id = ? GROUP BY event")) {
          p.setString(1, userId);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) byEvent.put(rs.getString(1), rs.getLong(2));
          }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE interaction_counts SET n = n - ? WHERE event = ?")) {
          for (Map.Entry<String, Long> e : byEvent.entrySet()) {
            p.setLong(1, e.getValue());
            p.setString(2, e.getKey());
            p.executeUpdate();
          }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM interactions WHERE user_id = ?")) {
          p.setString(1, userId);
          removed = p.executeUpdate();
        }
        announce(c, StoreChangeListener.Kind.ERASURE, List.of(userId));
        commit(c);
      } catch (SQLException | RuntimeException e) {
        try {
          rollback(c);
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      scrubAfterErase(c);
      log.info("feedback store {}: erased {} events of one learner", description, removed);
      return removed;
    } catch (SQLException e) {
      throw failure("eraseUser", e);
    }
  }

  /**
   * Announces, inside the write transaction on {@code c} (so the announcement is delivered only if it commits), that
   * these learners' events changed; see {@link #subscribe}. Nothing by default (SQLite).
   */
  void announce(Connection c, StoreChangeListener.Kind kind, java.util.Collection<String> users) throws SQLException {}

  /** Releases what the backend holds besides the writer and the readers (PostgreSQL: the change listener). */
  void closeBackend() {}

  /** Sets up an erasing connection before its transaction (SQLite: overwrite deleted content). */
  void prepareErase(Connection c) throws SQLException {}

  /** After an erasure committed: remove what the backend keeps of the deleted rows outside the table. */
  void scrubAfterErase(Connection c) throws SQLException {}

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
    return new IllegalArgumentException(which + " was refused by the database (ids must be 1.." + MAX_ID_LENGTH
        + " characters of valid text); nothing of the batch was stored: " + cause.getMessage(), cause);
  }

  /** The write path (tests observe grouping through it). */
  GroupCommitWriter writer() { return writer; }

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
    writer.close(); // waits for a group in flight to commit; later calls fail
    closeBackend();
    if (readers != null) readers.close();
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

  /** A query on a pooled reader connection. */
  @FunctionalInterface
  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs a query on a pooled reader. A query that fails because its connection died (idle connections do when the
   * database restarts) is retried once on another connection; the pool evicts the dead one.
   */
  private <T> T read(String what, Query<T> q) {
    ensureOpen();
    try {
      return readOnce(q);
    } catch (SQLException first) {
      if (!(first instanceof DeadConnection)) throw failure(what, first);
      log.warn("feedback store {}: reader connection lost ({}); retrying on another one", description,
          first.getMessage());
      try {
        return readOnce(q);
      } catch (SQLException second) {
        throw failure(what, second);
      }
    }
  }

  private <T> T readOnce(Query<T> q) throws SQLException {
    try (Connection c = readers.getConnection()) {
      try {
        return q.run(c);
      } catch (SQLException e) {
        if (!c.isValid(2)) {
          readers.evictConnection(c);
          throw new DeadConnection(e);
        }
        throw e;
      }
    }
  }

  /** A query failed and its connection is no longer valid. */
  private static final class DeadConnection extends SQLException {
    DeadConnection(SQLException cause) { super(cause.getMessage(), cause.getSQLState(), cause); }
  }

  StoreException failure(String what, SQLException e) {
    StoreException.Kind kind = kindOf(e);
    return new StoreException(kind, "feedback store " + description + ": " + what + " failed ("
        + kind.name().toLowerCase(java.util.Locale.ROOT) + "): " + e.getMessage(), e);
  }

  /** The first classifiable error along the cause chain; pool timeouts are {@link StoreException.Kind#UNREACHABLE}. */
  private StoreException.Kind kindOf(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        StoreException.Kind k = classify(s);
        if (k != StoreException.Kind.FAILED) return k;
        if (s instanceof SQLTimeoutException) return StoreException.Kind.TIMEOUT;
        if (s instanceof SQLTransientConnectionException) return StoreException.Kind.UNREACHABLE;
      }
      if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
        return StoreException.Kind.UNREACHABLE;
      }
    }
    return StoreException.Kind.FAILED;
  }
}
