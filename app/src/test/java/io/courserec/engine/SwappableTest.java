package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SwappableTest {
  /** A fake generation: its two halves must always agree, and it must not be used after close. */
  static final class Gen {
    final int a;
    final int b;
    volatile boolean closed;

    Gen(int n) {
      a = n;
      b = n;
    }
  }

  @Test
  void oldValueClosesOnlyAfterLastLease() {
    List<Integer> closed = new ArrayList<>();
    Swappable<Gen> s = new Swappable<>(g -> { g.closed = true; closed.add(g.a); });
    assertThat(s.acquire()).isNull();
    s.swap(new Gen(1));
    Swappable.Lease<Gen> lease = s.acquire();
    s.swap(new Gen(2));
    assertThat(closed).isEmpty();
    assertThat(lease.get().a).isEqualTo(1);
    lease.close();
    lease.close(); // idempotent
    assertThat(closed).containsExactly(1);
    try (Swappable.Lease<Gen> l2 = s.acquire()) {
      assertThat(l2.get().a).isEqualTo(2);
    }
  }

  @Test
  void concurrentReadersNeverSeeAClosedOrMixedGeneration() throws InterruptedException {
    Swappable<Gen> s = new Swappable<>(g -> g.closed = true);
    s.swap(new Gen(0));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        while (!stop.get()) {
          try (Swappable.Lease<Gen> l = s.acquire()) {
            Gen g = l.get();
            int a = g.a;
            Thread.onSpinWait();
            if (g.closed) failures.add("used after close: " + a);
            if (g.b != a) failures.add("mixed generation");
            reads.incrementAndGet();
          }
        }
      });
      th.start();
      readers.add(th);
    }
    for (int i = 1; i <= 2000; i++) s.swap(new Gen(i));
    stop.set(true);
    for (Thread th : readers) th.join();
    assertThat(failures).isEmpty();
    assertThat(reads.get()).isPositive();
  }
}
