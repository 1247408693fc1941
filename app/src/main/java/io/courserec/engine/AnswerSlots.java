package io.courserec.engine;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code recommend.max_concurrent} answers computed at once (default: one per processor); further requests
 * wait in arrival order (a fair semaphore).
 *
 * <p>Why: ranking is CPU-bound. With more requests computing than processors they share the cores, and each one takes
 * its CPU time multiplied by the number running per core — a learner whose ranking costs 3 ms of CPU takes about
 * 24 ms with 16 requests on 2 cores, so the tail of the CPU cost became the tail of the latency, multiplied. Served in turn, a
 * request waits for those ahead of it (a sum of many costs, which varies little) and then takes its own CPU time.
 * The price is throughput under heavy concurrency: a released slot's next request needs a moment to wake, and at 16
 * clients on 2 cores the server answered 15-20 % fewer requests per second (docs/engine.md, "Night of 2026-12-05");
 * raising the setting trades the tail back for it. Reading the learner's stored events (a database round trip)
 * happens outside the slot, so a slow store does not hold a processor's share.
 */
final class AnswerSlots {
  private final int size;
  private final Semaphore free;

  /** @param configured slots; 0 means one per available processor */
  AnswerSlots(int configured) {
    this.size = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    this.free = new Semaphore(size, true);
  }

  /** Runs {@code work} in a slot, waiting for one first. */
  <T> T call(Supplier<T> work) {
    free.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      free.release();
    }
  }

  /** The number of slots. */
  int size() { return size; }

  /** Requests waiting for a slot now (an estimate: the {@code courserec_answers_waiting} gauge). */
  int waiting() { return free.getQueueLength(); }
}
