package io.courserec.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded default: one SQLite file (URL {@code jdbc:sqlite:data/feedback.db}; the parent directory is
 * created), plus its {@code -wal} and {@code -shm} companions while open.
 *
 * <p><b>Durability choice.</b> The file runs in WAL mode with {@code synchronous=FULL}: every commit appends to the
 * write-ahead log and fsyncs it before {@code COMMIT} returns, so an acknowledged event survives a crash of the
 * process and of the machine (power loss). {@code synchronous=NORMAL}, the usual WAL setting, fsyncs only at
 * checkpoints: it survives a process crash but may lose the last commits on power loss, which would break "201
 * means durable". The cost is one fsync per append call, which bounds single-event appends to the disk's fsync
 * rate; batching and group commit (concurrent calls share one transaction) amortise it (see
 * {@code docs/store.md} for measured numbers). WAL lets readers run while the writer commits.
 *
 * <p><b>Concurrency.</b> One writer connection serves every thread of this process (SQLite allows one writer per
 * file anyway). Each append is {@code BEGIN IMMEDIATE ... COMMIT}, which takes
 * the file's write lock up front, so another process writing the same file (e.g. an import while the server runs)
 * waits up to {@code store.lock_timeout_ms} ({@code busy_timeout}) instead of failing half-way, and then fails with
 * {@link StoreException.Kind#LOCKED}; sequences ({@code INTEGER PRIMARY KEY AUTOINCREMENT}, never reused)
 * therefore increase in commit order. Readers use their own {@code query_only} connections from a bounded pool.
 * In-memory databases are refused: readers could not see the writer's data.
 *
 * <p><b>Schema version 2</b> makes the idempotency key (user_id, event_id) instead of event_id alone. SQLite
 * cannot drop a column's UNIQUE constraint, so the migration rebuilds the table (copying every row with its
 * sequence, and the AUTOINCREMENT high-water mark so sequences are still never reused).
 */
public final class SqliteInteractionStore extends JdbcInteractionStore {
  /** URL prefix this backend answers to. */
  public static final String URL_PREFIX = "jdbc:sqlite:";
  private static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "interactions log with per-event-type counts", List.of(
          """
          CREATE TABLE interactions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 256),
            course_id TEXT NOT NULL CHECK (length(course_id) BETWEEN 1 AND 256),
            event TEXT NOT NULL,
            rating REAL,
            event_epoch_second INTEGER,
            event_nano INTEGER CHECK ((event_nano IS NULL) = (event_epoch_second IS NULL)),
            event_id TEXT UNIQUE CHECK (event_id IS NULL OR length(event_id) BETWEEN 1 AND 256),
            received_epoch_micro INTEGER NOT NULL
          ) STRICT""",
          "CREATE INDEX interactions_by_user ON interactions (user_id)",
          "CREATE TABLE interaction_counts (event TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT")),
      new Migration(2, "idempotency key (user_id, event_id) instead of event_id", List.of(
          """
          CREATE TABLE interactions_v2 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL CHECK (length(user_id) BETWEEN 1 AND 256),
            course_id TEXT NOT NULL CHECK (length(course_id) BETWEEN 1 AND 256),
            event TEXT NOT NULL,
            rating REAL,
            event_epoch_second INTEGER,
            event_nano INTEGER CHECK ((event_nano IS NULL) = (event_epoch_second IS NULL)),
            event_id TEXT CHECK (event_id IS NULL OR length(event_id) BETWEEN 1 AND 256),
            received_epoch_micro INTEGER NOT NULL,
            UNIQUE (user_id, event_id)
          ) STRICT""",
          "INSERT INTO interactions_v2 SELECT * FROM interactions ORDER BY seq",
          "DELETE FROM sqlite_sequence WHERE name = 'interactions_v2'",
          "INSERT INTO sqlite_sequence (name, seq) SELECT 'interactions_v2', seq FROM sqlite_sequence"
              + " WHERE name = 'interactions'",
          "DROP TABLE interactions",
          "ALTER TABLE interactions_v2 RENAME TO interactions",
          "CREATE INDEX interactions_by_user ON interactions (user_id, seq)")));

  private final String url;

  private SqliteInteractionStore(String url, Path file, InstantSource clock, StoreSettings settings) {
    super("sqlite " + file, clock, settings);
    this.url = url;
  }

  /** Opens (creating and migrating if needed) the store at {@code jdbc:sqlite:FILE}. */
  public static SqliteInteractionStore open(String url) {
    return open(url, InstantSource.system(), StoreSettings.DEFAULTS);
  }

  /** Opens the store at {@code jdbc:sqlite:FILE} with the given bounds. */
  public static SqliteInteractionStore open(String url, StoreSettings settings) {
    return open(url, InstantSource.system(), settings);
  }

  /** Opens the store in {@code file}. */
  public static SqliteInteractionStore open(Path file) {
    return open(URL_PREFIX + file);
  }

  /** Opens the store with a given clock for receive times (tests). */
  static SqliteInteractionStore open(String url, InstantSource clock) {
    return open(url, clock, StoreSettings.DEFAULTS);
  }

  static SqliteInteractionStore open(String url, InstantSource clock, StoreSettings settings) {
    Path file = databaseFile(url);
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of the feedback store " + file, e);
    }
    SqliteInteractionStore store = new SqliteInteractionStore(url, file, clock, settings);
    try {
      store.start();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** The database file named by a {@code jdbc:sqlite:} URL, absolute; in-memory databases are refused. */
  public static Path databaseFile(String url) {
    if (url == null || !url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException("not a SQLite URL: '" + url + "' (expected " + URL_PREFIX + "FILE)");
    }
    String rest = url.substring(URL_PREFIX.length());
    int query = rest.indexOf('?');
    if (query >= 0) rest = rest.substring(0, query);
    if (rest.startsWith("file:")) rest = rest.substring("file:".length());
    if (rest.isBlank() || rest.contains(":memory:") || url.contains("mode=memory")) {
      throw new IllegalArgumentException("in-memory SQLite is not supported for the feedback store ('" + url
          + "'): it would not be durable; name a file, e.g. " + URL_PREFIX + "data/feedback.db");
    }
    return Path.of(rest).toAbsolutePath().normalize();
  }

  @Override
  Connection openWriter() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(settings().lockTimeoutMs());
    // autocommit stays on: transactions are explicit BEGIN IMMEDIATE / COMMIT, so no lock is held between appends
    Connection c = config.createConnection(url);
    try {
      switchToWal(c);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * {@code PRAGMA journal_mode=WAL}, retried until {@code store.lock_timeout_ms}: when several processes open a fresh
   * file at once, SQLite answers the switch with SQLITE_BUSY at once, without calling the busy handler (it would
   * deadlock waiting), so the busy timeout alone does not cover it (seen as a rare failure of
   * {@code InteractionStoreContract.concurrentStartUpOnAFreshDatabaseMigratesOnce}: 5–7 of 400 rounds of three
   * concurrent opens on a loaded machine; none after this).
   */
  private void switchToWal(Connection c) throws SQLException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(settings().lockTimeoutMs());
    for (int attempt = 0; ; attempt++) {
      try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA journal_mode=WAL")) {
        String mode = rs.next() ? rs.getString(1) : "";
        if (!"wal".equalsIgnoreCase(mode)) throw new SQLException("could not switch " + url + " to WAL (journal mode " + mode + ")");
        return;
      } catch (SQLiteException e) {
        if (classify(e) != StoreException.Kind.LOCKED || System.nanoTime() > deadline) throw e;
        try {
          Thread.sleep(Math.min(100, 5L << Math.min(attempt, 4)) + java.util.concurrent.ThreadLocalRandom.current().nextInt(5));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Override
  DataSource readerSource() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(settings().lockTimeoutMs());
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return ds;
  }

  @Override
  String readerInitSql() { return "PRAGMA query_only = true"; }

  /** BUSY and LOCKED (and their extended codes) are a lock; FULL is no space; I/O and open errors unreachable. */
  @Override
  StoreException.Kind classify(SQLException e) {
    if (!(e instanceof SQLiteException s)) return StoreException.Kind.FAILED;
    String name = s.getResultCode().name();
    if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) return StoreException.Kind.LOCKED;
    if (name.equals("SQLITE_FULL")) return StoreException.Kind.FULL;
    if (name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_READONLY")) {
      return StoreException.Kind.UNREACHABLE;
    }
    return StoreException.Kind.FAILED;
  }

  @Override
  List<Migration> migrations() { return MIGRATIONS; }

  @Override
  void begin(Connection c, Exclusive lock) throws SQLException {
    execute(c, "BEGIN IMMEDIATE"); // one write lock per file serves both kinds
  }

  @Override
  void commit(Connection c) throws SQLException {
    execute(c, "COMMIT");
  }

  @Override
  void rollback(Connection c) throws SQLException {
    execute(c, "ROLLBACK");
  }

  /** {@code secure_delete}: the deleted rows' bytes (table and index pages, freed pages) are overwritten with zeros. */
  @Override
  void prepareErase(Connection c) throws SQLException {
    execute(c, "PRAGMA secure_delete = ON");
  }

  /**
   * The write-ahead log still holds the pages as they were before the erasure (and as first written); a
   * {@code TRUNCATE} checkpoint copies the current pages into the database file and empties the log.
   */
  @Override
  void scrubAfterErase(Connection c) throws SQLException {
    execute(c, "PRAGMA wal_checkpoint(TRUNCATE)");
  }

  @Override
  boolean violatesSchema(SQLException e) {
    return e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK
        || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
