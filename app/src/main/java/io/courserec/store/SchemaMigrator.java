package io.courserec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a schema up to the newest known {@link Migration}. Applied versions are recorded in
 * {@code schema_version(version, description, applied_at_ms)}; only missing ones run, in ascending order.
 *
 * <p>The caller runs {@link #apply} inside one transaction that it has made exclusive for the schema (SQLite:
 * {@code BEGIN IMMEDIATE}; PostgreSQL: a transaction-scoped advisory lock), so two processes starting at once
 * cannot both apply a migration: the second waits, then finds nothing to do. Both backends have transactional DDL,
 * so a failing migration leaves the schema at the previous version.
 */
final class SchemaMigrator {
  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  static final String VERSION_TABLE = "schema_version";

  private SchemaMigrator() {}

  /**
   * Applies the missing migrations on {@code c}, which must be inside an exclusive transaction the caller commits.
   *
   * @param migrations all known migrations, versions 1..n without gaps, ascending
   * @return the versions applied by this call, ascending (empty when the schema was current)
   * @throws StoreException if the schema is newer than the newest known migration (a downgrade)
   */
  static List<Integer> apply(Connection c, List<Migration> migrations) throws SQLException {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations must be numbered 1.." + migrations.size()
            + " in order; found version " + migrations.get(i).version() + " at position " + (i + 1));
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE
          + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)");
    }
    TreeSet<Integer> applied = appliedVersions(c);
    if (!applied.isEmpty() && applied.last() > migrations.size()) {
      throw new StoreException("the feedback store schema is at version " + applied.last()
          + " but this courserec knows only up to version " + migrations.size() + "; use a newer courserec");
    }
    List<Integer> done = new ArrayList<>();
    for (Migration m : migrations) {
      if (applied.contains(m.version())) continue;
      try (Statement s = c.createStatement()) {
        for (String sql : m.statements()) s.execute(sql);
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at_ms) VALUES (?, ?, ?)")) {
        p.setInt(1, m.version());
        p.setString(2, m.description());
        p.setLong(3, System.currentTimeMillis());
        p.executeUpdate();
      }
      log.info("applied feedback store migration {}: {}", m.version(), m.description());
      done.add(m.version());
    }
    return done;
  }

  /** Versions recorded in the version table (which must exist), ascending. */
  static TreeSet<Integer> appliedVersions(Connection c) throws SQLException {
    TreeSet<Integer> versions = new TreeSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + VERSION_TABLE)) {
      while (rs.next()) versions.add(rs.getInt(1));
    }
    return versions;
  }
}
