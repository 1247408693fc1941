package io.courserec.hybrid;

import java.util.List;

/**
 * A hybrid answer: the items (after offset), the learner segment, the effective weights and which strategy served
 * the learner: {@code personal} (history), {@code cold-start} (declared interests/goals only) or {@code popular}
 * (no signal at all; the prior alone).
 */
public record HybridRanking(String userId, UserSegment segment, io.courserec.rec.Strategy strategy, BlendWeights weights,
                            List<HybridItem> items, long candidates) {}
