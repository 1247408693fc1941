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
 */
public final class PostgresInteractionStore extends JdbcInteractionStore {
  /** URL prefix this backend answers to. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

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
          "CREATE TABLE interaction_counts (event TEXT PRIMARY KEY, n BIGINT NOT NULL)")));

  private final String url;
  private final String schema; // from currentSchema, or null for the server's search_path
  private final long appendLockKey;
  private final long schemaLockKey;

  private PostgresInteractionStore(String url, String schema, InstantSource clock) {
    super("postgresql " + InteractionStores.maskPassword(url), clock);
    this.url = url;
    this.schema = schema;
    String scope = schema == null ? "" : schema;
    this.appendLockKey = lockKey("append", scope);
    this.schemaLockKey = lockKey("schema", scope);
  }

  /** Opens (creating the schema and migrating if needed) the store at a {@code jdbc:postgresql:} URL. */
  public static PostgresInteractionStore open(String url) {
    return open(url, InstantSource.system());
  }

  /** Opens the store with a given clock for receive times (tests). */
  static PostgresInteractionStore open(String url, InstantSource clock) {
    PostgresInteractionStore store = new PostgresInteractionStore(url, schemaOf(url), clock);
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
    Connection c = DriverManager.getConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit TO on");
      c.setAutoCommit(false);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  Connection openReader() throws SQLException {
    return DriverManager.getConnection(url);
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

  /** check_violation (23514) or not_null_violation (23502). */
  @Override
  boolean violatesSchema(SQLException e) {
    return "23514".equals(e.getSQLState()) || "23502".equals(e.getSQLState());
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
