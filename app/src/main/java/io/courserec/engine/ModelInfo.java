package io.courserec.engine;

import java.time.Instant;
import java.util.Map;

/** One versioned model directory: whether it serves now, whether it was promoted, its holdout metrics. */
public record ModelInfo(String version, boolean current, boolean promoted, Instant createdAt, String dataHash,
                        String configHash, Map<String, Double> metrics, Map<String, Long> timingsMs, String note) {}
