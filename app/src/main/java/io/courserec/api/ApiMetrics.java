package io.courserec.api;

import io.courserec.catalog.Interaction;
import io.courserec.engine.EngineStatus;
import io.courserec.engine.FeedbackResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The service's Micrometer meters, exposed in Prometheus text format by {@code GET /metrics}:
 * <ul>
 *   <li>{@code http_server_requests_seconds} (histogram with buckets, tags method, route template, status);
 *   <li>{@code courserec_cache_requests_total{result=hit|miss}}, {@code courserec_cache_hit_ratio},
 *       {@code courserec_cache_entries};
 *   <li>{@code courserec_feedback_received_total{event, outcome=accepted|duplicate}} (this process) and
 *       {@code courserec_feedback_stored{event}} (the store's totals, from the engine status);
 *   <li>{@code courserec_model_age_seconds}, {@code courserec_ready}, {@code courserec_index_generation},
 *       {@code courserec_courses}, {@code courserec_learners}, {@code courserec_training_interactions};
 *   <li>{@code courserec_model_metric{metric="ndcg@10"}}: the current model's holdout metrics;
 *   <li>{@code courserec_answers_waiting}: requests waiting for a slot to compute their answer
 *       ({@code recommend.max_concurrent}), read at each scrape;
 *   <li>{@code courserec_replica_invalidations_total{scope=learner|all}}: cached answers dropped on news from other
 *       replicas (learners named by store notifications; everything, after a listener reconnect or a model pickup);
 *   <li>JVM memory, threads, CPU and uptime.
 * </ul>
 * Status-derived gauges read the {@link EngineStatusMonitor}'s snapshot, refreshed in the background. The same
 * meters, summarised as JSON for the operator page, are {@link #summary()}.
 */
final class ApiMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
  private final EngineStatusMonitor monitor;
  private final MultiGauge modelMetrics;
  private final MultiGauge storedFeedback;
  private final RecommendationCache cache;
  private final long startedNanos = System.nanoTime();

  ApiMetrics(EngineStatusMonitor monitor, RecommendationCache cache, ReplicaInvalidation replicas,
             java.util.function.IntSupplier answersWaiting) {
    this.monitor = monitor;
    this.cache = cache;
    Gauge.builder("courserec.answers.waiting", answersWaiting, java.util.function.IntSupplier::getAsInt)
        .description("Requests waiting for a slot to compute their answer (recommend.max_concurrent)").register(registry);
    FunctionCounter.builder("courserec.replica.invalidations", replicas, ReplicaInvalidation::learnerInvalidations)
        .tag("scope", "learner").description("Learners whose cached answers were dropped on another replica's news")
        .register(registry);
    FunctionCounter.builder("courserec.replica.invalidations", replicas, ReplicaInvalidation::fullInvalidations)
        .tag("scope", "all").description("Times every cached answer was dropped (listener reconnect, model pickup)")
        .register(registry);
    FunctionCounter.builder("courserec.cache.requests", cache, RecommendationCache::hits).tag("result", "hit")
        .description("Recommendation cache lookups").register(registry);
    FunctionCounter.builder("courserec.cache.requests", cache, RecommendationCache::misses).tag("result", "miss")
        .description("Recommendation cache lookups").register(registry);
    Gauge.builder("courserec.cache.hit.ratio", cache, RecommendationCache::hitRatio)
        .description("Cache hits / lookups since start").register(registry);
    Gauge.builder("courserec.cache.entries", cache, RecommendationCache::entries)
        .description("Cached recommendation responses").register(registry);
    Gauge.builder("courserec.cache.size", cache, RecommendationCache::bytes).baseUnit("bytes")
        .description("Estimated heap bytes of the cached responses (bounded by server.cache.max_bytes)")
        .register(registry);
    Gauge.builder("courserec.store.up", monitor, m -> m.storeProblem() == null ? 1 : 0)
        .description("1 while the feedback store answers status checks within server.status_deadline_ms")
        .register(registry);
    statusGauge("courserec.ready", "1 when the engine serves requests", s -> s.ready() ? 1 : 0);
    statusGauge("courserec.index.generation", "Index generation being served", EngineStatus::indexGeneration);
    statusGauge("courserec.courses", "Courses in the catalog", EngineStatus::courses);
    statusGauge("courserec.learners", "Learners known to the model", EngineStatus::learners);
    statusGauge("courserec.training.interactions", "Interactions the model was trained on",
        EngineStatus::trainingInteractions);
    Gauge.builder("courserec.model.age", monitor, m -> modelAgeSeconds(m.latest())).baseUnit("seconds")
        .description("Seconds since the current model was created").register(registry);
    modelMetrics = MultiGauge.builder("courserec.model.metric")
        .description("Holdout evaluation metrics of the current model").register(registry);
    storedFeedback = MultiGauge.builder("courserec.feedback.stored")
        .description("Feedback events in the store, by event type").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry); // jvm_gc_live_data_size_bytes: old generation after the last collection
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  void recordRequest(String method, String route, int status, float ms) {
    Timer t = timers.computeIfAbsent(List.of(method, route, Integer.toString(status)), k ->
        Timer.builder("http.server.requests").tags(Tags.of("method", k.get(0), "route", k.get(1), "status", k.get(2)))
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .description("HTTP request latency by route template").register(registry));
    t.record((long) (ms * 1_000_000.0), TimeUnit.NANOSECONDS);
  }

  /** Counts the events of one accepted feedback request by type and outcome. */
  void countFeedback(List<Interaction> events, FeedbackResult result) {
    Set<String> duplicates = new HashSet<>(result.duplicateEventIds());
    for (Interaction e : events) {
      String outcome = e.eventId() != null && duplicates.contains(e.eventId()) ? "duplicate" : "accepted";
      Counter.builder("courserec.feedback.received").tag("event", e.event().code()).tag("outcome", outcome)
          .description("Feedback events received by this process").register(registry).increment();
    }
  }

  /** Updates the status gauges from the monitor's cached snapshot (no query: a hung store cannot block a scrape). */
  String scrape() {
    EngineStatus s = monitor.latest();
    modelMetrics.register(s.metrics().entrySet().stream()
        .map(e -> MultiGauge.Row.of(Tags.of("metric", e.getKey()), e.getValue())).toList(), true);
    storedFeedback.register(s.feedbackByEvent().entrySet().stream()
        .map(e -> MultiGauge.Row.of(Tags.of("event", e.getKey()), e.getValue())).toList(), true);
    return registry.scrape();
  }

  /** The live figures of {@code GET /admin/summary}: per-route counts and latency quantiles, cache, feedback. */
  LiveSummary summary() {
    Map<String, List<Timer>> byRoute = new TreeMap<>();
    timers.forEach((k, t) -> byRoute.computeIfAbsent(k.get(0) + " " + k.get(1), r -> new ArrayList<>()).add(t));
    List<LiveSummary.Route> routes = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, List<Timer>> e : byRoute.entrySet()) {
      long count = 0;
      long errors = 0;
      double max = 0;
      CountAtBucket[] merged = null;
      for (Timer t : e.getValue()) {
        HistogramSnapshot h = t.takeSnapshot();
        count += h.count();
        if (t.getId().getTag("status").startsWith("5")) errors += h.count();
        max = Math.max(max, h.max(TimeUnit.MILLISECONDS));
        merged = merged == null ? h.histogramCounts() : add(merged, h.histogramCounts());
      }
      total += count;
      routes.add(new LiveSummary.Route(e.getKey(), count, errors, LiveSummary.quantileMs(merged, count, 0.5),
          LiveSummary.quantileMs(merged, count, 0.99), max));
    }
    routes.sort(Comparator.comparingLong(LiveSummary.Route::count).reversed());
    Map<String, Map<String, Long>> received = new TreeMap<>();
    for (Counter c : registry.find("courserec.feedback.received").counters()) {
      received.computeIfAbsent(c.getId().getTag("event"), k -> new TreeMap<>())
          .merge(c.getId().getTag("outcome"), (long) c.count(), Long::sum);
    }
    EngineStatus s = monitor.latest();
    double age = modelAgeSeconds(s);
    return new LiveSummary(Instant.now(), (System.nanoTime() - startedNanos) / 1e9, total, routes,
        new LiveSummary.Cache(cache.hits(), cache.misses(), cache.hitRatio(), cache.entries(), cache.bytes()),
        received, s.feedbackByEvent(), s.modelVersion(), Double.isNaN(age) ? null : age);
  }

  /** Bucket-wise sum of two histograms with the same bounds (every timer here is built with the same range). */
  private static CountAtBucket[] add(CountAtBucket[] a, CountAtBucket[] b) {
    CountAtBucket[] out = new CountAtBucket[a.length];
    for (int i = 0; i < a.length; i++) out[i] = new CountAtBucket(a[i].bucket(), a[i].count() + b[i].count());
    return out;
  }

  private void statusGauge(String name, String description, ToDoubleFunction<EngineStatus> f) {
    Gauge.builder(name, monitor, m -> f.applyAsDouble(m.latest())).description(description).register(registry);
  }

  private static double modelAgeSeconds(EngineStatus s) {
    Instant created = s.modelCreatedAt();
    return created == null ? Double.NaN : Duration.between(created, Instant.now()).toMillis() / 1000.0;
  }
}
