package io.courserec.store;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Durable, append-only log of feedback events: what the API writes on {@code POST /feedback}, what the service
 * reads per request (a user's history since the last training) and what {@code retrain} streams in full.
 *
 * <p><b>Durability.</b> When {@link #append} or {@link #appendAll} returns, its events are committed: they
 * survive a crash of this process (and, for SQLite with {@code synchronous=FULL} and PostgreSQL with
 * {@code synchronous_commit=on}, of the machine). The API answers 201 only after that.
 *
 * <p><b>Atomicity and idempotency.</b> A batch is one transaction: all of it is stored or none. An event with a
 * non-null {@link Interaction#eventId()} is stored at most once per learner: the key is (user id, event id), so two
 * learners may use the same event id and both events are kept. Repeating a key with the same course, event type
 * and rating (later, or within the same batch) is not an error but is reported in
 * {@link AppendResult#duplicateEventIds()}; repeating it with a different one of those is refused with
 * {@link EventIdConflictException} naming the first differing field (the timestamp is not compared: a client that
 * omits it gets "now", which differs on every retry).
 *
 * <p><b>Order.</b> Every stored event gets a {@link StoredEvent#sequence() sequence} that increases in commit
 * order, and a server receive time. {@link #eventsSince} in sequence order is therefore an exact incremental feed:
 * remember {@link #lastSequence()} at training time and read what came after.
 *
 * <p><b>Validation</b> (known course, rating range, plausible timestamp) is the caller's job. The store itself
 * rejects with {@link IllegalArgumentException}, storing nothing of the call: a null list or event, a non-finite
 * rating, ids that are empty or longer than {@link #MAX_ID_LENGTH} characters (checked by the schema), and values
 * the database cannot hold (a NUL character in PostgreSQL). Infrastructure failures raise {@link StoreException}
 * with a {@link StoreException.Kind}.
 *
 * <p>Implementations are safe for any number of concurrent callers.
 */
public interface InteractionStore extends AutoCloseable {
  /** Longest user, course or event id the schema accepts, in characters. */
  int MAX_ID_LENGTH = 256;

  /** Stores one event; see the class comment for the guarantees. */
  AppendResult append(Interaction event);

  /** Stores a batch atomically in one transaction; an empty batch is a no-op returning {@link AppendResult#NONE}. */
  AppendResult appendAll(List<Interaction> events);

  /**
   * Every event of one user in time order: events without a timestamp first, then by timestamp, ties by sequence
   * (the convention temporal splits use). Empty for an unknown user.
   */
  List<StoredEvent> eventsOf(String userId);

  /**
   * The first {@code limit} events of one user with a sequence greater than {@code afterSequence}, in time order
   * where an event without a timestamp counts at its receive time (as training and the history do), ties by
   * sequence; one page of a learner's history without reading all of it.
   */
  List<StoredEvent> eventsOf(String userId, long afterSequence, int limit);

  /** How many events of one user have a sequence greater than {@code afterSequence}. */
  long countOf(String userId, long afterSequence);

  /**
   * The {@code limit} most recent events (by sequence) of one user with a sequence greater than
   * {@code afterSequence}, returned oldest first: the bounded input of one recommendation.
   */
  List<StoredEvent> latestEventsOf(String userId, long afterSequence, int limit);

  /**
   * Every course on which the user has an event of one of {@code types} with a sequence greater than
   * {@code afterSequence}, with the strongest such type (the latest in {@link EventType} order); at most one
   * entry per course, so the answer is bounded by the catalog however many events the learner sent.
   */
  Map<String, EventType> coursesWith(String userId, long afterSequence, Set<EventType> types);

  /**
   * Events with a sequence greater than {@code afterSequence}, in sequence order, up to the {@link #lastSequence()}
   * at the time of this call (events appended while the stream is consumed are not included, so the stream ends).
   * Read lazily in pages; no database resources are held between pages, so the stream need not be closed and may
   * be consumed slowly. Infrastructure failures surface as {@link StoreException} from the terminal operation.
   */
  Stream<StoredEvent> eventsSince(long afterSequence);

  /** Every stored event in sequence order; {@code eventsSince(0)}. */
  default Stream<StoredEvent> all() { return eventsSince(0); }

  /** Number of stored events (duplicates not counted); O(1). */
  long count();

  /** Stored events per event type, every type present (0 for none); O(number of types). */
  Map<EventType, Long> countsByEvent();

  /** Largest sequence committed so far, 0 for an empty store. */
  long lastSequence();

  /**
   * Erases every stored event of one user (a learner's right to be forgotten) in one exclusive transaction, with the
   * per-event-type counts adjusted; returns the number of events removed (0 for an unknown user). Afterwards no
   * query returns them, and the SQLite backend has overwritten the deleted rows and emptied its write-ahead log, so
   * the id is no longer in the database files (PostgreSQL keeps dead rows in its data files until vacuum reuses the
   * space, and in its WAL and backups for their retention). Events of the user appended later are stored normally.
   */
  long eraseUser(String userId);

  /**
   * True when several serving processes may share this store (PostgreSQL), so that {@link #subscribe} and
   * {@link #tryLock} coordinate them; false for an embedded store with one serving process (SQLite, the default).
   */
  default boolean shared() {
    return false;
  }

  /**
   * Registers a listener for changes committed by any process sharing this store (this one included): which
   * learners' events were appended or erased, or that changes may have been missed; see
   * {@link StoreChangeListener}. PostgreSQL delivers them through {@code LISTEN/NOTIFY} on a connection of its own,
   * within milliseconds of the commit. The default, and SQLite's answer, calls nothing: an embedded store has one
   * serving process, which knows its own changes.
   */
  default StoreChangeListener.Subscription subscribe(StoreChangeListener listener) {
    if (listener == null) throw new IllegalArgumentException("listener must not be null");
    return () -> { };
  }

  /**
   * Tries to take the lock named {@code purpose} among every process sharing this store, without waiting: empty
   * when another process (or another caller in this one) holds it. PostgreSQL: a session-level advisory lock on a
   * connection of its own, released on {@link StoreLock#close()} or when that session ends. The default, and
   * SQLite's answer, always grants it: an embedded store has one serving process.
   *
   * @param purpose a short name of the work the lock guards, e.g. {@code retrain}
   * @throws StoreException if the database cannot be asked
   */
  default java.util.Optional<StoreLock> tryLock(String purpose) {
    if (purpose == null || purpose.isBlank()) throw new IllegalArgumentException("purpose must not be blank");
    return java.util.Optional.of(() -> { });
  }

  /** Backend and location for logs and status pages, with any password masked. */
  String description();

  /** Releases connections; idempotent. Calls after close throw {@link IllegalStateException}. */
  @Override
  void close();
}
