package io.courserec.cf;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a loop body over [0, n) in fixed-size chunks on a few platform threads, each thread with its own scratch
 * state. Chunks are handed out dynamically, so the work balances, but a chunk's result never depends on which
 * thread ran it: bodies must write only to their own index range (or their scratch), which keeps training
 * deterministic regardless of scheduling. The first failure is rethrown after all threads stop.
 */
public final class ParallelLoop {
  private ParallelLoop() {}

  /** A loop body over the half-open range [from, to) with the calling thread's scratch state. */
  @FunctionalInterface
  public interface Body<S> {
    void run(S scratch, int from, int to);
  }

  /** Training threads from {@code mf.threads} (0 = all available processors). */
  public static int threads(Config config) {
    int t = config.integer(ConfigKey.MF_THREADS);
    return t > 0 ? t : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code body} over [0, n) in chunks of {@code chunk} indices on up to {@code threads} threads.
   *
   * @param scratch creates one scratch object per thread
   */
  public static <S> void run(int n, int chunk, int threads, Supplier<S> scratch, Body<S> body) {
    if (n <= 0) return;
    if (chunk <= 0) throw new IllegalArgumentException("chunk must be positive, got " + chunk);
    int chunks = (n + chunk - 1) / chunk;
    int t = Math.max(1, Math.min(threads, chunks));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      S s = scratch.get();
      int c;
      while (failure.get() == null && (c = next.getAndIncrement()) < chunks) {
        int from = c * chunk;
        try {
          body.run(s, from, Math.min(n, from + chunk));
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    if (t == 1) {
      worker.run();
    } else {
      List<Thread> started = new ArrayList<>(t - 1);
      for (int i = 1; i < t; i++) started.add(Thread.ofPlatform().name("courserec-train-" + i).start(worker));
      worker.run();
      for (Thread th : started) {
        try {
          th.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure.compareAndSet(null, e);
        }
      }
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) throw re;
    if (f instanceof Error err) throw err;
    if (f != null) throw new IllegalStateException("parallel loop interrupted", f);
  }
}
