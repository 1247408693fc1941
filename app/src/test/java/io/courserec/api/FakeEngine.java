package io.courserec.api;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import io.courserec.catalog.QualityReport;
import io.courserec.engine.Engine;
import io.courserec.engine.EngineStatus;
import io.courserec.engine.ErasureResult;
import io.courserec.engine.ExampleLearners;
import io.courserec.engine.ExplainResult;
import io.courserec.engine.FeedbackResult;
import io.courserec.engine.InvalidInputException;
import io.courserec.engine.JobList;
import io.courserec.engine.JobStatus;
import io.courserec.engine.ModelInfo;
import io.courserec.engine.NotReadyException;
import io.courserec.engine.RankedCourse;
import io.courserec.engine.RecommendQuery;
import io.courserec.engine.RecommendResult;
import io.courserec.engine.SearchQuery;
import io.courserec.engine.SearchResult;
import io.courserec.rec.Evidence;
import io.courserec.rec.UnknownEntityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic in-memory {@link Engine} for HTTP tests: five courses with fixed popularity scores, one known
 * learner {@code u1} (completed c1 in training), feedback kept in memory with idempotency by event id, and the
 * exceptions the real engine throws. {@code recommend} ranks by popularity (c2 0.9, c3 0.8, c4 0.7, c5 0.6,
 * c1 0.5) and excludes every course the learner has any event for, so feedback visibly changes the next answer.
 */
public final class FakeEngine implements Engine {
  static final List<Course> COURSES = List.of(
      course("c1", "Intro to Python", Level.BEGINNER, "programming", 10.0),
      course("c2", "Data Science with Python", Level.INTERMEDIATE, "data", 20.0),
      course("c3", "SQL Basics", Level.BEGINNER, "data", 5.0),
      course("c4", "Advanced Algorithms", Level.ADVANCED, "programming", 40.0),
      course("c5", "Watercolour Painting", Level.MIXED, "art", 8.0));
  /** Popularity per course; the fake's only score. */
  static final Map<String, Double> POPULARITY = Map.of("c1", 0.5, "c2", 0.9, "c3", 0.8, "c4", 0.7, "c5", 0.6);
  static final Set<String> ALGORITHMS = Set.of("hybrid", "pop", "cbr", "itemknn", "userknn", "mf");

  private final List<Interaction> training = List.of(
      new Interaction("u1", "c1", EventType.COMPLETE, null, Instant.parse("2025-01-02T03:04:05Z")));
  private final List<Interaction> feedback = new ArrayList<>();
  private final Set<String> eventIds = new HashSet<>();
  private final Map<String, JobStatus> jobs = new LinkedHashMap<>();
  final AtomicInteger recommendCalls = new AtomicInteger();
  volatile boolean ready = true;
  volatile int answersWaiting;
  volatile String modelVersion = "v1";
  /** When set, {@code search} throws it (to test the 500 path). */
  volatile RuntimeException searchFailure;
  /** When set, {@code search} throws it (an {@link Error}, which bypasses exception handlers). */
  volatile Error searchError;
  /** When set, {@code feedback} throws it (a store fault, a conflict). */
  volatile RuntimeException feedbackFailure;
  /** When set, {@code status} waits on it: a store that hangs. */
  volatile java.util.concurrent.CountDownLatch statusGate;

  private static Course course(String id, String title, Level level, String subject, double hours) {
    return new Course(id, title, title + " description", List.of(subject), "Org", level, subject, "en", hours,
        hours + " hours", 4.5, 100, "", List.of());
  }

  private void checkReady() {
    if (!ready) throw new NotReadyException("no model loaded yet");
  }

  private synchronized Set<String> seen(String user) {
    Set<String> s = new HashSet<>();
    for (Interaction e : training) if (e.userId().equals(user)) s.add(e.courseId());
    for (Interaction e : feedback) if (e.userId().equals(user)) s.add(e.courseId());
    return s;
  }

  @Override
  public RecommendResult recommend(RecommendQuery q) {
    checkReady();
    recommendCalls.incrementAndGet();
    if (!ALGORITHMS.contains(q.algorithm())) throw new InvalidInputException("algorithm", "unknown algorithm '" + q.algorithm() + "'");
    Set<String> seen = seen(q.userId());
    io.courserec.rec.Strategy strategy = !seen.isEmpty() ? io.courserec.rec.Strategy.PERSONAL
        : q.interests().isEmpty() ? io.courserec.rec.Strategy.POPULAR : io.courserec.rec.Strategy.COLD_START;
    List<Course> ranked = COURSES.stream().filter(c -> !seen.contains(c.id())).filter(q.filter()::test)
        .sorted(Comparator.comparingDouble((Course c) -> -score(c, q.interests()))).toList();
    List<RankedCourse> items = new ArrayList<>();
    for (int i = q.offset(); i < Math.min(ranked.size(), q.offset() + q.k()); i++) {
      Course c = ranked.get(i);
      List<Evidence> evidence = q.explain() ? List.of(new Evidence(io.courserec.rec.EvidenceSource.PRIOR, "popular course", score(c, q.interests()))) : List.of();
      items.add(new RankedCourse(i + 1, c.id(), c.title(), c.level().code(), c.subject(), score(c, q.interests()), 0.5,
          Map.of("prior", 1.0), evidence));
    }
    return new RecommendResult(q.userId(), q.algorithm(), strategy, "cold", modelVersion, items);
  }

  /** Popularity, plus 1 when the subject is among the declared interests. */
  private static double score(Course c, List<String> interests) {
    return POPULARITY.get(c.id()) + (interests.contains(c.subject()) ? 1.0 : 0.0);
  }

  @Override
  public SearchResult search(SearchQuery q) {
    checkReady();
    if (searchFailure != null) throw searchFailure;
    if (searchError != null) throw searchError;
    String[] words = q.text().toLowerCase(Locale.ROOT).split("\\s+");
    List<Course> hits = COURSES.stream().filter(q.filter()::test)
        .filter(c -> java.util.Arrays.stream(words).anyMatch(w -> c.title().toLowerCase(Locale.ROOT).contains(w))).toList();
    List<RankedCourse> items = new ArrayList<>();
    for (int i = q.offset(); i < Math.min(hits.size(), q.offset() + q.k()); i++) {
      Course c = hits.get(i);
      items.add(new RankedCourse(i + 1, c.id(), c.title(), c.level().code(), c.subject(), 1.0 / (i + 1), 1.0, Map.of(), List.of()));
    }
    return new SearchResult(q.text(), q.userId(), q.userId() != null, hits.size(), items);
  }

  @Override
  public List<RankedCourse> similar(String courseId, int k) {
    checkReady();
    Course c = course(courseId);
    return COURSES.stream().filter(o -> !o.id().equals(courseId) && o.subject().equals(c.subject())).limit(k)
        .map(o -> new RankedCourse(1, o.id(), o.title(), o.level().code(), o.subject(), 0.75, 0.5, Map.of(), List.of()))
        .toList();
  }

  @Override
  public ExplainResult explain(String userId, String courseId) {
    checkReady();
    Course c = course(courseId);
    boolean excluded = seen(userId).contains(courseId);
    return new ExplainResult(userId, courseId, c.title(), excluded ? -1 : 1, POPULARITY.get(courseId), 0.5, "cold",
        Map.of("prior", new ExplainResult.SignalPart(POPULARITY.get(courseId), 1.0, POPULARITY.get(courseId), 0.5)),
        List.of(new Evidence(io.courserec.rec.EvidenceSource.PRIOR, "popular course", POPULARITY.get(courseId))),
        excluded ? "already taken" : null, c.title() + " is popular");
  }

  @Override
  public Course course(String courseId) {
    return COURSES.stream().filter(c -> c.id().equals(courseId)).findFirst()
        .orElseThrow(() -> new UnknownEntityException("course", courseId));
  }

  @Override
  public synchronized List<Interaction> history(String userId) {
    List<Interaction> out = new ArrayList<>();
    for (Interaction e : training) if (e.userId().equals(userId)) out.add(e);
    for (Interaction e : feedback) if (e.userId().equals(userId)) out.add(e);
    if (out.isEmpty()) throw new UnknownEntityException("user", userId);
    return out;
  }

  /** Learning paths are tested against the real engine (PathsApiTest); the fake knows no learner's skills. */
  @Override
  public io.courserec.learning.LearnerSkills skills(String userId, List<String> goals) {
    throw new io.courserec.rec.UnknownEntityException("user", userId);
  }

  @Override
  public io.courserec.learning.LearningPath path(io.courserec.engine.PathQuery query) {
    throw new io.courserec.rec.UnknownEntityException("user", query.userId());
  }

  @Override
  public synchronized FeedbackResult feedback(List<Interaction> events) {
    checkReady();
    if (feedbackFailure != null) throw feedbackFailure;
    for (Interaction e : events) course(e.courseId());
    int accepted = 0;
    List<String> duplicates = new ArrayList<>();
    for (Interaction e : events) {
      if (e.eventId() != null && !eventIds.add(e.userId() + "\u0000" + e.eventId())) { // the store's key
        duplicates.add(e.eventId());
      } else {
        feedback.add(e);
        accepted++;
      }
    }
    return new FeedbackResult(accepted, duplicates.size(), duplicates);
  }

  synchronized List<Interaction> storedFeedback() {
    return List.copyOf(feedback);
  }

  @Override
  public int answersWaiting() { return answersWaiting; }

  @Override
  public EngineStatus status() {
    java.util.concurrent.CountDownLatch gate = statusGate;
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return snapshot();
  }

  private synchronized EngineStatus snapshot() {
    Map<String, Long> byEvent = new LinkedHashMap<>();
    for (Interaction e : feedback) byEvent.merge(e.event().code(), 1L, Long::sum);
    return new EngineStatus(ready, ready ? modelVersion : null, ready ? 3 : -1, COURSES.size(), 1, training.size(),
        feedback.size(), ready ? Instant.now().minusSeconds(120) : null,
        ready ? Map.of("ndcg@10", 0.25, "recall@10", 0.4) : Map.of(), byEvent);
  }

  @Override
  public synchronized JobStatus startReindex() { return newJob("reindex"); }

  @Override
  public synchronized JobStatus startRetrain() { return newJob("retrain"); }

  private JobStatus newJob(String kind) {
    JobStatus j = new JobStatus("job-" + (jobs.size() + 1), kind, "queued", Instant.parse("2025-06-01T00:00:00Z"), null, "queued");
    jobs.put(j.id(), j);
    return j;
  }

  @Override
  public synchronized JobStatus job(String jobId) {
    JobStatus j = jobs.get(jobId);
    if (j == null) throw new UnknownEntityException("job", jobId);
    return j;
  }

  @Override
  public synchronized JobList jobs(int n) {
    List<JobStatus> recent = new java.util.ArrayList<>(jobs.values());
    java.util.Collections.reverse(recent);
    JobStatus active = recent.stream().filter(j -> j.state().equals("queued") || j.state().equals("running")).findFirst().orElse(null);
    return new JobList(active, recent.subList(0, Math.min(n, recent.size())));
  }

  @Override
  public List<ModelInfo> models() {
    return List.of(
        new ModelInfo(modelVersion, true, true, Instant.parse("2025-06-01T00:00:00Z"), "d1", "c1", Map.of("ndcg@10", 0.25), Map.of("train", 1200L), "current"),
        new ModelInfo("v0", false, true, Instant.parse("2025-05-01T00:00:00Z"), "d0", "c1", Map.of("ndcg@10", 0.2), Map.of("train", 1100L), "previous"));
  }

  @Override
  public ExampleLearners exampleLearners() {
    if (!ready) throw new NotReadyException("no model loaded yet");
    return new ExampleLearners(new ExampleLearners.Example("u1", 3, List.of("sql")), null,
        new ExampleLearners.Example(ExampleLearners.NEW_ID, 0, List.of("sql")));
  }

  /** What {@link #qualityReport()} answers; empty by default (a version built before reports were kept). */
  volatile QualityReport quality;

  @Override
  public Optional<QualityReport> qualityReport() {
    return Optional.ofNullable(quality);
  }

  /** Learners erased through {@link #forget}, in order. */
  final List<String> forgotten = new ArrayList<>();

  @Override
  public synchronized ErasureResult forget(String userId) {
    if (userId == null || userId.isBlank()) throw new InvalidInputException("user", "user is required");
    boolean again = forgotten.contains(userId);
    if (!again) forgotten.add(userId);
    long removed = feedback.stream().filter(e -> e.userId().equals(userId)).count();
    feedback.removeIf(e -> e.userId().equals(userId));
    JobStatus job = new JobStatus("erase-" + forgotten.size(), "erase", "queued", Instant.now(), null, "queued");
    jobs.put(job.id(), job);
    return new ErasureResult(userId, removed, again, job);
  }

  /** True once {@link #close} was called. */
  public volatile boolean closed;

  @Override
  public void close() {
    closed = true;
  }
}
