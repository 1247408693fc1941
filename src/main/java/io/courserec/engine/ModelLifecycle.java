package io.courserec.engine;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.progress.Progress;
import io.courserec.store.InteractionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which model version serves, and how a new one gets there: loading the latest good version at start-up (corrupt
 * or partial directories are skipped), building new ones in the background ({@link ModelBuilder}), promoting them
 * ({@code models/CURRENT}) and swapping them in, and pruning old versions (never one still open).
 *
 * <p><b>Swap.</b> The serving {@link Generation} lives in a {@link Swappable}: requests lease it, a swap publishes
 * the new generation in one step, and the old one is closed when its last request releases it. Versions that are
 * still open are never pruned.
 *
 * <p><b>Reindex</b> rebuilds the model version from the current catalog file. Course ordinals are shared by the
 * index and every CF/MF matrix, so a changed catalog cannot be re-indexed under old models; a reindex is therefore
 * a full build (catalog, stored feedback, holdout evaluation, training) that is promoted without the quality gate.
 * A retrain is the same build with the gate.
 */
final class ModelLifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

  private final Config config;
  private final ModelStore models;
  private final ErasedLearners erased;
  private final ModelBuilder builder;
  private final ErasureCompletion erasure;
  private final BackgroundJobs jobs = new BackgroundJobs();
  private final Swappable<Generation> serving;
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService scheduler;
  private volatile String notReady = "no model loaded yet";
  private volatile boolean closed;

  ModelLifecycle(Config config, InteractionStore store, ModelStore models, ErasedLearners erased) {
    this.config = config;
    this.models = models;
    this.erased = erased;
    this.builder = new ModelBuilder(config, models, store, erased);
    this.erasure = new ErasureCompletion(models, erased, () -> Set.copyOf(open));
    this.serving = new Swappable<>(g -> {
      open.remove(g.version());
      g.close();
    });
  }

  /** Leases the serving generation; {@link NotReadyException} when none is loaded. */
  Swappable.Lease<Generation> lease() {
    Swappable.Lease<Generation> l = serving.acquire();
    if (l == null) throw new NotReadyException(notReady);
    return l;
  }

  /** Leases the serving generation, or returns null when none is loaded. */
  Swappable.Lease<Generation> leaseOrNull() {
    return serving.acquire();
  }

  boolean ready() {
    return serving.peek() != null;
  }

  // ---- start-up -------------------------------------------------------------------------------------------

  /**
   * Loads the best usable version: {@code CURRENT} if it verifies and loads, else the newest promoted one that
   * does. Returns false when there is none.
   */
  boolean loadLatest() {
    List<String> strays = models.strays();
    if (!strays.isEmpty()) {
      log.warn("ignoring {} stray entries in {} (not model versions; move them elsewhere): {}", strays.size(),
          models.root(), strays.size() > 20 ? strays.subList(0, 20) + " ..." : strays);
    }
    for (Iterator<String> it = models.goodVersions().iterator(); it.hasNext(); ) {
      String v = it.next();
      Path dir = models.root().resolve(v);
      Optional<ModelManifest> m = models.readManifest(dir);
      if (m.isEmpty()) continue;
      try {
        publish(Generation.load(dir, m.get(), config));
        return true;
      } catch (IOException | RuntimeException e) {
        log.warn("model version {} verifies but cannot be loaded ({}); trying an older one", v, e.toString());
      }
    }
    log.info("no usable model version under {}", models.root());
    return false;
  }

  /**
   * Server start-up in the background: load the latest version; without one, train the first (when
   * {@code models.train_on_start}); then schedule periodic retraining if configured.
   */
  void startInBackground() {
    startInBackground(Duration.ofMinutes(config.integer(ConfigKey.RETRAIN_INTERVAL)));
  }

  /** As {@link #startInBackground()} with an explicit retrain period (zero: no periodic retraining). */
  void startInBackground(Duration retrainEvery) {
    notReady = "loading the model from " + models.root();
    jobs.execute(() -> {
      if (closed) return;
      if (loadLatest()) {
        resumeErasure();
        return;
      }
      if (config.bool(ConfigKey.TRAIN_ON_START)) {
        JobStatus j = jobs.submit("retrain", this::firstModel);
        notReady = "no trained model yet: training the first one (job " + j.id() + ")";
      } else {
        notReady = "no trained model in " + models.root() + ": POST /admin/retrain or run ./courserec train";
      }
    });
    if (retrainEvery.isZero()) return;
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "courserec-retrain-timer");
      t.setDaemon(true);
      return t;
    });
    long ms = retrainEvery.toMillis();
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        JobStatus j = startRetrain();
        log.info("periodic retrain: job {} ({})", j.id(), j.state());
      } catch (RuntimeException e) {
        log.warn("periodic retrain could not start: {}", e.getMessage());
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
    log.info("retraining every {}", retrainEvery);
  }

  private String firstModel(Progress progress) throws IOException {
    try {
      return describe(rebuild(false, progress));
    } catch (IOException | RuntimeException e) {
      notReady = "training the first model failed (" + e.getMessage() + "): fix the data and POST /admin/retrain";
      throw e;
    }
  }

  // ---- builds ---------------------------------------------------------------------------------------------

  JobStatus startRetrain() {
    return jobs.submit("retrain", progress -> describe(rebuild(true, progress)));
  }

  JobStatus startReindex() {
    return jobs.submit("reindex", progress -> describe(rebuild(false, progress)));
  }

  JobStatus job(String id) {
    return jobs.job(id);
  }

  /** The running or queued job (null when none) and the last {@code n} jobs, newest first. */
  JobList jobs(int n) {
    return new JobList(jobs.active(), jobs.recent(n));
  }

  /** A build in the calling thread (CLI); each stage goes to the log and to {@code progress}, which sees the counts. */
  ModelBuilder.Outcome rebuildNow(boolean gate, Progress progress) {
    try {
      return rebuild(gate, progress.alsoTo(log::info));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- erasure --------------------------------------------------------------------------------------------

  /**
   * Queues the completion of an erasure ({@link #completeErasure}) behind any running build (whose data may have
   * been read before the erasure); a completion already queued and not yet started is returned instead, since it
   * reads the list when it starts.
   */
  JobStatus startErasure() {
    return jobs.enqueue("erase", this::completeErasure);
  }

  /** After a start-up load: an erasure interrupted by a crash or a failed build is completed now. */
  private void resumeErasure() {
    try {
      if (!erasure.holders().isEmpty()) {
        JobStatus j = startErasure();
        log.info("model versions still hold erased learners; completing the erasure (job {})", j.id());
      }
    } catch (RuntimeException e) {
      log.error("cannot check the model versions against the erasure list: {}", e.getMessage());
    }
  }

  /**
   * Makes the erased learners leave {@code models/}: if the serving version (or {@code CURRENT}) holds one, a new
   * version is built from the data without them and promoted whatever the quality gate would say, then every other
   * version that holds one is deleted. Synchronous (the job body, and the CLI's {@code forget}).
   */
  String completeErasure(Progress progress) throws IOException {
    Generation now = serving.peek();
    String current = now != null ? now.version() : models.current().orElse(null);
    String replacement = null;
    if (current != null && erasure.holds(current)) {
      progress.stage("rebuilding without the erased learners (quality gate skipped: erasure)");
      replacement = rebuild(false, progress).manifest().version();
    }
    List<String> retired = erasure.retire(replacement);
    List<String> left = erasure.holders();
    String result = (replacement == null ? "no rebuild needed" : "rebuilt and promoted " + replacement)
        + "; retired " + (retired.isEmpty() ? "no other versions" : retired);
    if (!left.isEmpty()) throw new IllegalStateException(result + "; still holding erased learners: " + left);
    log.info("erasure complete: {}", result);
    return result;
  }

  private static String describe(ModelBuilder.Outcome o) {
    return o.manifest().version() + " " + o.decision().reason();
  }

  /** One build: evaluate, train, seal, then promote and swap unless the gate said no; prune. */
  private ModelBuilder.Outcome rebuild(boolean gate, Progress progress) throws IOException {
    Generation current = serving.peek();
    PromotionGate g = new PromotionGate(HoldoutEvaluation.gateMetric(config),
        config.number(ConfigKey.PROMOTE_MARGIN), gate);
    // compare with the serving model; a CLI build serves nothing, so with the version CURRENT names
    ModelManifest against = current != null ? current.manifest()
        : models.current().flatMap(v -> models.readManifest(models.root().resolve(v))).orElse(null);
    ModelBuilder.Outcome o = builder.build(g, against, progress);
    if (o.generation() != null) {
      try {
        models.promote(o.manifest().version());
      } catch (IOException | RuntimeException e) {
        o.generation().close();
        throw e;
      }
      publish(o.generation());
    }
    prune();
    return o;
  }

  private synchronized void publish(Generation g) {
    if (closed) {
      g.close();
      return;
    }
    open.add(g.version());
    serving.swap(g);
    log.info("serving model {} (index generation {})", g.version(), g.indexGeneration());
  }

  private void prune() {
    Set<String> inUse = new HashSet<>(open);
    Generation now = serving.peek();
    if (now != null) inUse.add(now.version());
    try {
      List<String> removed = models.prune(config.integer(ConfigKey.KEEP_VERSIONS), inUse);
      if (!removed.isEmpty()) log.info("pruned model versions {}", removed);
    } catch (IOException e) {
      log.warn("pruning old model versions failed: {}", e.getMessage());
    }
  }

  /** Every version directory, newest first, with its manifest (or a note that it is partial or corrupt). */
  List<ModelInfo> models() {
    Generation now = serving.peek();
    String current = now == null ? null : now.version();
    List<String> versions = new ArrayList<>(models.versions());
    List<ModelInfo> out = new ArrayList<>(versions.size());
    for (int i = versions.size() - 1; i >= 0; i--) {
      String v = versions.get(i);
      Optional<ModelManifest> m = models.readManifest(models.root().resolve(v));
      out.add(m.map(x -> new ModelInfo(v, v.equals(current), x.promoted(), x.createdAt(), x.dataHash(), x.configHash(),
              x.metrics(), x.timingsMs(), x.note()))
          .orElseGet(() -> new ModelInfo(v, false, false, null, null, null, Map.of(), Map.of(),
              "no manifest: a build in progress, or a partial or corrupt directory (skipped at start-up)")));
    }
    return out;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    if (scheduler != null) scheduler.shutdownNow();
    jobs.close();
    serving.clear();
  }
}
