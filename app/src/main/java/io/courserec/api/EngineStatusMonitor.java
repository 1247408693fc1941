package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.EngineStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest {@link EngineStatus}, refreshed in the background every {@code server.status_refresh_ms}, so
 * that requests and probes never ask the engine (and so the store) themselves: {@code /health}, {@code /ready} and
 * {@code /metrics} read {@link #latest()} and answer at once even while the store hangs. Empties the
 * recommendation cache when the model version changes (a swap). A response whose model version differs from the
 * one known here schedules an immediate background refresh ({@link #noticeVersion}), so a swap is seen on the
 * first request that runs on the new model, not only at the next poll.
 *
 * <p><b>Deadline.</b> A refresh that fails (the engine throws) leaves the previous snapshot in place; one that hangs
 * (a PostgreSQL that stopped answering, until the configured timeouts fire) leaves it too. Either way the snapshot
 * ages: once the last completed refresh is older than {@code server.status_deadline_ms}, {@link #storeProblem}
 * reports the store down ("no answer within ..."), whatever the old snapshot said.
 */
final class EngineStatusMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EngineStatusMonitor.class);
  static final EngineStatus UNKNOWN =
      new EngineStatus(false, null, -1, 0, 0, 0, 0, null, Map.of(), Map.of());

  private final Engine engine;
  private final RecommendationCache cache;
  private final ScheduledExecutorService poller;
  private final long deadlineNanos;
  private final LongSupplier nanoClock;
  private final AtomicBoolean refreshQueued = new AtomicBoolean();
  private volatile EngineStatus latest = UNKNOWN;
  private volatile long completedNanos;

  EngineStatusMonitor(Engine engine, RecommendationCache cache, Duration interval, Duration deadline) {
    this(engine, cache, interval, deadline, System::nanoTime);
  }

  EngineStatusMonitor(Engine engine, RecommendationCache cache, Duration interval, Duration deadline,
                      LongSupplier nanoClock) {
    this.engine = engine;
    this.cache = cache;
    this.deadlineNanos = deadline.toNanos();
    this.nanoClock = nanoClock;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "courserec-status");
      t.setDaemon(true);
      return t;
    });
    completedNanos = nanoClock.getAsLong();
    refresh(); // once at start-up, before the server listens
    long ms = interval.toMillis();
    poller.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** The last snapshot (never null; {@link #UNKNOWN} until the engine answered once). Never blocks. */
  EngineStatus latest() { return latest; }

  /** The model version of the last snapshot, null before any model is loaded. */
  String modelVersion() { return latest.modelVersion(); }

  /**
   * Why the store counts as down, or null when it answered in the last refresh and that refresh completed within
   * the deadline. Never blocks.
   */
  String storeProblem() {
    long age = nanoClock.getAsLong() - completedNanos;
    if (age > deadlineNanos) {
      return "no status answer within " + TimeUnit.NANOSECONDS.toMillis(deadlineNanos)
          + " ms (last one " + TimeUnit.NANOSECONDS.toMillis(age) + " ms ago); the store may be hanging";
    }
    return latest.storeFault();
  }

  /** Asks the engine now, in the calling thread; invalidates the cache if the model version changed. */
  synchronized EngineStatus refresh() {
    EngineStatus now;
    try {
      now = engine.status();
    } catch (RuntimeException e) {
      log.warn("engine status unavailable: {}", e.toString());
      return latest;
    }
    completedNanos = nanoClock.getAsLong();
    if (now.storeFault() != null && latest.storeFault() == null) log.warn("feedback store down: {}", now.storeFault());
    if (now.storeFault() == null && latest.storeFault() != null) log.info("feedback store answers again");
    String before = latest.modelVersion();
    latest = now;
    if (!Objects.equals(before, now.modelVersion())) {
      cache.invalidateAll();
      if (before != null) log.info("model version changed from {} to {}; recommendation cache emptied", before, now.modelVersion());
    }
    return now;
  }

  /** Called with the model version of a fresh engine answer; schedules a background refresh when it is new. */
  void noticeVersion(String modelVersion) {
    if (Objects.equals(modelVersion, latest.modelVersion()) || !refreshQueued.compareAndSet(false, true)) return;
    try {
      poller.execute(() -> {
        refreshQueued.set(false);
        refresh();
      });
    } catch (RejectedExecutionException e) {
      refreshQueued.set(false); // shutting down
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
