package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.EngineStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest {@link EngineStatus} (refreshed every {@code server.status_refresh_ms} and on demand) so that
 * requests need not ask the engine for it, and empties the recommendation cache when the model version changes
 * (a swap). A response whose model version differs from the one known here triggers an immediate refresh
 * ({@link #noticeVersion}), so a swap is seen on the first request that runs on the new model, not only at the
 * next poll. A failing {@code status()} is logged and leaves the previous snapshot in place.
 */
final class EngineStatusMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EngineStatusMonitor.class);
  static final EngineStatus UNKNOWN =
      new EngineStatus(false, null, -1, 0, 0, 0, 0, null, Map.of(), Map.of());

  private final Engine engine;
  private final RecommendationCache cache;
  private final ScheduledExecutorService poller;
  private volatile EngineStatus latest = UNKNOWN;

  EngineStatusMonitor(Engine engine, RecommendationCache cache, Duration interval) {
    this.engine = engine;
    this.cache = cache;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "courserec-status");
      t.setDaemon(true);
      return t;
    });
    refresh();
    long ms = interval.toMillis();
    poller.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** The last snapshot (never null; {@link #UNKNOWN} until the engine answered once). */
  EngineStatus latest() { return latest; }

  /** The model version of the last snapshot, null before any model is loaded. */
  String modelVersion() { return latest.modelVersion(); }

  /** Asks the engine now; invalidates the cache if the model version changed. */
  synchronized EngineStatus refresh() {
    EngineStatus now;
    try {
      now = engine.status();
    } catch (RuntimeException e) {
      log.warn("engine status unavailable: {}", e.toString());
      return latest;
    }
    String before = latest.modelVersion();
    latest = now;
    if (!Objects.equals(before, now.modelVersion())) {
      cache.invalidateAll();
      if (before != null) log.info("model version changed from {} to {}; recommendation cache emptied", before, now.modelVersion());
    }
    return now;
  }

  /** Called with the model version of a fresh engine answer; refreshes when it is not the known one. */
  void noticeVersion(String modelVersion) {
    if (!Objects.equals(modelVersion, latest.modelVersion())) refresh();
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
