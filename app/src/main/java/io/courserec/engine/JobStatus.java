package io.courserec.engine;

import java.time.Instant;

/**
 * A background admin job: state is queued, running, succeeded or failed; message says what happened last.
 *
 * @param stage what the job is doing now, from the work's last step message ({@link JobProgress}); null until the
 *     work names a step
 * @param progress fraction of the work's steps done, 0 to 1 (1 once succeeded); null while not known (the work has
 *     not named a step yet, or it does not report steps). Steps are counted, not timed: a step that takes most of
 *     the time (tuning) holds the fraction still while it runs
 */
public record JobStatus(String id, String kind, String state, Instant startedAt, Instant finishedAt, String message,
                        String stage, Double progress) {

  /** A status without step information (queued, or work that reports none). */
  public JobStatus(String id, String kind, String state, Instant startedAt, Instant finishedAt, String message) {
    this(id, kind, state, startedAt, finishedAt, message, null, null);
  }
}
