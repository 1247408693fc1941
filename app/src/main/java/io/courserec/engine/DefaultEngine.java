package io.courserec.engine;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.hybrid.HybridExplanation;
import io.courserec.hybrid.HybridRanking;
import io.courserec.hybrid.Recommenders;
import io.courserec.hybrid.Signal;
import io.courserec.progress.Progress;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.UnknownEntityException;
import io.courserec.store.AppendResult;
import io.courserec.store.EventIdConflictException;
import io.courserec.store.InteractionStore;
import io.courserec.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine behind the API and the CLI: requests are answered from the current {@link Generation} (leased from a
 * {@link Swappable}, so a request uses one model version from start to end and a swap never closes a version in
 * use), feedback goes to the {@link InteractionStore}, and the model lifecycle runs through {@link ModelLifecycle}.
 *
 * <p><b>Feedback takes effect at once.</b> The model records the store position its training data covers
 * ({@link ModelManifest#storeSequence()}); every request reads the learner's stored events after that position and
 * passes them as {@link RecommendRequest#recentEvents()}: the hybrid then excludes newly enrolled, completed and
 * dismissed courses, adds them to the content profile, folds them into the MF factors and uses them as item-CF
 * evidence, without retraining. Events on courses the serving catalog does not have are left out of requests.
 *
 * <p><b>Bounded reads.</b> A request reads at most {@code recommend.max_recent_events} of the learner's newest stored
 * events. Exclusions must not depend on that cap, so when it truncates, the courses the learner has taken or
 * dismissed in the whole stored history come from a second, compact query (one row per course,
 * {@link InteractionStore#coursesWith}) and are added as events without a time. Which event types exclude is
 * decided in one place, {@link EventWeights#marksTaken} (plus dismissals).
 *
 * <p><b>Store faults</b> ({@link StoreException} of a passing kind: locked, full, unreachable, timeout) surface as
 * {@link StoreUnavailableException}; an event id reused with a different body as {@link ConflictException}.
 *
 * <p><b>Learners nobody knows</b> (not in the training data, no stored feedback, no interests) get the most popular
 * courses with strategy {@code popular} ({@link PopularRanking}); with interests, the hybrid's content-based cold
 * start ({@code cold-start}). Single algorithms that cannot serve a learner fall back to the same popular list.
 */
public final class DefaultEngine implements Engine {
  private final InteractionStore store;
  private final ModelLifecycle lifecycle;
  private final ErasedLearners erased;
  private final LearnerEvents learnerEvents;
  private final LearnerPlans plans;
  private final EventWeights events;
  private final ReplicaChanges replicas;
  private final AnswerSlots slots;
  private volatile io.courserec.store.StoreChangeListener.Subscription following;
  /** The served version's example candidates, replaced when another version is served. */
  private volatile Map.Entry<Generation, ExampleLearners.Candidates> examples;

  DefaultEngine(Config config, InteractionStore store, ModelStore models, ErasedLearners erased) {
    this.store = store;
    this.erased = erased;
    this.replicas = new ReplicaChanges(erased);
    this.lifecycle = new ModelLifecycle(config, store, models, erased, replicas::modelPickedUp);
    EventWeights weights = EventWeights.from(config);
    // excluded from recommendations: taken (EventWeights.marksTaken, from recommend.exclude_events) or dismissed
    Set<EventType> excluding = EnumSet.of(EventType.DISMISS);
    for (EventType t : EventType.values()) if (weights.marksTaken(t)) excluding.add(t);
    this.learnerEvents = new LearnerEvents(store, erased, config.integer(ConfigKey.MAX_RECENT_EVENTS), excluding);
    this.plans = new LearnerPlans(config);
    this.events = weights;
    this.slots = new AnswerSlots(config.integer(ConfigKey.MAX_CONCURRENT));
  }

  ModelLifecycle lifecycle() { return lifecycle; }

  @Override
  public int answersWaiting() { return slots.waiting(); }

  /**
   * Server only: listens to the store's change notifications (other replicas' feedback and erasures) and hands
   * them, with model versions picked up from elsewhere, to {@link #onStaleAnswers} listeners.
   */
  void followOtherProcesses() {
    following = store.subscribe(replicas);
  }

  @Override
  public StaleAnswerListener.Registration onStaleAnswers(StaleAnswerListener listener) {
    return replicas.add(listener);
  }

  // ---- requests ---------------------------------------------------------------------------------------------

  @Override
  public RecommendResult recommend(RecommendQuery q) {
    if (!Recommenders.NAMES.contains(q.algorithm())) {
      throw new InvalidInputException("algorithm", "unknown algorithm '" + q.algorithm() + "'; known: "
          + String.join(", ", Recommenders.NAMES));
    }
    String user = RequestChecks.requireId("user", q.userId());
    RequestChecks.checkPage(q.k(), q.offset());
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      String id = learnerEvents.modelId(g, user);
      List<Interaction> recent = learnerEvents.recent(g, user, id);
      RecommendRequest req = new RecommendRequest(id, q.k(), q.offset(), q.filter(), Set.of(), false, q.explain(),
          recent, q.interests());
      boolean known = g.data().learner(id).isPresent();
      boolean interests = q.interests().stream().anyMatch(s -> !s.isBlank());
      boolean hybrid = q.algorithm().equals("hybrid");
      if (!known && recent.isEmpty() && !interests) return popular(g, q, req, hybrid);
      if (hybrid) {
        HybridRanking r = slots.call(() -> g.hybrid().rank(req));
        return new RecommendResult(user, q.algorithm(), r.strategy(), r.segment().code(), g.version(),
            marked(g, id, recent, Answers.ofHybrid(g.data(), r.items(), q.offset(), true)));
      }
      List<Recommendation> recs;
      try {
        recs = slots.call(() -> g.hybrid().withSignalConfidence(q.algorithm(), req, g.single(q.algorithm()).recommend(req)));
      } catch (UnknownEntityException e) {
        if (!e.kind().equals("user")) throw e;
        return popular(g, q, req, false);
      }
      io.courserec.rec.Strategy strategy = known || !recent.isEmpty() ? io.courserec.rec.Strategy.PERSONAL : io.courserec.rec.Strategy.COLD_START;
      return new RecommendResult(user, q.algorithm(), strategy, "", g.version(),
          marked(g, id, recent, Answers.ofSingle(g.data(), recs, q.offset(), Map.of(), Signal.ofAlgorithm(q.algorithm()))));
    }
  }

  /** The items with the learner's prerequisite status ({@link PrerequisiteCheck#mark}). */
  private List<RankedCourse> marked(Generation g, String id, List<Interaction> recent, List<RankedCourse> items) {
    return g.prerequisites().mark(g.data(), items, PrerequisiteCheck.taken(g.data(), id, recent, events));
  }

  private static RecommendResult popular(Generation g, RecommendQuery q, RecommendRequest req, boolean hybrid) {
    List<RankedCourse> items = Answers.ofSingle(g.data(), PopularRanking.rank(g, req), q.offset(), Map.of("prior", 1.0));
    return new RecommendResult(q.userId(), q.algorithm(), io.courserec.rec.Strategy.POPULAR, hybrid ? "cold" : "", g.version(), items);
  }

  @Override
  public SearchResult search(SearchQuery q) {
    if (q.text() == null || q.text().isBlank()) throw new InvalidInputException("q", "q must not be blank");
    RequestChecks.checkPage(q.k(), q.offset());
    String user = q.userId() == null || q.userId().isEmpty() ? null : RequestChecks.requireId("user", q.userId());
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      String id = user == null ? null : learnerEvents.modelId(g, user);
      HybridRanking r = slots.call(() -> {
        try {
          return g.hybrid().search(q.text(), id, q.filter(), q.k(), q.offset());
        } catch (UnknownEntityException e) {
          if (!e.kind().equals("user")) throw e;
          return g.hybrid().search(q.text(), null, q.filter(), q.k(), q.offset()); // nothing to personalise with
        }
      });
      List<RankedCourse> items = Answers.ofHybrid(g.data(), r.items(), q.offset(), false);
      return new SearchResult(q.text(), user, r.strategy() == io.courserec.rec.Strategy.SEARCH_PERSONAL, r.candidates(),
          user == null ? items : marked(g, id, learnerEvents.recent(g, user, id), items));
    }
  }

  @Override
  public List<RankedCourse> similar(String courseId, int k) {
    if (k <= 0) throw new InvalidInputException("k", "k must be at least 1, got " + k);
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      RequestChecks.requireCourse(g, courseId);
      return Answers.ofSingle(g.data(), slots.call(() -> g.hybrid().similar(courseId, k)), 0, Map.of("content", 1.0));
    }
  }

  @Override
  public ExplainResult explain(String userId, String courseId) {
    String user = RequestChecks.requireId("user", userId);
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      RequestChecks.requireCourse(g, courseId);
      String id = learnerEvents.modelId(g, user);
      List<Interaction> recent = learnerEvents.recent(g, user, id);
      if (g.data().learner(id).isEmpty() && recent.isEmpty()) throw new UnknownEntityException("user", user);
      RecommendRequest req = new RecommendRequest(id, 1, 0, null, Set.of(), false, true, recent, List.of());
      HybridExplanation e = slots.call(() -> g.hybrid().explain(req, courseId));
      return Answers.ofExplanation(e);
    }
  }

  @Override
  public Course course(String courseId) {
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      return RequestChecks.requireCourse(lease.get(), courseId);
    }
  }

  /**
   * The training events of the learner (CSV and feedback folded into the serving model) followed by stored
   * feedback received since, sorted by time (events without a time first; ties keep that order).
   */
  @Override
  public List<Interaction> history(String userId) {
    String user = RequestChecks.requireId("user", userId);
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      return learnerEvents.merged(lease.get(), user);
    }
  }

  @Override
  public io.courserec.learning.LearnerSkills skills(String userId, List<String> goals) {
    String user = RequestChecks.requireId("user", userId);
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      return plans.skills(g, user, learnerEvents.modelId(g, user), learnerEvents.merged(g, user), goals == null ? List.of() : goals);
    }
  }

  @Override
  public io.courserec.learning.LearningPath path(PathQuery q) {
    String user = RequestChecks.requireId("user", q.userId());
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      String id = learnerEvents.modelId(g, user);
      List<Interaction> merged = learnerEvents.merged(g, user);
      List<Interaction> recent = learnerEvents.recent(g, user, id);
      return slots.call(() -> plans.path(g, q, id, merged, recent));
    }
  }

  /** One page of {@link #history(String)}, reading only what the page needs ({@link LearnerEvents#page}). */
  @Override
  public HistoryPage history(String userId, int offset, int limit) {
    String user = RequestChecks.requireId("user", userId);
    if (offset < 0) throw new InvalidInputException("offset", "offset must be >= 0, got " + offset);
    if (limit < 1) throw new InvalidInputException("limit", "limit must be at least 1, got " + limit);
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      return learnerEvents.page(lease.get(), user, offset, limit);
    }
  }

  /**
   * Validates every event, then appends them in one transaction; returns once committed. Unknown courses raise
   * {@link UnknownEntityException} ("course"; the API answers 400 {@code unknown_course} naming the event); other
   * field errors raise {@link InvalidInputException} naming {@code events[i].<field>}.
   */
  @Override
  public FeedbackResult feedback(List<Interaction> events) {
    if (events == null || events.isEmpty()) throw new InvalidInputException("events", "no events given");
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      long latest = System.currentTimeMillis() / 1000 + RequestChecks.MAX_FUTURE_SECONDS;
      for (int i = 0; i < events.size(); i++) RequestChecks.validate(g, events.get(i), "events[" + i + "].", latest);
    }
    AppendResult r;
    try {
      r = LearnerEvents.stored(() -> store.appendAll(events));
    } catch (EventIdConflictException e) {
      throw new ConflictException("events[" + e.index() + "]." + e.field(), e.getMessage());
    }
    return new FeedbackResult(r.inserted(), r.duplicateEventIds().size(), r.duplicateEventIds());
  }

  // ---- erasure --------------------------------------------------------------------------------------------

  @Override
  public ErasureResult forget(String userId) {
    ErasureResult r = eraseRecords(userId, null);
    return new ErasureResult(r.userId(), r.storedEventsErased(), r.alreadyListed(), lifecycle.startErasure());
  }

  /**
   * The CLI's {@code forget}: as {@link #forget}, but the completion (rebuild without the gate, retiring versions)
   * runs in the calling thread; returns its summary.
   */
  public String forgetNow(String userId, java.util.function.Consumer<String> progress) throws IOException {
    ErasureResult r = eraseRecords(userId, null);
    return r.storedEventsErased() + " stored events erased; " + lifecycle.completeErasure(Progress.stages(progress));
  }

  /** The immediate part: listed first (so no later load or training takes them), then the store's rows. */
  private ErasureResult eraseRecords(String userId, JobStatus job) {
    String user = RequestChecks.requireId("user", userId);
    boolean added;
    try {
      added = erased.add(user);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the erasure list: " + e.getMessage(), e);
    }
    return new ErasureResult(user, store.eraseUser(user), !added, job);
  }

  // ---- status and lifecycle -------------------------------------------------------------------------------

  @Override
  public EngineStatus status() {
    Map<String, Long> byEvent = new LinkedHashMap<>();
    long feedback;
    String fault = null;
    try {
      store.countsByEvent().forEach((type, n) -> byEvent.put(type.code(), n));
      feedback = store.count();
    } catch (StoreException e) {
      fault = e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage();
      feedback = -1;
      byEvent.clear();
    }
    Swappable.Lease<Generation> lease = lifecycle.leaseOrNull();
    if (lease == null) return new EngineStatus(false, null, -1, 0, 0, 0, feedback, null, Map.of(), byEvent, fault);
    try (lease) {
      Generation g = lease.get();
      ModelManifest m = g.manifest();
      return new EngineStatus(true, g.version(), g.indexGeneration(), g.data().numCourses(), g.data().numLearners(),
          g.data().interactions().size(), feedback, m.createdAt(), m.metrics(), byEvent, fault);
    }
  }

  @Override
  public JobStatus startReindex() { return lifecycle.startReindex(); }

  @Override
  public JobStatus startRetrain() { return lifecycle.startRetrain(); }

  @Override
  public JobStatus job(String jobId) { return lifecycle.job(jobId); }

  @Override
  public JobList jobs(int n) { return lifecycle.jobs(n); }

  @Override
  public List<ModelInfo> models() { return lifecycle.models(); }

  /** The example candidates of the version being served, found once per version (a pass over every learner). */
  private ExampleLearners.Candidates exampleCandidates(Generation g) {
    Map.Entry<Generation, ExampleLearners.Candidates> c = examples;
    if (c == null || c.getKey() != g) {
      c = Map.entry(g, ExampleLearners.Candidates.of(g.data()));
      examples = c;
    }
    return c.getValue();
  }

  @Override
  public ExampleLearners exampleLearners() {
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Generation g = lease.get();
      ExampleLearners.Candidates c = exampleCandidates(g);
      return c.pick(u -> !learnerEvents.modelId(g, u).equals(u));
    }
  }

  @Override
  public Optional<QualityReport> qualityReport() {
    try (Swappable.Lease<Generation> lease = lifecycle.lease()) {
      Path file = lease.get().dir().resolve(ModelBuilder.QUALITY_REPORT);
      return Files.isRegularFile(file) ? Optional.of(QualityReport.readJson(file)) : Optional.empty();
    }
  }

  /**
   * Builds a model version synchronously in the calling thread (the CLI's {@code train} and {@code retrain}):
   * the same steps as a background retrain; with {@code gate} false the new version is promoted whatever its
   * quality.
   */
  public ModelManifest retrainNow(boolean gate) {
    return retrainNow(gate, Progress.NONE);
  }

  /**
   * {@link #retrainNow(boolean)}, telling {@code progress} each stage as it begins (they are logged as well) and
   * counting the long loops inside them (tuning trials, holdout learners, training components).
   */
  public ModelManifest retrainNow(boolean gate, Progress progress) {
    return lifecycle.rebuildNow(gate, progress).manifest();
  }

  /** True once a model version is serving. */
  public boolean ready() { return lifecycle.ready(); }

  /** Stops background work (a running build is interrupted), closes the serving model and the store. */
  @Override
  public void close() {
    try {
      if (following != null) following.close();
      lifecycle.close();
    } finally {
      store.close();
    }
  }
}
