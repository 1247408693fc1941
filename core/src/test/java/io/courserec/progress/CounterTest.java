package io.courserec.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CounterTest {
  @Test
  void countsEveryUnitFromManyThreadsAndFinishesOnce() throws InterruptedException {
    AtomicInteger updates = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Counter c = new Counter("work", 80_000, 0, new Counter.Listener() {
      @Override
      public void update(Counter x) { updates.incrementAndGet(); }

      @Override
      public void finished(Counter x) { finished.incrementAndGet(); }
    });
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 10_000; i++) c.advance();
      }));
    }
    for (Thread t : threads) t.join();
    c.close();
    c.close();
    assertThat(c.done()).isEqualTo(80_000); // 8 threads x 10,000: no lost increments
    assertThat(c.fraction()).isEqualTo(1.0);
    assertThat(c.secondsLeft()).isEqualTo(0.0);
    assertThat(updates.get()).isPositive(); // interval 0: reports whenever the compare-and-set wins
    assertThat(finished.get()).isEqualTo(1);
  }

  @Test
  void reportsAtMostOncePerIntervalAndKnowsWhenTheTotalIsUnknown() {
    AtomicInteger updates = new AtomicInteger();
    Counter c = new Counter("rows", 0, 3_600_000_000_000L, new Counter.Listener() {
      @Override
      public void update(Counter x) { updates.incrementAndGet(); }

      @Override
      public void finished(Counter x) { }
    });
    for (int i = 0; i < 1000; i++) c.advance();
    c.set(5000);
    assertThat(updates.get()).isZero(); // an hour has not passed since the counter was made
    assertThat(c.done()).isEqualTo(5000);
    assertThat(c.fraction()).isNaN();
    assertThat(c.secondsLeft()).isNaN();
  }

  @Test
  void stagesOnlyPassesStagesAndNotesAndCountsSilently() {
    List<String> seen = new ArrayList<>();
    Progress p = Progress.stages(seen::add);
    p.stage("loading");
    p.note("ndcg 0.25");
    try (Counter c = p.count("learners", 3)) {
      c.advance(3);
      assertThat(c.done()).isEqualTo(3);
    }
    assertThat(seen).containsExactly("loading", "ndcg 0.25");
  }
}
