package io.courserec.engine;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.progress.Progress;
import io.courserec.store.InteractionStore;
import io.courserec.store.StoreLock;
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
import java.util.function.Consumer;
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
 *
 * <p><b>Replicas</b> (several servers on one models directory and one PostgreSQL store): every
 * {@code models.poll_interval_ms} a server reads {@code CURRENT} and, when it names a version other than the one
 * serving, verifies, loads and swaps it in ({@link #pickUpPromoted}), so a version promoted by another replica or
 * by the CLI serves everywhere within about one poll plus its load time. A scheduled retrain
 * ({@code models.retrain_interval_minutes}) first takes the store's {@value #RETRAIN_LOCK} lock
 * ({@link InteractionStore#tryLock}); a replica that does not get it skips the round, as does one that finds a
 * version promoted elsewhere less than half an interval ago, and follows through the poll. With SQLite the lock is
 * always granted and nothing is skipped (one serving process).
 */
final class ModelLifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

  /** Name of the store lock a scheduled retrain holds. */
  static final String RETRAIN_LOCK = "retrain";

  private final Config config;
  private final InteractionStore store;
  private final ModelStore models;
  private final ErasedLearners erased;
  private final ModelBuilder builder;
  private final ErasureCompletion erasure;
  private final BackgroundJobs jobs = new BackgroundJobs();
  private final Swappable<Generation> serving;
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  /** Versions this process built (a scheduled retrain skips only after a version built elsewhere). */
  private final Set<String> builtHere = ConcurrentHashMap.newKeySet();
  /** Held while {@code CURRENT} and the serving version are compared and changed, by a build or a pickup. */
  private final Object promotion = new Object();
  private final Consumer<String> pickedUp;
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService poller;
  /** A version {@code CURRENT} named that could not be loaded; not tried again until {@code CURRENT} changes. */
  private volatile String unusable;
  private volatile String notReady = "no model loaded yet";
  private volatile boolean closed;
  /** This replica's serving lease in the models directory; held once it polls. */
  private final ServingLease servingLease;

  /** @param pickedUp told the version after a version promoted elsewhere was swapped in */
  ModelLifecycle(Config config, InteractionStore store, ModelStore models, ErasedLearners erased,
                 Consumer<String> pickedUp) {
    this.config = config;
    this.store = store;
    this.pickedUp = pickedUp;
    this.models = models;
    this.erased = erased;
    this.builder = new ModelBuilder(config, models, store, erased);
    this.servingLease = new ServingLease(models, config);
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
    startInBackground(Duration.ofMinutes(config.integer(ConfigKey.RETRAIN_INTERVAL)),
        Duration.ofMillis(config.integer(ConfigKey.MODELS_POLL)));
  }

  /** As {@link #startInBackground()} with an explicit retrain period (zero: no periodic retraining), no polling. */
  void startInBackground(Duration retrainEvery) {
    startInBackground(retrainEvery, Duration.ZERO);
  }

  /**
   * As {@link #startInBackground()} with an explicit retrain period and {@code CURRENT} poll interval (zero: off).
   * Polling starts after the start-up load, so the two never load the same version twice.
   */
  void startInBackground(Duration retrainEvery, Duration pollEvery) {
    notReady = "loading the model from " + models.root();
    jobs.execute(() -> {
      if (closed) return;
      boolean loaded = loadLatest();
      startPolling(pollEvery);
      if (loaded) {
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
        JobStatus j = startScheduledRetrain(retrainEvery);
        log.info("periodic retrain: job {} ({})", j.id(), j.state());
      } catch (RuntimeException e) {
        log.warn("periodic retrain could not start: {}", e.getMessage());
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
    log.info("retraining every {}", retrainEvery);
  }

  private synchronized void startPolling(Duration every) {
    if (every.isZero() || closed) return;
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "courserec-model-poll");
      t.setDaemon(true);
      return t;
    });
    long ms = every.toMillis();
    servingLease.start();
    renewLease();
    poller.scheduleWithFixedDelay(() -> {
      try {
        pickUpPromoted();
      } catch (RuntimeException e) {
        log.warn("checking {} for a newly promoted model version failed: {}", models.root(), e.toString());
      }
      renewLease();
    }, ms, ms, TimeUnit.MILLISECONDS);
    log.info("following promotions in {} every {} ms", models.root(), ms);
  }

  private void renewLease() {
    Generation now = serving.peek();
    if (!closed && now != null) servingLease.renew(now.version());
  }

  /**
   * Swaps in the version {@code CURRENT} names when it is not the serving one (promoted by another replica or the
   * CLI): verified against its manifest, loaded, published. A version that fails is logged once and left alone
   * until {@code CURRENT} names another; the serving version stays. Returns true if a version was swapped in.
   */
  boolean pickUpPromoted() {
    Optional<String> named = models.current();
    if (named.isEmpty()) return false;
    String v = named.get();
    synchronized (promotion) {
      Generation now = serving.peek();
      if (closed || (now != null && now.version().equals(v)) || v.equals(unusable)) return false;
      long t0 = System.nanoTime();
      Path dir = models.root().resolve(v);
      Optional<ModelManifest> m = models.readManifest(dir);
      if (m.isEmpty() || !models.verify(v)) {
        unusable = v;
        log.error("model version {} was promoted elsewhere but is missing or does not match its manifest; still "
            + "serving {}", v, now == null ? "nothing" : now.version());
        return false;
      }
      try {
        erased.refresh(); // the other process may have erased learners this version still holds
        publish(Generation.load(dir, m.get(), config));
        log.info("picked up model version {} promoted elsewhere (verified and loaded in {} ms)", v,
            (System.nanoTime() - t0) / 1_000_000);
      } catch (IOException | RuntimeException e) {
        unusable = v;
        log.error("model version {} was promoted elsewhere but cannot be loaded ({}); still serving {}", v,
            e.toString(), now == null ? "nothing" : now.version());
        return false;
      }
    }
    pickedUp.accept(v);
    return true;
  }

  /**
   * The timer's retrain: a job that runs the build only while holding the store's {@value #RETRAIN_LOCK} lock,
   * and skips (succeeding, with a message saying why) when another replica holds it or promoted a version less than
   * half of {@code every} ago.
   */
  JobStatus startScheduledRetrain(Duration every) {
    Duration half = every.dividedBy(2);
    return jobs.submit("retrain", progress -> {
      // checked before the lock too, so a replica that will skip anyway never keeps one that would build from it
      Optional<String> fresh = freshElsewhere(half);
      if (fresh.isEmpty()) {
        Optional<StoreLock> lock = store.tryLock(RETRAIN_LOCK);
        if (lock.isEmpty()) {
          log.info("scheduled retrain skipped: another replica holds the retrain lock; its version will be picked up");
          return "skipped: another replica is retraining (store lock '" + RETRAIN_LOCK + "' held)";
        }
        try (StoreLock held = lock.get()) {
          fresh = freshElsewhere(half); // a build elsewhere may have ended just before the lock was free
          if (fresh.isEmpty()) return describe(rebuild(true, progress));
        }
      }
      log.info("scheduled retrain skipped: {} was promoted elsewhere less than {} ago", fresh.get(), half);
      return "skipped: " + fresh.get() + " was promoted elsewhere less than " + half + " ago";
    });
  }

  /**
   * The version {@code CURRENT} names, if another process built it less than {@code age} ago; always empty on a
   * store no other server shares (SQLite: every tick retrains, as before replicas).
   */
  private Optional<String> freshElsewhere(Duration age) {
    if (!store.shared()) return Optional.empty();
    return models.current().filter(v -> !builtHere.contains(v))
        .flatMap(v -> models.readManifest(models.root().resolve(v)))
        .filter(m -> m.createdAt() != null && m.createdAt().isAfter(java.time.Instant.now().minus(age)))
        .map(ModelManifest::version);
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

  /**
   * {@code POST /admin/retrain}: a build under the store's {@value #RETRAIN_LOCK} lock, like the timer's, so replicas
   * on one PostgreSQL store never build at once; when another holds it the job succeeds with a message saying so
   * (that replica's version will be picked up). On SQLite, one serving process, the lock is always free.
   */
  JobStatus startRetrain() {
    return jobs.submit("retrain", progress -> underRetrainLock(() -> describe(rebuild(true, progress))));
  }

  /** {@code POST /admin/reindex}: as {@link #startRetrain} without the promotion gate. */
  JobStatus startReindex() {
    return jobs.submit("reindex", progress -> underRetrainLock(() -> describe(rebuild(false, progress))));
  }

  private interface Build {
    String run() throws IOException;
  }

  private String underRetrainLock(Build build) throws IOException {
    Optional<StoreLock> lock = store.tryLock(RETRAIN_LOCK);
    if (lock.isEmpty()) {
      log.info("explicit rebuild skipped: another replica holds the retrain lock; its version will be picked up");
      return "skipped: another replica is retraining (store lock '" + RETRAIN_LOCK + "' held); its version will be "
          + "picked up";
    }
    try (StoreLock held = lock.get()) {
      return build.run();
    }
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
    builtHere.add(o.manifest().version());
    if (o.generation() != null) {
      synchronized (promotion) { // the poll must not load the version between its promotion and its swap here
        try {
          models.promote(o.manifest().version());
        } catch (IOException | RuntimeException e) {
          o.generation().close();
          throw e;
        }
        publish(o.generation());
      }
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
    renewLease();
  }

  private void prune() {
    Set<String> inUse = new HashSet<>(open);
    Generation now = serving.peek();
    if (now != null) inUse.add(now.version());
    inUse.addAll(servingLease.protectedVersions()); // what other replicas on this models directory serve
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
    synchronized (this) {
      if (poller != null) poller.shutdownNow();
    }
    jobs.close();
    serving.clear();
    servingLease.release();
  }
}
