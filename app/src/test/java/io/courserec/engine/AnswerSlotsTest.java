package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnswerSlotsTest {
  /** Generous: the threads only park and wake; a loaded CI machine may still take seconds to schedule them. */
  private static final long WAIT_SECONDS = 30;

  @Test
  void atMostTheConfiguredNumberComputeAtOnceAndTheRestWaitInArrivalOrder() throws Exception {
    AnswerSlots slots = new AnswerSlots(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> started = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int id = i;
        answers.add(pool.submit(() -> slots.call(() -> {
          started.add(id);
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          try {
            release.await(WAIT_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inside.decrementAndGet();
          return id;
        })));
        // each caller queues before the next is submitted, so arrival order is submission order
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        int expectWaiting = Math.max(0, i + 1 - 2);
        while ((slots.waiting() < expectWaiting || started.size() < Math.min(i + 1, 2)) && System.nanoTime() < until) {
          Thread.sleep(1);
        }
      }
      assertThat(started).containsExactly(0, 1);
      assertThat(slots.waiting()).isEqualTo(4);
      release.countDown();
      for (int i = 0; i < answers.size(); i++) assertThat(answers.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(i);
      assertThat(most.get()).isEqualTo(2);
      assertThat(started).containsExactly(0, 1, 2, 3, 4, 5);
      assertThat(slots.waiting()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedAnswerGivesItsSlotBack() {
    AnswerSlots slots = new AnswerSlots(1);
    assertThatThrownBy(() -> slots.call(() -> { throw new IllegalStateException("boom"); }))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    // had the slot leaked, this call would wait for ever
    assertThat(assertTimeoutPreemptively(java.time.Duration.ofSeconds(WAIT_SECONDS), () -> slots.call(() -> "next"))).isEqualTo("next");
  }

  @Test
  void zeroMeansOnePerProcessor() {
    assertThat(new AnswerSlots(0).size()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(new AnswerSlots(3).size()).isEqualTo(3);
  }
}
