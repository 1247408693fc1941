package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, each test with its own file in a temporary directory. */
class SqliteInteractionStoreTest extends LearnerKeyContract {
  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("nested/feedback.db"); // the parent directory does not exist yet: open creates it
  }

  @Override
  JdbcInteractionStore open(InstantSource clock) {
    return SqliteInteractionStore.open(SqliteInteractionStore.URL_PREFIX + file(), clock);
  }

  @Override
  void resetLocation() throws Exception {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file() + suffix));
    }
  }

  /**
   * Three stores opening one fresh file at once, 150 times: the switch to WAL used to fail now and then with
   * SQLITE_BUSY (SQLite does not call the busy handler there); a stress run of 400 rounds on a loaded 2-core machine
   * failed 5–7 times before the retry and never after it. Unloaded, the old code rarely failed, so this test mostly
   * guards the retry under CI's load.
   */
  @Test
  void threeProcessesOpeningAFreshFileAtOnceAllSucceed() throws Exception {
    store.close();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 150; round++) {
        String url = SqliteInteractionStore.URL_PREFIX + dir.resolve("round-" + round + "/feedback.db");
        java.util.List<java.util.concurrent.Callable<JdbcInteractionStore>> opens = java.util.Collections.nCopies(3,
            () -> SqliteInteractionStore.open(url, InstantSource.system()));
        for (java.util.concurrent.Future<JdbcInteractionStore> f : pool.invokeAll(opens)) f.get().close();
      }
    } finally {
      pool.shutdownNow();
    }
    store = open(InstantSource.system());
  }

  @Test
  void fileIsInWalModeAndTheWriterSyncsFully() throws Exception {
    store.append(view("u", "c", null));
    assertThat(file()).isRegularFile();
    try (Connection c = DriverManager.getConnection(SqliteInteractionStore.URL_PREFIX + file());
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal"); // persistent in the file
    }
    // synchronous is per connection: read it through the store's own writer settings
    try (Connection c = ((SqliteInteractionStore) store).openWriter();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2); // 2 = FULL
    }
  }

  @Test
  void anEmbeddedStoreCoordinatesNothing() {
    // one serving process: no change notifications, the lock always granted (also while "held"), not shared
    java.util.List<String> heard = new java.util.ArrayList<>();
    try (StoreChangeListener.Subscription s = store.subscribe(new StoreChangeListener() {
      @Override
      public void learnersChanged(Kind kind, java.util.List<String> userIds) { heard.add(kind + " " + userIds); }

      @Override
      public void everythingChanged(String reason) { heard.add("ALL"); }
    })) {
      store.append(view("u", "c", null));
      store.eraseUser("u");
    }
    assertThat(heard).isEmpty();
    assertThat(store.shared()).isFalse();
    try (StoreLock first = store.tryLock("retrain").orElseThrow()) {
      assertThat(store.tryLock("retrain")).isPresent();
    }
  }

  @Test
  void databaseFileIsResolvedFromTheUrl() {
    assertThat(SqliteInteractionStore.databaseFile("jdbc:sqlite:data/feedback.db"))
        .isEqualTo(Path.of("data/feedback.db").toAbsolutePath());
    assertThat(SqliteInteractionStore.databaseFile("jdbc:sqlite:/tmp/x.db?busy_timeout=5"))
        .isEqualTo(Path.of("/tmp/x.db"));
    assertThat(SqliteInteractionStore.databaseFile("jdbc:sqlite:file:/tmp/y.db")).isEqualTo(Path.of("/tmp/y.db"));
  }
}
