package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version bookkeeping of {@link SchemaMigrator} on a bare SQLite file, transactions driven as the stores do. */
class SchemaMigratorTest {
  private static final Migration M1 = new Migration(1, "table a", List.of("CREATE TABLE a (x INTEGER)"));
  private static final Migration M2 = new Migration(2, "table b", List.of("CREATE TABLE b (y INTEGER)"));
  private static final Migration M3 = new Migration(3, "table c", List.of("CREATE TABLE c (z INTEGER)"));

  @TempDir
  Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"));
  }

  private static List<Integer> migrate(Connection c, List<Migration> migrations) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        List<Integer> applied = SchemaMigrator.apply(c, migrations);
        s.execute("COMMIT");
        return applied;
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  @Test
  void appliesOnlyMissingVersionsInOrder() throws SQLException {
    try (Connection c = connect()) {
      assertThat(migrate(c, List.of(M1, M2))).containsExactly(1, 2);
      assertThat(migrate(c, List.of(M1, M2))).isEmpty();
      assertThat(migrate(c, List.of(M1, M2, M3))).containsExactly(3);
      assertThat(SchemaMigrator.appliedVersions(c)).containsExactly(1, 2, 3);
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT description FROM schema_version WHERE version = 3")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("table c");
      }
    }
  }

  @Test
  void failingMigrationLeavesThePreviousVersion() throws SQLException {
    Migration broken = new Migration(2, "b then a again", List.of("CREATE TABLE b (y INTEGER)",
        "CREATE TABLE a (x INTEGER)")); // a exists: fails after b was created
    try (Connection c = connect()) {
      migrate(c, List.of(M1));
      assertThatThrownBy(() -> migrate(c, List.of(M1, broken))).isInstanceOf(SQLException.class)
          .hasMessageContaining("already exists");
      assertThat(SchemaMigrator.appliedVersions(c)).containsExactly(1);
      assertThat(migrate(c, List.of(M1, M2))).containsExactly(2); // b was rolled back with the failed attempt
    }
  }

  @Test
  void newerSchemaThanTheCodeKnowsIsRefused() throws SQLException {
    try (Connection c = connect()) {
      migrate(c, List.of(M1, M2));
      assertThatThrownBy(() -> migrate(c, List.of(M1))).isInstanceOf(StoreException.class)
          .hasMessageContaining("at version 2").hasMessageContaining("only up to version 1");
    }
  }

  @Test
  void migrationsMustBeNumberedWithoutGaps() throws SQLException {
    try (Connection c = connect()) {
      assertThatThrownBy(() -> migrate(c, List.of(M1, M3))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("version 3 at position 2");
    }
  }

  @Test
  void storeOpeningADatabaseFromTheFutureFailsWithoutTouchingIt() throws SQLException {
    Path file = dir.resolve("store.db");
    SqliteInteractionStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version (version, description, applied_at_ms) VALUES (3, 'from the future', 0)");
    }
    assertThatThrownBy(() -> SqliteInteractionStore.open(file)).isInstanceOf(StoreException.class)
        .hasMessageContaining("schema is at version 3");
  }
}
