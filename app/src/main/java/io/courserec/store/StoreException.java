package io.courserec.store;

/**
 * The feedback store could not do its job (database unreachable, disk full, schema newer than this program).
 * When an append throws it, nothing of that call was stored, unless the failure hit the commit itself and the
 * outcome is unknown; retrying with the same event ids is then safe, because appends are idempotent by
 * (user id, event id). {@link #kind()} says whether the fault is passing ({@link Kind#LOCKED}, {@link Kind#FULL},
 * {@link Kind#UNREACHABLE}, {@link Kind#TIMEOUT}: the API answers 503 with {@code Retry-After}) or not
 * ({@link Kind#FAILED}: a bug or a broken installation, 500).
 */
public final class StoreException extends RuntimeException {
  /** What went wrong, as far as the database's error code tells. */
  public enum Kind {
    /** Another transaction or process holds the lock (SQLite BUSY/LOCKED, PostgreSQL 55P03, 40001, 40P01). */
    LOCKED(1),
    /** No space (SQLite FULL, PostgreSQL class 53: disk full, out of memory, too many connections). */
    FULL(30),
    /** The database cannot be reached or is shutting down (PostgreSQL class 08, 57P01..57P03; SQLite I/O, CANTOPEN). */
    UNREACHABLE(5),
    /** A statement, lock wait or pool checkout ran past its configured timeout (PostgreSQL 57014). */
    TIMEOUT(2),
    /** Anything else: not known to pass by itself. */
    FAILED(0);

    private final int retryAfterSeconds;

    Kind(int retryAfterSeconds) { this.retryAfterSeconds = retryAfterSeconds; }

    /** True for faults that pass by themselves, worth a retry by the client. */
    public boolean isTransient() { return this != FAILED; }

    /** A suggested wait before retrying, in seconds; 0 for {@link #FAILED}. */
    public int retryAfterSeconds() { return retryAfterSeconds; }
  }

  private final Kind kind;

  public StoreException(String message, Throwable cause) { this(Kind.FAILED, message, cause); }

  public StoreException(String message) { this(Kind.FAILED, message, null); }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() { return kind; }
}
