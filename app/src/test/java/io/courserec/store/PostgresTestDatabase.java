package io.courserec.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server PostgreSQL tests use: {@code COURSEREC_TEST_PG_URL} if set, else database {@code test} on
 * 127.0.0.1:5432 as user {@code postgres}, then {@code root} (trust authentication). Each test works in a schema
 * of its own, created by the store and dropped afterwards, so tests never see each other's rows. Public for the
 * engine's replica tests.
 */
public final class PostgresTestDatabase {
  private static final List<String> CANDIDATES = List.of(
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3",
      "jdbc:postgresql://127.0.0.1:5432/test?user=root&connectTimeout=3");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static Optional<String> base;
  private static String failure = "";

  private PostgresTestDatabase() {}

  /** A reachable server's URL (without schema), or the test is skipped with a message saying what was tried. */
  public static synchronized String assumeReachable() {
    if (base == null) {
      base = probe();
      if (base.isEmpty()) System.err.println("PostgreSQL store tests skipped: no server reachable (" + failure + ")");
    }
    Assumptions.assumeTrue(base.isPresent(), () -> "PostgreSQL not reachable, skipping PostgreSQL store tests ("
        + failure + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    return base.get();
  }

  private static Optional<String> probe() {
    String configured = System.getenv("COURSEREC_TEST_PG_URL");
    for (String url : configured != null ? List.of(configured) : CANDIDATES) {
      try (Connection c = DriverManager.getConnection(url)) {
        return Optional.of(url);
      } catch (SQLException e) {
        failure += InteractionStores.maskPassword(url) + ": " + e.getMessage() + "; ";
      }
    }
    return Optional.empty();
  }

  /** A schema name no other test uses. */
  public static String freshSchema() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "courserec_test_" + HexFormat.of().formatHex(b);
  }

  public static String withSchema(String url, String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Terminates ({@code pg_terminate_backend}) every session with this {@code application_name}; returns how many. */
  public static int terminateSessions(String url, String applicationName) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); java.sql.PreparedStatement p = c.prepareStatement(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
      p.setString(1, applicationName);
      int n = 0;
      try (java.sql.ResultSet rs = p.executeQuery()) {
        while (rs.next()) if (rs.getBoolean(1)) n++;
      }
      return n;
    }
  }

  public static void dropSchema(String url, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PostgresInteractionStore.quoteIdentifier(schema) + " CASCADE");
    }
  }
}
