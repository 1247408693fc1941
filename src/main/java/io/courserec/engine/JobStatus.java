package io.courserec.engine;

import java.time.Instant;

/** A background admin job: state is queued, running, succeeded or failed; message says what happened. */
public record JobStatus(String id, String kind, String state, Instant startedAt, Instant finishedAt, String message) {}
