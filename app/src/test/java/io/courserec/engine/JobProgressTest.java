package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The step convention of progress messages, and what the job thread makes of it. */
class JobProgressTest {

  @Test
  void stepsParseIntoStageAndFraction() {
    assertThat(JobProgress.step(1, 6, "loading")).isEqualTo("[1/6] loading");
    JobProgress.Step s = JobProgress.parse(JobProgress.step(4, 6, "evaluating on a holdout (474 interactions)"));
    assertThat(s.stage()).isEqualTo("evaluating on a holdout (474 interactions)");
    assertThat(s.fraction()).isCloseTo(3.0 / 6, within(1e-12));
    // half of step 2 of 4: (1 + 0.5) / 4
    assertThat(JobProgress.parse(JobProgress.within(2, 4, 50, "tuning")).fraction()).isCloseTo(0.375, within(1e-12));
  }

  @Test
  void otherMessagesAreDetailsNotSteps() {
    assertThat(JobProgress.parse("[  5.1 s] itemknn k=20: 0.31")).isNull(); // the tuner's timed lines
    assertThat(JobProgress.parse("reading stored feedback")).isNull();
    assertThat(JobProgress.parse("[0/6] nothing")).isNull();
    assertThat(JobProgress.parse("[7/6] beyond")).isNull();
    assertThat(JobProgress.parse("[1/6 101%] over")).isNull();
    assertThat(JobProgress.parse(null)).isNull();
    assertThatThrownBy(() -> JobProgress.step(0, 6, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJobThreadKeepsStageAndFractionAcrossDetailsAndNeverGoesBack() throws Exception {
    java.util.concurrent.CountDownLatch inStep3 = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (BackgroundJobs jobs = new BackgroundJobs()) {
      JobStatus queued = jobs.submit("retrain", p -> {
        p.stage(JobProgress.step(1, 4, "loading"));
        p.stage(JobProgress.step(3, 4, "training"));
        p.stage("a detail of training");
        p.stage(JobProgress.step(2, 4, "a nested build restarting its steps"));
        inStep3.countDown();
        release.await();
        return "built";
      });
      assertThat(queued.stage()).isNull();
      assertThat(queued.progress()).isNull();
      inStep3.await();
      JobStatus running = jobs.job(queued.id());
      assertThat(running.state()).isEqualTo("running");
      assertThat(running.stage()).isEqualTo("a nested build restarting its steps");
      assertThat(running.progress()).as("kept at step 3's 2/4, not back to 1/4").isEqualTo(0.5);
      release.countDown();
      EngineFixture.await(() -> jobs.job(queued.id()).finishedAt() != null, "the job");
      JobStatus done = jobs.job(queued.id());
      assertThat(done.state()).isEqualTo("succeeded");
      assertThat(done.stage()).isEqualTo("done");
      assertThat(done.progress()).isEqualTo(1.0);
      assertThat(done.message()).isEqualTo("built");

      JobStatus failing = jobs.submit("reindex", p -> {
        p.stage(JobProgress.step(2, 4, "reading"));
        throw new IllegalStateException("disk full");
      });
      EngineFixture.await(() -> jobs.job(failing.id()).finishedAt() != null, "the failing job");
      JobStatus failed = jobs.job(failing.id());
      assertThat(failed.state()).isEqualTo("failed");
      assertThat(failed.stage()).as("where it failed").isEqualTo("reading");
      assertThat(failed.progress()).isEqualTo(0.25);
      assertThat(failed.message()).contains("disk full");
    }
  }

  @Test
  void aCountInsideAStepMovesTheFractionWithinTheStepAndSaysRateAndTimeLeft() throws Exception {
    java.util.concurrent.CountDownLatch counted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (BackgroundJobs jobs = new BackgroundJobs()) {
      JobStatus queued = jobs.submit("retrain", p -> {
        p.stage(JobProgress.step(2, 4, "tuning"));
        try (io.courserec.progress.Counter trials = p.count("tuning trials", 10)) {
          trials.advance(5);
          // a count reports at most every COUNT_INTERVAL_NANOS: wait past it, then move by nothing to report
          Thread.sleep(BackgroundJobs.COUNT_INTERVAL_NANOS / 1_000_000 + 50);
          trials.advance(0);
          counted.countDown();
          release.await();
        }
        return "built";
      });
      counted.await();
      JobStatus running = jobs.job(queued.id());
      assertThat(running.stage()).as("the count does not rename the stage").isEqualTo("tuning");
      // step 2 of 4 starts at 1/4 and spans 1/4; half of its trials done: (1 + 5/10) / 4
      assertThat(running.progress()).isCloseTo(0.375, within(1e-12));
      assertThat(running.message()).startsWith("tuning trials 5/10 (50%), ").contains("/s").contains("left");
      release.countDown();
      EngineFixture.await(() -> jobs.job(queued.id()).finishedAt() != null, "the job");
      assertThat(jobs.job(queued.id()).progress()).isEqualTo(1.0);
      assertThat(jobs.recent(5)).extracting(JobStatus::id).containsExactly(queued.id());
      assertThat(jobs.active()).isNull();
    }
  }
}
