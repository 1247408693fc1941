package io.courserec.engine;

/**
 * What {@link Engine#forget} did at once, and the job that completes it.
 *
 * @param storedEventsErased feedback events deleted from the store
 * @param alreadyListed the learner was on the erasure list before this call (the call is idempotent)
 * @param completion the background job that replaces and retires model versions holding the learner
 */
public record ErasureResult(String userId, long storedEventsErased, boolean alreadyListed, JobStatus completion) {}
