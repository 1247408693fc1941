package io.courserec.bench;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.store.AppendResult;
import io.courserec.store.InteractionStore;
import io.courserec.store.InteractionStores;
import io.courserec.store.StoreChangeListener;
import io.courserec.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable append throughput of the feedback store: one {@code appendAll} call (one committed transaction) per
 * operation, with {@code batchSize} events each carrying a unique event id (as the API sends them), on a fresh
 * store per trial. Events per second = reported ops/s x {@code batchSize}. Run it with the thread count as the
 * number of concurrent appenders (the HTTP server's request threads):
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main StoreAppendBenchmark -t 1
 * java -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main StoreAppendBenchmark -t 8
 * </pre>
 *
 * SQLite works in a temporary directory (on the same file system as {@code java.io.tmpdir}; use
 * {@code -Djava.io.tmpdir=...} to measure another disk). PostgreSQL uses {@code -Dcourserec.bench.pg_url=...}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) in a throw-away schema;
 * {@code -p backend=sqlite} skips it. Measured numbers are in {@code docs/store.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StoreAppendBenchmark {
  private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  @Param({"sqlite", "postgresql"})
  public String backend;

  @Param({"1", "100"})
  public int batchSize;

  /**
   * PostgreSQL: whether each transaction sends its change notification ({@code store.notify_changes}), with this
   * store listening as a replica would; {@code -p notify=true,false} measures its cost. No effect on SQLite.
   */
  @Param({"true"})
  public boolean notify;

  private final AtomicLong nextEvent = new AtomicLong();
  private InteractionStore store;
  private Path dir;
  private String pgUrl;
  private String schema;

  @Setup(Level.Trial)
  public void open() throws IOException {
    if (backend.equals("sqlite")) {
      dir = Files.createTempDirectory("courserec-store-bench");
      store = InteractionStores.open("jdbc:sqlite:" + dir.resolve("feedback.db"));
    } else {
      pgUrl = System.getProperty("courserec.bench.pg_url", DEFAULT_PG_URL);
      schema = "courserec_bench_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
      store = InteractionStores.open(pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
          new StoreSettings(8, 5_000, 30_000, 10_000, notify));
      if (notify) store.subscribe(new StoreChangeListener() {
        @Override
        public void learnersChanged(Kind kind, List<String> userIds) { }

        @Override
        public void everythingChanged(String reason) { }
      });
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException, SQLException {
    store.close();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Benchmark
  public AppendResult append() {
    List<Interaction> batch = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      long n = nextEvent.getAndIncrement();
      batch.add(new Interaction("user" + (n % 10_000), "course" + (n % 1_000), EventType.VIEW, null, null, "ev" + n));
    }
    return store.appendAll(batch);
  }
}
