package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL, each test in a fresh schema of database {@code test}; skipped with a message
 * when no server is reachable (see {@link PostgresTestDatabase}).
 */
class PostgresInteractionStoreTest extends LearnerKeyContract {
  private String server;
  private String schema;

  @Override
  @BeforeEach
  void openStore() {
    server = PostgresTestDatabase.assumeReachable();
    schema = PostgresTestDatabase.freshSchema();
    super.openStore();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (store != null) store.close(); // before the superclass' @AfterEach, which runs after this one
    if (schema != null) PostgresTestDatabase.dropSchema(server, schema);
  }

  @Override
  JdbcInteractionStore open(InstantSource clock) {
    return PostgresInteractionStore.open(PostgresTestDatabase.withSchema(server, schema), clock);
  }

  @Override
  void resetLocation() throws Exception {
    PostgresTestDatabase.dropSchema(server, schema);
  }

  @Test
  void tablesLiveInTheSchemaNamedByTheUrl() throws Exception {
    store.append(view("u", "c", null));
    try (Connection c = DriverManager.getConnection(server);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
             + schema + "' ORDER BY table_name")) {
      StringBuilder names = new StringBuilder();
      while (rs.next()) names.append(rs.getString(1)).append(' ');
      assertThat(names.toString().trim()).isEqualTo("interaction_counts interactions schema_version");
    }
  }

  @Test
  void reconnectsTransparentlyAfterTheServerDroppedItsConnections() throws Exception {
    store.close();
    String application = "app_" + schema; // names this store's connections, and only them
    store = PostgresInteractionStore.open(PostgresTestDatabase.withSchema(server, schema)
        + "&ApplicationName=" + application, InstantSource.system());
    store.append(view("u", "c1", null));
    assertThat(store.count()).isEqualTo(1); // a reader connection is now idle in the pool

    try (Connection c = DriverManager.getConnection(server);
         PreparedStatement kill = c.prepareStatement(
             "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?");
         PreparedStatement alive = c.prepareStatement(
             "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      kill.setString(1, application);
      alive.setString(1, application);
      try (ResultSet rs = kill.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2); // the writer and at least one reader
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (int n = -1; n != 0 && System.nanoTime() < deadline; Thread.sleep(20)) {
        try (ResultSet rs = alive.executeQuery()) {
          rs.next();
          n = rs.getInt(1);
        }
      }
    }

    assertThat(store.append(view("u", "c2", null))).isEqualTo(new AppendResult(1, List.of()));
    assertThat(store.count()).isEqualTo(2);
    assertThat(store.eventsOf("u")).extracting(e -> e.interaction().courseId()).containsExactly("c1", "c2");
  }

  @Test
  void aValueThatFailsAtTheDatabaseFailsOnlyItsOwnCallInAGroupCommit() throws Exception {
    // A NUL character passes the store's own checks (validation is the API's job, bypassed here) but PostgreSQL
    // text cannot hold it: the server refuses it with 22021. The first call's transaction waits in the clock until
    // three more calls are queued; they commit as one group with the middle one carrying the NUL.
    String nul = "c\u0000x";
    assertThatThrownBy(() -> store.append(view("lone", nul, null))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused by the database");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch queued = new CountDownLatch(1);
    reopenGated(entered, queued);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<AppendResult> first = pool.submit(() -> store.append(view("a", "c1", "a1")));
      entered.await();
      Future<AppendResult> b = pool.submit(() -> store.appendAll(List.of(view("b", "c1", "b1"), view("b", "c2", "b2"))));
      while (store.writer().queued() != 1) Thread.onSpinWait();
      Future<AppendResult> bad = pool.submit(() -> store.appendAll(List.of(view("x", "c1", null), view("x", nul, null))));
      while (store.writer().queued() != 2) Thread.onSpinWait();
      Future<AppendResult> d = pool.submit(() -> store.append(view("d", "c1", "d1")));
      while (store.writer().queued() != 3) Thread.onSpinWait();
      long before = store.writer().transactions();
      queued.countDown();

      assertThat(first.get()).isEqualTo(new AppendResult(1, List.of()));
      assertThat(b.get()).isEqualTo(new AppendResult(2, List.of())); // acknowledged: committed
      assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refused by the database");
      assertThat(d.get()).isEqualTo(new AppendResult(1, List.of()));
      assertThat(store.writer().transactions() - before).isEqualTo(2); // {first}, {b, bad, d}
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.all().map(e -> e.interaction().userId() + "/" + e.interaction().courseId()))
        .containsExactly("a/c1", "b/c1", "b/c2", "d/c1"); // nothing of x, not even its valid first event
  }

  @Test
  void schemaAndLockKeysComeFromTheUrl() {
    assertThat(PostgresInteractionStore.schemaOf("jdbc:postgresql://h/db?user=u&currentSchema=a,b")).isEqualTo("a");
    assertThat(PostgresInteractionStore.schemaOf("jdbc:postgresql://h/db")).isNull();
    // keys differ by purpose and by schema, so separate deployments in one database do not serialise each other
    assertThat(PostgresInteractionStore.lockKey("append", "a"))
        .isNotEqualTo(PostgresInteractionStore.lockKey("schema", "a"))
        .isNotEqualTo(PostgresInteractionStore.lockKey("append", "b"))
        .isEqualTo(PostgresInteractionStore.lockKey("append", "a"));
  }
}
