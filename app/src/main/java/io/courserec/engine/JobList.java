package io.courserec.engine;

import java.util.List;

/**
 * What the job thread is doing and has done ({@code GET /admin/jobs}): an operator page opened after a retrain was
 * started elsewhere (another tab, the scheduler, the CLI's {@code retrain --server}) finds the job here.
 *
 * @param active the queued or running job, or null when the job thread is idle
 * @param recent the last jobs remembered, newest first (the active one included)
 */
public record JobList(JobStatus active, List<JobStatus> recent) {
  public JobList {
    recent = List.copyOf(recent);
  }
}
