package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL, each test in a fresh schema of database {@code test}; skipped with a message
 * when no server is reachable (see {@link PostgresTestDatabase}).
 */
class PostgresInteractionStoreTest extends InteractionStoreContract {
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
