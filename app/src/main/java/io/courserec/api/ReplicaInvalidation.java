package io.courserec.api;

import io.courserec.engine.Engine;
import io.courserec.engine.StaleAnswerListener;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link RecommendationCache} honest when other replicas change things: a learner's feedback or erasure
 * accepted elsewhere drops that learner's cached answers ({@link RecommendationCache#invalidateUser}, which also
 * refuses answers still being computed from the old events), and a possible loss of such news (the store's
 * listener reconnected) or a model version picked up from elsewhere drops every answer. Counts both for
 * {@code /metrics}: {@code courserec_replica_invalidations_total{scope="learner"}} (learners named by
 * notifications) and {@code {scope="all"}}.
 */
final class ReplicaInvalidation implements StaleAnswerListener {
  private static final Logger log = LoggerFactory.getLogger(ReplicaInvalidation.class);

  private final RecommendationCache cache;
  private final LongAdder learners = new LongAdder();
  private final LongAdder everything = new LongAdder();
  private Registration registration;

  ReplicaInvalidation(RecommendationCache cache) {
    this.cache = cache;
  }

  /** Starts listening to the engine. */
  void listenTo(Engine engine) {
    registration = engine.onStaleAnswers(this);
  }

  @Override
  public void learnersChanged(List<String> userIds) {
    userIds.forEach(cache::invalidateUser);
    learners.add(userIds.size());
  }

  @Override
  public void everythingChanged(String reason) {
    cache.invalidateAll();
    everything.increment();
    log.info("recommendation cache emptied: {}", reason);
  }

  /** Learners whose cached answers were dropped on news from elsewhere. */
  long learnerInvalidations() { return learners.sum(); }

  /** Times every cached answer was dropped on news from elsewhere. */
  long fullInvalidations() { return everything.sum(); }

  void close() {
    if (registration != null) registration.close();
  }
}
