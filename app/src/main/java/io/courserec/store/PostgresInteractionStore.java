package io.courserec.store;

import io.courserec.catalog.Interaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared backend: a PostgreSQL database named by a URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/courserec?user=courserec&password=...}. An optional
 * {@code currentSchema=NAME} URL parameter puts the tables into that schema (created if missing), which is how
 * several deployments, or tests, share one database.
 *
 * <p><b>Durability.</b> {@link #append} returns after {@code COMMIT} returned with {@code synchronous_commit=on}
 * (set on the writer's session whatever the server default), i.e. after the WAL record is flushed to disk.
 * If the connection drops during {@code COMMIT} the outcome is unknown and the call fails; a retry with the same
 * event ids is safe.
 *
 * <p><b>Order.</b> An identity column alone gives sequences in <em>allocation</em> order, which differs from
 * commit order when transactions overlap, so an incremental reader could skip an event committed late with a
 * smaller sequence. Every append transaction therefore first takes a transaction-scoped advisory lock
 * ({@code pg_advisory_xact_lock}) keyed on the schema: appends from all processes are serialised and sequences
 * increase in commit order. The cost is that appending processes take turns; within a process, concurrent calls
 * share one transaction (group commit), which recovers the throughput. Start-up takes a second advisory lock around schema creation and migration, so servers
 * starting together against an empty database do not race.
 *
 * <p><b>Changes across processes.</b> Every append transaction (every group) and every erasure sends
 * {@code pg_notify} on channel {@code courserec_changes_<key>} (one channel per schema) naming its learners
 * ({@link ChangePayloads}); PostgreSQL delivers it to listening sessions when, and only if, the transaction commits.
 * {@link #subscribe} listens on a connection of its own ({@link PostgresChangeFeed}). {@link #tryLock} takes a
 * session-level advisory lock ({@code pg_try_advisory_lock}) on a connection of its own, held until released.
 */
public final class PostgresInteractionStore extends JdbcInteractionStore {
  /** URL prefix this backend answers to. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

  /**
   * {@code application_name} of the change listener's connection, followed by the schema (empty without one):
   * how an operator (or a test) finds it in {@code pg_stat_activity}.
   */
  public static final String LISTENER_APPLICATION = "courserec listen ";

  private static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "interactions log with per-event-type counts", List.of(
          """
          CREATE TABLE interactions (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id TEXT NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 256),
            course_id TEXT NOT NULL CHECK (char_length(course_id) BETWEEN 1 AND 256),
            event TEXT NOT NULL,
            rating DOUBLE PRECISION,
            event_epoch_second BIGINT,
            event_nano INTEGER CHECK ((event_nano IS NULL) = (event_epoch_second IS NULL)),
            event_id TEXT UNIQUE CHECK (event_id IS NULL OR char_length(event_id) BETWEEN 1 AND 256),
            received_epoch_micro BIGINT NOT NULL
          )""",
          "CREATE INDEX interactions_by_user ON interactions (user_id)",
          "CREATE TABLE interaction_counts (event TEXT PRIMARY KEY, n BIGINT NOT NULL)")),
      new Migration(2, "idempotency key (user_id, event_id) instead of event_id", List.of(
          "ALTER TABLE interactions DROP CONSTRAINT interactions_event_id_key",
          "ALTER TABLE interactions ADD CONSTRAINT interactions_user_event_id_key UNIQUE (user_id, event_id)",
          "DROP INDEX interactions_by_user",
          "CREATE INDEX interactions_by_user ON interactions (user_id, seq)")));

  private final String url;
  private final String schema; // from currentSchema, or null for the server's search_path
  private final long appendLockKey;
  private final long schemaLockKey;
  private final String scope;
  private final String channel;
  private final PostgresChangeFeed feed;

  private PostgresInteractionStore(String url, String schema, InstantSource clock, StoreSettings settings) {
    super("postgresql " + InteractionStores.maskPassword(url), clock, settings);
    this.url = url;
    this.schema = schema;
    String scope = schema == null ? "" : schema;
    this.appendLockKey = lockKey("append", scope);
    this.schemaLockKey = lockKey("schema", scope);
    this.scope = scope;
    this.channel = "courserec_changes_" + Long.toHexString(lockKey("changes", scope));
    this.feed = new PostgresChangeFeed(description(), channel, () -> openAutoCommit(LISTENER_APPLICATION + scope,
        Math.min(socketTimeoutSeconds(), PostgresChangeFeed.SOCKET_TIMEOUT_S)));
  }

  /** Opens (creating the schema and migrating if needed) the store at a {@code jdbc:postgresql:} URL. */
  public static PostgresInteractionStore open(String url) {
    return open(url, InstantSource.system(), StoreSettings.DEFAULTS);
  }

  /** Opens the store at a {@code jdbc:postgresql:} URL with the given bounds and timeouts. */
  public static PostgresInteractionStore open(String url, StoreSettings settings) {
    return open(url, InstantSource.system(), settings);
  }

  /** Opens the store with a given clock for receive times (tests). */
  static PostgresInteractionStore open(String url, InstantSource clock) {
    return open(url, clock, StoreSettings.DEFAULTS);
  }

  static PostgresInteractionStore open(String url, InstantSource clock, StoreSettings settings) {
    PostgresInteractionStore store = new PostgresInteractionStore(url, schemaOf(url), clock, settings);
    try {
      store.start();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** The first schema of the URL's {@code currentSchema} parameter, or null. */
  static String schemaOf(String url) {
    if (url == null || !url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL URL: '" + InteractionStores.maskPassword(url)
          + "' (expected " + URL_PREFIX + "//HOST[:PORT]/DATABASE)");
    }
    Properties p = org.postgresql.Driver.parseURL(url, null);
    if (p == null) {
      throw new IllegalArgumentException("malformed PostgreSQL URL: '" + InteractionStores.maskPassword(url) + "'");
    }
    String s = p.getProperty("currentSchema");
    if (s == null || s.isBlank()) return null;
    return s.split(",")[0].trim();
  }

  @Override
  Connection openWriter() throws SQLException {
    Connection c = DriverManager.getConnection(url, driverProperties());
    try (Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit TO on");
      s.execute(timeoutsSql());
      c.setAutoCommit(false);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * A new connection in auto-commit mode with the configured timeouts (listener, session locks), named
   * {@code application} in {@code pg_stat_activity} (truncated to PostgreSQL's 63 bytes).
   */
  private Connection openAutoCommit(String application, int socketTimeoutSeconds) throws SQLException {
    Properties p = driverProperties();
    p.setProperty("ApplicationName", application);
    p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
    Connection c = DriverManager.getConnection(url, p);
    try (Statement s = c.createStatement()) {
      s.execute(timeoutsSql());
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** The channel this store's change notifications use (one per schema). */
  String channel() { return channel; }

  /** The listening side, for tests and the status of the listener. */
  PostgresChangeFeed changeFeed() { return feed; }

  @Override
  void announce(Connection c, StoreChangeListener.Kind kind, java.util.Collection<String> users) throws SQLException {
    if (!settings().announceChanges() || users.isEmpty()) return;
    List<String> payloads = ChangePayloads.encode(kind, users);
    try (PreparedStatement p = c.prepareStatement("SELECT pg_notify(?, x) FROM unnest(?::text[]) AS x")) {
      p.setString(1, channel);
      p.setArray(2, c.createArrayOf("text", payloads.toArray()));
      p.executeQuery().close();
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public StoreChangeListener.Subscription subscribe(StoreChangeListener listener) {
    if (listener == null) throw new IllegalArgumentException("listener must not be null");
    return feed.subscribe(listener);
  }

  /**
   * {@code pg_try_advisory_lock} on a new connection, keyed on the purpose and the schema; the connection is kept
   * open while the lock is held (a session lock lives as long as its session) and closed on release.
   */
  @Override
  public java.util.Optional<StoreLock> tryLock(String purpose) {
    if (purpose == null || purpose.isBlank()) throw new IllegalArgumentException("purpose must not be blank");
    long key = lockKey("lock." + purpose, scope);
    Connection c = null;
    try {
      c = openAutoCommit("courserec lock " + purpose + " " + scope, socketTimeoutSeconds());
      boolean got;
      try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        p.setLong(1, key);
        try (java.sql.ResultSet rs = p.executeQuery()) {
          rs.next();
          got = rs.getBoolean(1);
        }
      }
      if (!got) {
        c.close();
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new SessionLock(c, key, purpose));
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw failure("tryLock(" + purpose + ")", e);
    }
  }

  /** A held session-level advisory lock: unlocked and its connection closed on {@link #close()}. */
  private final class SessionLock implements StoreLock {
    private final Connection connection;
    private final long key;
    private final String purpose;
    private boolean released;

    SessionLock(Connection connection, long key, String purpose) {
      this.connection = connection;
      this.key = key;
      this.purpose = purpose;
    }

    @Override
    public synchronized void close() {
      if (released) return;
      released = true;
      try (connection; PreparedStatement p = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        p.setLong(1, key);
        p.executeQuery().close();
      } catch (SQLException e) {
        // closing the session releases the lock too; only the explicit unlock failed
        org.slf4j.LoggerFactory.getLogger(PostgresInteractionStore.class).warn(
            "feedback store {}: unlocking '{}' failed ({}); the lock went with its connection", description(),
            purpose, e.getMessage());
      }
    }
  }

  @Override
  void closeBackend() {
    feed.close();
  }

  @Override
  DataSource readerSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    StoreSettings t = settings();
    ds.setConnectTimeout(StoreSettings.seconds(t.connectTimeoutMs()));
    ds.setLoginTimeout(StoreSettings.seconds(t.connectTimeoutMs()));
    ds.setSocketTimeout(socketTimeoutSeconds());
    return ds;
  }

  @Override
  String readerInitSql() { return timeoutsSql(); }

  /**
   * Connection and socket timeouts for the driver (whole seconds). The socket timeout is the statement timeout
   * plus 5 s, so a statement the server cancels reports the server's error, and a server that stops answering
   * (a hung host, a dropped network) still frees the connection.
   */
  private Properties driverProperties() {
    Properties p = new Properties();
    StoreSettings t = settings();
    p.setProperty("connectTimeout", Integer.toString(StoreSettings.seconds(t.connectTimeoutMs())));
    p.setProperty("loginTimeout", Integer.toString(StoreSettings.seconds(t.connectTimeoutMs())));
    p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds()));
    return p;
  }

  private int socketTimeoutSeconds() {
    return StoreSettings.seconds(settings().statementTimeoutMs()) + 5;
  }

  /** Session timeouts; {@code lock_timeout} also bounds the wait for the append advisory lock. */
  private String timeoutsSql() {
    return "SET statement_timeout = " + settings().statementTimeoutMs() + "; SET lock_timeout = "
        + settings().lockTimeoutMs();
  }

  /**
   * Class 08 (connection), 57P01..57P03 (shutdown, cannot connect now): unreachable; class 53 (disk full, out of
   * memory, too many connections): full; 55P03 (lock not available), 40001, 40P01: locked; 57014 (statement
   * timeout or cancel): timeout.
   */
  @Override
  StoreException.Kind classify(SQLException e) {
    String state = e.getSQLState();
    if (state == null) return StoreException.Kind.FAILED;
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
      return StoreException.Kind.UNREACHABLE;
    }
    if (state.startsWith("53")) return StoreException.Kind.FULL;
    if (state.equals("55P03") || state.equals("40001") || state.equals("40P01")) return StoreException.Kind.LOCKED;
    if (state.equals("57014")) return StoreException.Kind.TIMEOUT;
    return StoreException.Kind.FAILED;
  }

  @Override
  List<Migration> migrations() { return MIGRATIONS; }

  /** Takes the advisory lock of the given kind; for {@link Exclusive#SCHEMA} also creates the named schema. */
  @Override
  void begin(Connection c, Exclusive lock) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      p.setLong(1, lock == Exclusive.APPEND ? appendLockKey : schemaLockKey);
      p.executeQuery().close();
    }
    if (lock == Exclusive.SCHEMA && schema != null) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(schema));
      }
    }
  }

  @Override
  void commit(Connection c) throws SQLException {
    c.commit();
  }

  @Override
  void rollback(Connection c) throws SQLException {
    c.rollback();
  }

  /**
   * Sends the whole batch in one round trip ({@code executeBatch}) rather than one per event; the driver names the
   * refused event as "Batch entry N" in its message.
   */
  @Override
  int[] insertRows(PreparedStatement insert, List<Interaction> events, long receivedMicros) throws SQLException {
    try {
      for (Interaction e : events) {
        InteractionRows.bind(insert, e, receivedMicros);
        insert.addBatch();
      }
      return insert.executeBatch();
    } catch (SQLException x) {
      if (!violatesSchema(x)) throw x;
      throw refused("an event of the batch", x);
    } finally {
      insert.clearBatch();
    }
  }

  /**
   * check_violation (23514), not_null_violation (23502), or a data exception (class 22: e.g. 22021, a NUL
   * character, which PostgreSQL text cannot hold; 22P05 untranslatable character).
   */
  @Override
  boolean violatesSchema(SQLException e) {
    String state = e.getSQLState();
    return "23514".equals(state) || "23502".equals(state) || (state != null && state.startsWith("22"));
  }

  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A stable 64-bit advisory lock key: the first 8 bytes of SHA-256("courserec.feedback." + purpose + "." + scope). */
  static long lockKey(String purpose, String scope) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(("courserec.feedback." + purpose + "." + scope).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(d).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
