package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one schema, as two replicas hold them: what one commits, the other's listener hears (and only what
 * commits); a listener whose connection is killed reconnects and says everything may have changed; the store lock
 * is held by one of them at a time. Each test in a fresh schema; skipped when no PostgreSQL is reachable.
 */
class PostgresChangeFeedTest {
  /** Generous bound on a notification's trip on localhost (measured in milliseconds, see docs/replicas.md). */
  private static final long WAIT_S = 10;

  private String server;
  private String schema;
  private PostgresInteractionStore a;
  private PostgresInteractionStore b;
  private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

  @BeforeEach
  void open() throws Exception {
    server = PostgresTestDatabase.assumeReachable();
    schema = PostgresTestDatabase.freshSchema();
    a = PostgresInteractionStore.open(PostgresTestDatabase.withSchema(server, schema));
    b = PostgresInteractionStore.open(PostgresTestDatabase.withSchema(server, schema));
    b.subscribe(new StoreChangeListener() {
      @Override
      public void learnersChanged(Kind kind, List<String> userIds) { heard.add(kind + " " + userIds); }

      @Override
      public void everythingChanged(String reason) { heard.add("ALL"); }
    });
    assertThat(next()).as("the first LISTEN tells 'everything' (nothing was heard before it)").isEqualTo("ALL");
  }

  @AfterEach
  void close() throws Exception {
    if (a != null) a.close();
    if (b != null) b.close();
    if (schema != null) PostgresTestDatabase.dropSchema(server, schema);
  }

  private String next() throws InterruptedException {
    String s = heard.poll(WAIT_S, TimeUnit.SECONDS);
    assertThat(s).as("a change heard within " + WAIT_S + " s").isNotNull();
    return s;
  }

  private static Interaction view(String user, String course) {
    return Interaction.of(user, course, EventType.VIEW);
  }

  @Test
  void committedAppendsAndErasuresAreHeardAndRefusedOnesAreNot() throws Exception {
    a.appendAll(List.of(view("u1", "c1"), view("u2", "c1"), view("u1", "c2")));
    assertThat(next()).isEqualTo("FEEDBACK [u1, u2]");

    // a batch the schema refuses (id too long) stores nothing and announces nothing; the next append is heard alone
    try {
      a.appendAll(List.of(view("u3", "c1"), view("x".repeat(300), "c1")));
    } catch (IllegalArgumentException expected) {
      // refused, as the contract says
    }
    a.append(view("u4", "c1"));
    assertThat(next()).isEqualTo("FEEDBACK [u4]");

    // a repeated event id stores nothing new: no notification either
    a.append(new Interaction("u5", "c1", EventType.VIEW, null, null, "e1"));
    assertThat(next()).isEqualTo("FEEDBACK [u5]");
    a.append(new Interaction("u5", "c1", EventType.VIEW, null, null, "e1"));
    a.eraseUser("u1");
    assertThat(next()).isEqualTo("ERASURE [u1]");
    a.eraseUser("never-seen"); // the erasure list changed even if the store held nothing of them
    assertThat(next()).isEqualTo("ERASURE [never-seen]");
    assertThat(heard).isEmpty();
    assertThat(b.changeFeed().notifications()).isEqualTo(5);
  }

  @Test
  void aBulkAppendTooLargeToListIsHeardAsEverything() throws Exception {
    List<Interaction> bulk = new ArrayList<>();
    // 4,000 ids of 100 characters: about 412 kB as JSON, more than 32 notifications of 7,900 bytes (253 kB)
    for (int i = 0; i < 4_000; i++) bulk.add(view(String.format("%04d", i) + "x".repeat(96), "c1"));
    a.appendAll(bulk);
    assertThat(next()).isEqualTo("ALL");
  }

  @Test
  void aKilledListenerReconnectsAndSaysEverythingChanged() throws Exception {
    assertThat(b.changeFeed().connections()).isEqualTo(1);
    assertThat(terminateListeners()).isEqualTo(1);
    assertThat(next()).as("on finding the connection broken").isEqualTo("ALL");
    assertThat(next()).as("on listening again").isEqualTo("ALL");
    assertThat(b.changeFeed().connections()).isEqualTo(2);
    assertThat(b.changeFeed().failures()).isEqualTo(1);
    a.append(view("u9", "c1"));
    assertThat(next()).as("listening again after the reconnect").isEqualTo("FEEDBACK [u9]");
  }

  @Test
  void theStoreLockIsHeldByOneProcessAtATimeAndFreedWhenItsSessionEnds() throws Exception {
    Optional<StoreLock> first = a.tryLock("retrain");
    assertThat(first).isPresent();
    assertThat(b.tryLock("retrain")).as("held by the other store").isEmpty();
    assertThat(a.tryLock("retrain")).as("held by this store's other caller too").isEmpty();
    assertThat(b.tryLock("reindex")).as("another purpose is another lock").isPresent().get().satisfies(StoreLock::close);
    first.get().close();
    first.get().close(); // idempotent
    Optional<StoreLock> second = b.tryLock("retrain");
    assertThat(second).isPresent();
    // a holder that dies (its session ends) frees the lock
    assertThat(PostgresTestDatabase.terminateSessions(server, "courserec lock retrain " + schema)).isEqualTo(1);
    EngineWait.until(() -> a.tryLock("retrain").map(l -> { l.close(); return true; }).orElse(false),
        Duration.ofSeconds(WAIT_S), "the lock of a terminated session to be free");
    second.get().close(); // its connection is gone: logged, no exception
  }

  /** Terminates the change listeners of this test's schema; returns how many. */
  private int terminateListeners() throws Exception {
    return PostgresTestDatabase.terminateSessions(server, PostgresInteractionStore.LISTENER_APPLICATION + schema);
  }

  /** Polls a condition; the deadline turns a hang into a failure. */
  private static final class EngineWait {
    static void until(java.util.function.BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
        Thread.sleep(50);
      }
    }
  }
}
