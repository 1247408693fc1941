package io.courserec.engine;

import java.time.Instant;
import java.util.Map;

/** Health and readiness facts; {@code metrics} are the evaluation metrics of the current model (e.g. ndcg@10). */
public record EngineStatus(boolean ready, String modelVersion, long indexGeneration, int courses, int learners,
                           long trainingInteractions, long feedbackEvents, Instant modelCreatedAt,
                           Map<String, Double> metrics, Map<String, Long> feedbackByEvent) {}
