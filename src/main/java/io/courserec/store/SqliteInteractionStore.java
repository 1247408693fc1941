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
import org.sqlite.SQLiteConfig;
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
 * waits up to {@link #BUSY_TIMEOUT_MS} instead of failing half-way; sequences ({@code INTEGER PRIMARY KEY
 * AUTOINCREMENT}, never reused) therefore increase in commit order. Readers use their own {@code query_only}
 * connections. In-memory databases are refused: readers could not see the writer's data.
 */
public final class SqliteInteractionStore extends JdbcInteractionStore {
  /** URL prefix this backend answers to. */
  public static final String URL_PREFIX = "jdbc:sqlite:";
  /** How long a connection waits for another process' lock before failing. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

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
          "CREATE TABLE interaction_counts (event TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT")));

  private final String url;

  private SqliteInteractionStore(String url, Path file, InstantSource clock) {
    super("sqlite " + file, clock);
    this.url = url;
  }

  /** Opens (creating and migrating if needed) the store at {@code jdbc:sqlite:FILE}. */
  public static SqliteInteractionStore open(String url) {
    return open(url, InstantSource.system());
  }

  /** Opens the store in {@code file}. */
  public static SqliteInteractionStore open(Path file) {
    return open(URL_PREFIX + file);
  }

  /** Opens the store with a given clock for receive times (tests). */
  static SqliteInteractionStore open(String url, InstantSource clock) {
    Path file = databaseFile(url);
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of the feedback store " + file, e);
    }
    SqliteInteractionStore store = new SqliteInteractionStore(url, file, clock);
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
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // autocommit stays on: transactions are explicit BEGIN IMMEDIATE / COMMIT, so no lock is held between appends
    return config.createConnection(url);
  }

  @Override
  Connection openReader() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection c = config.createConnection(url);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA query_only = true");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
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
