package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
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
  void schemaAndLockKeysComeFromTheUrl() {
    assertThat(PostgresInteractionStore.schemaOf("jdbc:postgresql://h/db?user=u&currentSchema=a,b")).isEqualTo("a");
    assertThat(PostgresInteractionStore.schemaOf("jdbc:postgresql://h/db")).isNull();
    // keys differ by purpose and by schema, so separate deployments in one database do not serialise each other
    assertThat(PostgresInteractionStore.lockKey("append", "a")).isNotEqualTo(PostgresInteractionStore.lockKey("schema", "a"))
        .isNotEqualTo(PostgresInteractionStore.lockKey("append", "b"))
        .isEqualTo(PostgresInteractionStore.lockKey("append", "a"));
  }
}
