package io.courserec.engine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run as a separate JVM by {@link SqliteLockedStoreIT}: another process holding the SQLite file's write lock.
 * Opens {@code jdbc:sqlite:args[0]}, runs {@code BEGIN EXCLUSIVE}, prints {@code LOCKED}, and holds the lock until
 * a line arrives on stdin (or stdin closes), then rolls back and exits.
 */
public final class LockHoldingChild {
  private LockHoldingChild() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      System.out.println("LOCKED");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      s.execute("ROLLBACK");
    }
  }
}
