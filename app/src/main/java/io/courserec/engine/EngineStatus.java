package io.courserec.engine;

import java.time.Instant;
import java.util.Map;

/**
 * Health and readiness facts; {@code metrics} are the evaluation metrics of the current model (e.g. ndcg@10).
 * {@code storeFault} is null while the feedback store answers, else why it does not ({@code "locked: ..."},
 * {@code "unreachable: ..."}); the feedback counts are then -1.
 */
public record EngineStatus(boolean ready, String modelVersion, long indexGeneration, int courses, int learners,
                           long trainingInteractions, long feedbackEvents, Instant modelCreatedAt,
                           Map<String, Double> metrics, Map<String, Long> feedbackByEvent, String storeFault) {
  /** A status with the store answering. */
  public EngineStatus(boolean ready, String modelVersion, long indexGeneration, int courses, int learners,
                      long trainingInteractions, long feedbackEvents, Instant modelCreatedAt,
                      Map<String, Double> metrics, Map<String, Long> feedbackByEvent) {
    this(ready, modelVersion, indexGeneration, courses, learners, trainingInteractions, feedbackEvents,
        modelCreatedAt, metrics, feedbackByEvent, null);
  }

  /** True while the feedback store answers. */
  public boolean storeUp() { return storeFault == null; }
}
