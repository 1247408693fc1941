package io.courserec.bench;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.store.InteractionStore;
import io.courserec.store.InteractionStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bytes a feedback event costs in the store (table, its indexes and the event counts; PostgreSQL also its TOAST and
 * free-space maps), for {@code docs/scale.md}: appends {@code N} generated events through the real store
 * ({@link InteractionStores}, batches of 1,000, client event ids as a client would send them) into a fresh
 * PostgreSQL schema and a fresh SQLite file, then reads the sizes (after {@code VACUUM ANALYZE} / {@code VACUUM}).
 * Learner and course ids look like the generator's ({@code U0001234}, {@code C00123}); a fifth of the events carry a
 * rating.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/courserec-bench.jar io.courserec.bench.StoreSizePerEvent \
 *   [events=1000000] [jdbc:postgresql://127.0.0.1:5432/test]
 * </pre>
 */
public final class StoreSizePerEvent {
  private StoreSizePerEvent() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String pg = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/test";
    String schema = "scale_probe_" + Long.toString(System.currentTimeMillis(), 36);
    try (Connection c = DriverManager.getConnection(pg, "postgres", null); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String pgUrl = pg + (pg.contains("?") ? "&" : "?") + "user=postgres&currentSchema=" + schema;
    Path dir = Files.createTempDirectory("store-size-");
    String sqliteUrl = "jdbc:sqlite:" + dir.resolve("feedback.db");
    try {
      for (String url : List.of(pgUrl, sqliteUrl)) {
        long t0 = System.nanoTime();
        try (InteractionStore store = InteractionStores.open(url)) {
          append(store, n);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = url.startsWith("jdbc:sqlite:") ? sqliteBytes(dir.resolve("feedback.db")) : postgresBytes(pgUrl);
        System.out.printf(Locale.ROOT, "%-10s %,d events in %.1f s (%,.0f events/s in batches of 1,000): %,d bytes, %.1f bytes/event%n",
            url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql", n, seconds, n / seconds, bytes, (double) bytes / n);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(pg, "postgres", null); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
      Files.deleteIfExists(dir.resolve("feedback.db-wal"));
      Files.deleteIfExists(dir.resolve("feedback.db-shm"));
      Files.deleteIfExists(dir.resolve("feedback.db"));
      Files.deleteIfExists(dir);
    }
  }

  private static void append(InteractionStore store, int n) {
    SplittableRandom r = new SplittableRandom(42);
    EventType[] types = EventType.values();
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    List<Interaction> batch = new ArrayList<>(1000);
    for (int i = 0; i < n; i++) {
      EventType e = types[r.nextInt(types.length)];
      Double rating = e == EventType.RATE ? (double) (1 + r.nextInt(5)) : null;
      batch.add(new Interaction(String.format(Locale.ROOT, "U%07d", r.nextInt(1_000_000)),
          String.format(Locale.ROOT, "C%05d", r.nextInt(10_000)), e, rating, t.plusSeconds(i),
          "ev-" + Integer.toString(i, 36)));
      if (batch.size() == 1000) {
        store.appendAll(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) store.appendAll(batch);
  }

  private static long postgresBytes(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE interactions");
      long total = 0;
      try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
          + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r')")) {
        rs.next();
        total = rs.getLong(1);
      }
      return total;
    }
  }

  private static long sqliteBytes(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("VACUUM");
    }
    return Files.size(db);
  }
}
