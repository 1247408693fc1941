package io.courserec.store;

/**
 * The bounds a store runs under, from the {@code store.*} configuration keys.
 *
 * @param poolSize most reader connections open at once (HikariCP pool); a reader waits for a free one at most
 *     {@code connectTimeoutMs}; the writer has its own connection on top
 * @param connectTimeoutMs longest wait for a new connection to the database, and for a free pooled one
 * @param statementTimeoutMs longest a statement may run (PostgreSQL {@code statement_timeout}, and the socket read
 *     timeout on top of it); SQLite has no such limit, a statement there is bounded by its lock wait
 * @param lockTimeoutMs longest wait for a lock (PostgreSQL {@code lock_timeout}, SQLite {@code busy_timeout})
 * @param announceChanges PostgreSQL: every append and erasure sends a {@code NOTIFY} naming its learners, in its
 *     transaction, so that other processes on the store drop what they cached about them
 *     ({@link InteractionStore#subscribe}); off only saves that work for a single server or a benchmark
 */
public record StoreSettings(int poolSize, int connectTimeoutMs, int statementTimeoutMs, int lockTimeoutMs,
                            boolean announceChanges) {
  /** The defaults of {@code config/courserec.properties}. */
  public static final StoreSettings DEFAULTS = new StoreSettings(8, 5_000, 30_000, 10_000);

  /** Settings that announce changes (the default). */
  public StoreSettings(int poolSize, int connectTimeoutMs, int statementTimeoutMs, int lockTimeoutMs) {
    this(poolSize, connectTimeoutMs, statementTimeoutMs, lockTimeoutMs, true);
  }

  public StoreSettings {
    if (poolSize < 1) throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
    if (connectTimeoutMs < 250) throw new IllegalArgumentException("connectTimeoutMs must be >= 250, got " + connectTimeoutMs);
    if (statementTimeoutMs < 1) throw new IllegalArgumentException("statementTimeoutMs must be >= 1, got " + statementTimeoutMs);
    if (lockTimeoutMs < 1) throw new IllegalArgumentException("lockTimeoutMs must be >= 1, got " + lockTimeoutMs);
  }

  /** Milliseconds rounded up to whole seconds (PostgreSQL's driver takes its socket timeouts in seconds). */
  static int seconds(int ms) {
    return (ms + 999) / 1000;
  }
}
