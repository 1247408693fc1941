package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InteractionStore} backend must show, run once per backend by a subclass that says how
 * to open a store at a location fixed for the duration of one test (a fresh file, a fresh PostgreSQL schema).
 * Sequences start at 1 on a fresh store in both backends, which is why tests can name them exactly.
 */
abstract class InteractionStoreContract {
  /** Receive time every test store reports unless a test says otherwise; stored truncated to microseconds. */
  static final Instant RECEIVED = Instant.parse("2025-01-02T03:04:05.678901234Z");
  static final Instant RECEIVED_STORED = Instant.parse("2025-01-02T03:04:05.678901Z");

  JdbcInteractionStore store;

  /** Opens (creating or migrating) the store at this test's location. */
  abstract JdbcInteractionStore open(InstantSource clock);

  @BeforeEach
  void openStore() {
    store = open(InstantSource.fixed(RECEIVED));
  }

  @AfterEach
  void closeStore() {
    if (store != null) store.close();
  }

  static Interaction view(String user, String course, String eventId) {
    return new Interaction(user, course, EventType.VIEW, null, null, eventId);
  }

  static Interaction at(String user, String course, String time) {
    return new Interaction(user, course, EventType.VIEW, null, time == null ? null : Instant.parse(time), null);
  }

  @Test
  void roundTripKeepsEveryField() {
    Interaction rated = new Interaction("u1", "c1", EventType.RATE, 4.5,
        Instant.parse("2024-03-01T10:15:30.123456789Z"), "e-1");
    Interaction bare = Interaction.of("u1", "c2", EventType.VIEW);
    Interaction ancient = new Interaction("u1", "c3", EventType.COMPLETE, null, Instant.parse("1969-12-31T23:59:59.5Z"),
        null);

    assertThat(store.append(rated)).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.append(bare)).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.append(ancient)).isEqualTo(new AppendResult(1, List.of()));

    // time order: no timestamp first, then 1969 before 2024; sequences in append order
    assertThat(store.eventsOf("u1")).containsExactly(
        new StoredEvent(2, RECEIVED_STORED, bare),
        new StoredEvent(3, RECEIVED_STORED, ancient),
        new StoredEvent(1, RECEIVED_STORED, rated));
    assertThat(store.eventsOf("nobody")).isEmpty();
  }

  @Test
  void eventsOfSortsByTimeWithUntimedFirstAndTiesBySequence() {
    store.appendAll(List.of(
        at("u", "a", "2024-01-01T10:00:00Z"),  // seq 1
        at("u", "b", null),                    // seq 2
        at("u", "c", "2024-01-01T09:00:00Z"),  // seq 3
        at("other", "x", null),                // seq 4, another user
        at("u", "d", null),                    // seq 5
        at("u", "e", "2024-01-01T10:00:00Z"))); // seq 6, same time as seq 1
    assertThat(store.eventsOf("u")).extracting(StoredEvent::sequence).containsExactly(2L, 5L, 3L, 1L, 6L);
    assertThat(store.eventsOf("other")).extracting(StoredEvent::sequence).containsExactly(4L);
  }

  @Test
  void eventsSinceStreamsInSequenceOrderAcrossPagesUpToTheLastSequenceAtCallTime() {
    store.pageSize = 3; // 7 events = pages of 3, 3, 1
    for (int i = 1; i <= 7; i++) store.append(view("u" + (i % 2), "c" + i, null));

    assertThat(store.all().map(StoredEvent::sequence)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(store.eventsSince(4).map(e -> e.interaction().courseId())).containsExactly("c5", "c6", "c7");
    assertThat(store.eventsSince(6).map(StoredEvent::sequence)).containsExactly(7L);
    assertThat(store.eventsSince(7)).isEmpty();
    assertThat(store.eventsSince(100)).isEmpty();

    Stream<StoredEvent> snapshot = store.eventsSince(5);
    store.append(view("late", "c8", null)); // seq 8, after the stream was created
    assertThat(snapshot.map(StoredEvent::sequence)).containsExactly(6L, 7L);
    assertThat(store.lastSequence()).isEqualTo(8);
    assertThatThrownBy(() -> store.eventsSince(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyStoreIsEmpty() {
    assertThat(store.count()).isZero();
    assertThat(store.lastSequence()).isZero();
    assertThat(store.all()).isEmpty();
    assertThat(store.countsByEvent()).hasSize(EventType.values().length).allSatisfy((t, n) -> assertThat(n).isZero());
    assertThat(store.appendAll(List.of())).isEqualTo(AppendResult.NONE);
    assertThat(store.lastSequence()).isZero();
  }

  @Test
  void batchWithAnEventTheSchemaRefusesStoresNothing() {
    store.append(view("u", "before", null));
    String tooLong = "x".repeat(InteractionStore.MAX_ID_LENGTH + 1);
    List<Interaction> batch = List.of(view("u", "c1", "b-1"), view("u", "c2", "b-2"), view(tooLong, "c3", "b-3"));

    assertThatThrownBy(() -> store.appendAll(batch)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused by the database").hasMessageContaining("nothing of the batch was stored")
        .hasMessageMatching("(?s).*(event|Batch entry) 2 .*"); // SQLite names it; PostgreSQL's driver does
    assertThatThrownBy(() -> store.appendAll(List.of(view("u", "c4", null), view("u", "", null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageMatching("(?s).*(event|Batch entry) 1 .*");

    assertThat(store.count()).isEqualTo(1);
    assertThat(store.countsByEvent().get(EventType.VIEW)).isEqualTo(1);
    assertThat(store.eventsOf("u")).extracting(e -> e.interaction().courseId()).containsExactly("before");
    // the refused batch's event ids were not recorded either: the same events now go in
    assertThat(store.appendAll(batch.subList(0, 2))).isEqualTo(new AppendResult(2, List.of()));
    // boundary: exactly MAX_ID_LENGTH characters is accepted
    String longest = "y".repeat(InteractionStore.MAX_ID_LENGTH);
    assertThat(store.append(view(longest, longest, longest)).inserted()).isEqualTo(1);
    assertThat(store.count()).isEqualTo(4);
  }

  @Test
  void nullsAndNonFiniteRatingsAreRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> store.append(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event 0 of the batch is null");
    assertThatThrownBy(() -> store.appendAll(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.appendAll(Arrays.asList(view("u", "c", null), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event 1 of the batch is null");
    Interaction nan = new Interaction("u", "c", EventType.RATE, Double.NaN, null, null);
    assertThatThrownBy(() -> store.append(nan)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> store.eventsOf(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.count()).isZero();
    assertThat(store.lastSequence()).isZero();
  }

  @Test
  void repeatedEventIdIsStoredOnceAndReportedAsDuplicate() {
    assertThat(store.append(view("u", "c1", "k1"))).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.append(view("u", "c1", "k1"))).isEqualTo(new AppendResult(0, List.of("k1")));

    // within one batch: u's k2 twice with the same body (a duplicate), v's k2 is another learner's key (stored),
    // events without id never clash, u's k1 again with the same body (a duplicate of the first call)
    AppendResult r = store.appendAll(List.of(
        view("u", "c2", "k2"), view("u", "c3", "k3"), view("v", "c9", "k2"), view("u", "c2", "k2"),
        view("u", "c4", null), view("u", "c4", null), view("u", "c1", "k1")));
    assertThat(r).isEqualTo(new AppendResult(5, List.of("k2", "k1")));
    assertThat(r.received()).isEqualTo(7);

    assertThat(store.count()).isEqualTo(6);
    assertThat(store.eventsOf("v")).extracting(e -> e.interaction().courseId()).containsExactly("c9");
    assertThat(store.eventsOf("u")).extracting(e -> e.interaction().courseId())
        .containsExactly("c1", "c2", "c3", "c4", "c4");
  }

  @Test
  void countsPerEventTypeFollowTheLogAndSkipDuplicates() {
    store.appendAll(List.of(view("u", "a", "v1"), view("u", "b", null), view("v", "a", null),
        new Interaction("u", "a", EventType.RATE, 2.0, null, null),
        new Interaction("u", "a", EventType.ENROLL, null, null, null),
        new Interaction("v", "b", EventType.ENROLL, null, null, null)));
    store.append(view("u", "a", "v1")); // duplicate, not counted

    Map<EventType, Long> counts = store.countsByEvent();
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(EventType.VIEW, 3L, EventType.BOOKMARK, 0L,
        EventType.ENROLL, 2L, EventType.COMPLETE, 0L, EventType.RATE, 1L, EventType.DISMISS, 0L));
    assertThat(store.count()).isEqualTo(6);
    assertThat(store.lastSequence()).isEqualTo(6);
  }

  @Test
  void eightConcurrentAppendersAreAllStoredWithUniqueIncreasingSequences() throws Exception {
    int threads = 8;
    int rounds = 25; // per thread: 25 single appends + 25 batches of 3 = 100 events
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String user = "t" + t;
        work.add(() -> {
          for (int i = 0; i < rounds; i++) {
            store.append(view(user, "single" + i, user + "-s" + i));
            store.appendAll(List.of(view(user, "batch" + i, user + "-b" + i + "-0"),
                view(user, "batch" + i, user + "-b" + i + "-1"), view(user, "batch" + i, user + "-b" + i + "-2")));
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(work)) f.get();
    } finally {
      pool.shutdownNow();
    }

    List<StoredEvent> all = store.all().toList();
    assertThat(all).hasSize(threads * rounds * 4);
    assertThat(store.count()).isEqualTo(threads * rounds * 4);
    List<Long> sequences = all.stream().map(StoredEvent::sequence).toList();
    assertThat(sequences).doesNotHaveDuplicates().isSorted();
    assertThat(all.stream().map(e -> e.interaction().eventId()).distinct()).hasSize(threads * rounds * 4);
    for (int t = 0; t < threads; t++) {
      // each thread's own appends were sequential, so its events carry increasing sequences in its order
      String user = "t" + t;
      List<StoredEvent> mine = all.stream().filter(e -> e.interaction().userId().equals(user)).toList();
      assertThat(mine).hasSize(rounds * 4);
      assertThat(mine.get(0).interaction().courseId()).isEqualTo("single0");
      assertThat(mine.getLast().interaction().courseId()).isEqualTo("batch" + (rounds - 1));
    }
    // a batch is one transaction: its three events are adjacent in the sequence
    for (int i = 0; i < all.size(); i++) {
      String id = all.get(i).interaction().eventId();
      if (id.endsWith("-0")) {
        String prefix = id.substring(0, id.length() - 1);
        assertThat(all.get(i + 1).interaction().eventId()).isEqualTo(prefix + "1");
        assertThat(all.get(i + 2).interaction().eventId()).isEqualTo(prefix + "2");
      }
    }
  }

  @Test
  void callsQueuedDuringACommitShareTheNextTransactionYetSucceedOrFailAlone() throws Exception {
    // The first call's transaction reads the clock, which waits until three more calls are queued behind it;
    // those three are then committed as one group, the middle one carrying an event the schema refuses.
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch queued = new CountDownLatch(1);
    reopenGated(entered, queued);
    String tooLong = "x".repeat(InteractionStore.MAX_ID_LENGTH + 1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<AppendResult> first = pool.submit(() -> store.append(view("a", "c1", "a1")));
      entered.await(); // the first call is in its transaction, the queue empty
      Future<AppendResult> b = pool.submit(() -> store.appendAll(List.of(view("b", "c1", "b1"), view("b", "c1", "b1"))));
      while (store.writer().queued() != 1) Thread.onSpinWait();
      Future<AppendResult> c = pool.submit(() -> store.appendAll(List.of(view("c", "c1", "c1"), view(tooLong, "c2", null))));
      while (store.writer().queued() != 2) Thread.onSpinWait();
      Future<AppendResult> d = pool.submit(() -> store.append(view("d", "c1", "c1")));
      while (store.writer().queued() != 3) Thread.onSpinWait();
      long before = store.writer().transactions();
      queued.countDown();

      assertThat(first.get()).isEqualTo(new AppendResult(1, List.of()));
      assertThat(b.get()).isEqualTo(new AppendResult(1, List.of("b1"))); // b's second b1: same course, duplicate
      assertThatThrownBy(c::get).hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refused by the database");
      assertThat(d.get()).isEqualTo(new AppendResult(1, List.of())); // c1 of the refused call was rolled back
      assertThat(store.writer().transactions() - before).isEqualTo(2); // {first}, {b, c, d}
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.all().map(e -> e.interaction().userId() + "/" + e.interaction().courseId()))
        .containsExactly("a/c1", "b/c1", "d/c1");
    assertThat(store.countsByEvent().get(EventType.VIEW)).isEqualTo(3);
  }

  @Test
  void twoStoresOnTheSameDatabaseShareOneOrderedLog() throws Exception {
    try (JdbcInteractionStore second = open(InstantSource.system())) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<Void>> work = List.of(
            () -> { for (int i = 0; i < 40; i++) store.append(view("a", "c" + i, "a" + i)); return null; },
            () -> { for (int i = 0; i < 40; i++) second.append(view("b", "c" + i, "b" + i)); return null; });
        for (Future<Void> f : pool.invokeAll(work)) f.get();
      } finally {
        pool.shutdownNow();
      }
      // the same event id through the other store is still a duplicate
      assertThat(second.append(view("a", "c0", "a0"))).isEqualTo(new AppendResult(0, List.of("a0")));
      assertThat(second.count()).isEqualTo(80);
      assertThat(store.all().map(StoredEvent::sequence).toList()).doesNotHaveDuplicates().isSorted().hasSize(80)
          .isEqualTo(second.all().map(StoredEvent::sequence).toList());
    }
  }

  @Test
  void reopeningKeepsEveryEventAndContinuesTheSequence() {
    store.appendAll(List.of(view("u", "c1", "k1"),
        new Interaction("u", "c2", EventType.RATE, 3.0, Instant.parse("2024-05-05T05:05:05Z"), null)));
    store.append(new Interaction("w", "c3", EventType.DISMISS, null, null, "k3"));
    List<StoredEvent> before = store.all().toList();
    Map<EventType, Long> countsBefore = store.countsByEvent();
    store.close();

    store = open(InstantSource.fixed(RECEIVED.plusSeconds(60)));
    assertThat(store.all().toList()).isEqualTo(before);
    assertThat(store.countsByEvent()).isEqualTo(countsBefore);
    assertThat(store.append(view("u", "c1", "k1"))).isEqualTo(new AppendResult(0, List.of("k1")));
    store.append(view("u", "c4", null));
    StoredEvent last = store.all().toList().getLast();
    assertThat(last.interaction().courseId()).isEqualTo("c4");
    assertThat(last.sequence()).isGreaterThan(3);
    assertThat(last.receivedAt()).isEqualTo(RECEIVED_STORED.plusSeconds(60));
  }

  @Test
  void migrationRunsOnceAndIsRecorded() {
    assertThat(store.schemaVersions()).containsExactly(1, 2);
    store.close();
    // version 1 creates its tables without IF NOT EXISTS: running it again would fail the open
    store = open(InstantSource.system());
    store.close();
    store = open(InstantSource.system());
    assertThat(store.schemaVersions()).containsExactly(1, 2);
  }

  @Test
  void concurrentStartUpOnAFreshDatabaseMigratesOnce() throws Exception {
    store.close();
    resetLocation();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<JdbcInteractionStore> opened = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Callable<JdbcInteractionStore>> starts = Collections.nCopies(3, () -> open(InstantSource.system()));
      for (Future<JdbcInteractionStore> f : pool.invokeAll(starts)) opened.add(f.get());
      for (JdbcInteractionStore s : opened) assertThat(s.schemaVersions()).containsExactly(1, 2);
      opened.get(0).append(view("u", "c", "only"));
      Set<Long> seen = new HashSet<>();
      for (JdbcInteractionStore s : opened) seen.add(s.count());
      assertThat(seen).containsExactly(1L);
    } finally {
      pool.shutdownNow();
      for (JdbcInteractionStore s : opened) s.close();
    }
    store = open(InstantSource.system());
  }

  /**
   * Reopens the store with a clock that, when a transaction reads it, counts {@code entered} down and then waits
   * for {@code queued}: the first append holds the writer until the test has queued the calls it wants grouped.
   */
  void reopenGated(CountDownLatch entered, CountDownLatch queued) {
    store.close();
    store = open(() -> {
      entered.countDown();
      try {
        queued.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return RECEIVED;
    });
  }

  /** Removes this test's database so the next {@link #open} starts from nothing. */
  abstract void resetLocation() throws Exception;

  @Test
  void closedStoreRefusesCallsAndCloseIsIdempotent() {
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(view("u", "c", null))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.count()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.eventsOf("u")).isInstanceOf(IllegalStateException.class);
  }
}
