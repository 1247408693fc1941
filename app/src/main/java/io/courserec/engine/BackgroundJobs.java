package io.courserec.engine;

import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import io.courserec.progress.ProgressText;
import io.courserec.rec.UnknownEntityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin jobs (retrain, reindex) on one background thread: one job at a time, so two model builds never compete
 * for the two cores or the model directory. Asking for a job while one is queued or running returns that job's
 * status instead of queueing another (whatever its kind: both rebuild the model). The last {@value #KEPT} jobs are
 * remembered for {@code GET /admin/jobs/{id}}.
 *
 * <p>A job's state goes queued → running → succeeded | failed; its message says what it is doing while it runs
 * (the work reports progress) and what it did at the end (the work's return value, or the failure). Progress
 * messages that name a step ({@link JobProgress}) also set the job's stage and the fraction of steps done (never
 * decreasing; 1 on success; a failed job keeps the stage it failed in).
 */
final class BackgroundJobs implements AutoCloseable {
  static final int KEPT = 100;
  private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

  /** A job's body: reports progress, returns the final message; any exception fails the job. */
  interface Work {
    String run(Progress progress) throws Exception;
  }

  /** Least time between two job updates from one count (the status is polled, not pushed). */
  static final long COUNT_INTERVAL_NANOS = 250_000_000L;

  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "courserec-jobs");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, JobStatus> jobs = new LinkedHashMap<>();
  /** The last step each running job named, for counts inside it. */
  private final Map<String, JobProgress.Step> steps = new HashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private final String prefix = Long.toString(System.currentTimeMillis(), 36);
  private String active;

  /** Queues a job, or returns the queued or running one. */
  synchronized JobStatus submit(String kind, Work work) {
    if (active != null) return jobs.get(active);
    JobStatus queued = queue(kind, work);
    active = queued.id();
    return queued;
  }

  /**
   * Queues a job after whatever is queued or running (unlike {@link #submit}); while a job of the same kind is still
   * queued (not started), returns that one instead.
   */
  synchronized JobStatus enqueue(String kind, Work work) {
    for (JobStatus j : jobs.values()) if (j.kind().equals(kind) && j.state().equals("queued")) return j;
    JobStatus queued = queue(kind, work);
    if (active == null) active = queued.id();
    return queued;
  }

  private JobStatus queue(String kind, Work work) {
    String id = kind + "-" + prefix + "-" + counter.incrementAndGet();
    JobStatus queued = new JobStatus(id, kind, "queued", Instant.now(), null, "waiting for the job thread");
    put(queued);
    try {
      executor.execute(() -> run(queued, work));
    } catch (RejectedExecutionException e) {
      jobs.remove(id);
      throw new NotReadyException("the engine is shutting down; no new jobs");
    }
    return queued;
  }

  /** Runs plain start-up work on the job thread (before any job queued after it); not a job. */
  void execute(Runnable task) {
    executor.execute(task);
  }

  private void run(JobStatus queued, Work work) {
    String id = queued.id();
    update(id, "running", null, "started");
    long t0 = System.nanoTime();
    try {
      String message = work.run(progressOf(id));
      finish(id, "succeeded", message);
      log.info("job {} succeeded in {} ms: {}", id, (System.nanoTime() - t0) / 1_000_000, message);
    } catch (Exception | Error e) {
      String message = e.getClass().getSimpleName() + ": " + e.getMessage();
      finish(id, "failed", message);
      log.error("job {} failed after {} ms", id, (System.nanoTime() - t0) / 1_000_000, e);
    }
  }

  private synchronized void update(String id, String state, Instant finished, String message) {
    JobStatus j = jobs.get(id);
    if (j != null) put(new JobStatus(id, j.kind(), state, j.startedAt(), finished, message, j.stage(), j.progress()));
  }

  /**
   * The job's progress: stage and note messages go to {@link #report}; a count inside a step moves the fraction
   * within that step's share ({@link JobProgress.Step#at}) and shows "label done/total (p%), rate, time left" as
   * the message, at most every {@link #COUNT_INTERVAL_NANOS}.
   */
  private Progress progressOf(String id) {
    return new Progress() {
      @Override
      public void stage(String message) {
        report(id, message);
      }

      @Override
      public Counter count(String label, long total) {
        return new Counter(label, total, COUNT_INTERVAL_NANOS, new Counter.Listener() {
          @Override
          public void update(Counter c) {
            counted(id, c);
          }

          @Override
          public void finished(Counter c) { } // the next step or the end says what follows
        });
      }
    };
  }

  /** A progress message: a step ({@link JobProgress}) moves the stage and fraction; anything else is a detail. */
  private synchronized void report(String id, String message) {
    JobStatus j = jobs.get(id);
    if (j == null) return;
    JobProgress.Step step = JobProgress.parse(message);
    if (step != null) steps.put(id, step);
    String stage = step == null ? j.stage() : step.stage();
    put(new JobStatus(id, j.kind(), "running", j.startedAt(), null, message, stage,
        step == null ? j.progress() : forward(j.progress(), step.fraction())));
  }

  /** A count inside the current step: the fraction moves within the step (counts outside any step only talk). */
  private synchronized void counted(String id, Counter c) {
    JobStatus j = jobs.get(id);
    if (j == null || !j.state().equals("running")) return;
    JobProgress.Step step = steps.get(id);
    Double progress = step == null || Double.isNaN(c.fraction()) ? j.progress() : forward(j.progress(), step.at(c.fraction()));
    put(new JobStatus(id, j.kind(), "running", j.startedAt(), null, ProgressText.running(c), j.stage(), progress));
  }

  /** Never backwards: a nested build (erasure's rebuild) restarting its steps must not make the bar jump back. */
  private static Double forward(Double now, double next) {
    return now == null ? next : Math.max(now, next);
  }

  private synchronized void finish(String id, String state, String message) {
    update(id, state, Instant.now(), message);
    JobStatus j = jobs.get(id);
    if (j != null && state.equals("succeeded")) {
      put(new JobStatus(id, j.kind(), state, j.startedAt(), j.finishedAt(), message, "done", 1.0));
    }
    steps.remove(id);
    if (id.equals(active)) active = null;
  }

  private void put(JobStatus j) {
    jobs.put(j.id(), j);
    for (Iterator<String> it = jobs.keySet().iterator(); jobs.size() > KEPT && it.hasNext(); ) {
      String old = it.next();
      if (!old.equals(active)) it.remove();
    }
  }

  /** A job's status; {@link UnknownEntityException} ("job") for an id never issued or long forgotten. */
  synchronized JobStatus job(String id) {
    JobStatus j = jobs.get(id);
    if (j == null) throw new UnknownEntityException("job", id);
    return j;
  }

  /** The last {@code n} jobs remembered, newest first (queued and running ones included). */
  synchronized List<JobStatus> recent(int n) {
    List<JobStatus> all = new ArrayList<>(jobs.values());
    Collections.reverse(all);
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  /** The queued or running job, or null. */
  synchronized JobStatus active() {
    return active == null ? null : jobs.get(active);
  }

  /** Stops taking work, interrupts the running job and waits up to {@code seconds} for it to end. */
  void close(long seconds) {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
        log.warn("a background job is still running after {} s; abandoning it (its partial model directory is "
            + "skipped at the next start)", seconds);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(10);
  }
}
