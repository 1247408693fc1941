package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A restart keeps every acknowledged event", end to end: a server in a child JVM ({@link ServerProcess}) receives
 * feedback from four client threads ({@link AcknowledgedFeedback}: single events and batches of three, each with an
 * event id); the test kills the process with SIGKILL while the clients are still posting, starts a new server on
 * the same model and store directories, and checks that each learner's {@code /users/{id}/history} contains every
 * acknowledged event. Events whose request was cut off by the kill may or may not be there.
 */
class RestartKeepsFeedbackIT {
  private static final int ACKS_BEFORE_KILL = 150;
  @TempDir Path tmp;

  @Test
  void everyAcknowledgedEventSurvivesAKill() throws Exception {
    AcknowledgedFeedback feedback;
    try (ServerProcess first = ServerProcess.start(tmp, "first", Map.of())) {
      feedback = new AcknowledgedFeedback(first.awaitReady(), 4);
      while (feedback.acknowledged() < ACKS_BEFORE_KILL) {
        assertThat(first.isAlive()).as("first server alive").isTrue();
        Thread.sleep(10);
      }
      first.kill(); // SIGKILL while the clients keep posting
      feedback.join();
    }
    assertThat(feedback.acknowledged()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

    try (ServerProcess second = ServerProcess.start(tmp, "second", Map.of())) {
      feedback.assertStoredAsSeenBy(second.http());
    }
  }
}
