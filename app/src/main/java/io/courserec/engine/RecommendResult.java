package io.courserec.engine;

import java.util.List;

/**
 * @param strategy {@code personal} (known history), {@code cold-start} (interests only) or {@code popular}
 *     (no signal at all: popular courses, marked as such)
 * @param segment the hybrid's user segment (cold, warm, rich) or empty for single algorithms
 */
public record RecommendResult(String userId, String algorithm, io.courserec.rec.Strategy strategy, String segment, String modelVersion,
                              List<RankedCourse> items) {}
