package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flat set against its brute-force twin, a HashSet of pairs, on keys chosen to repeat and to collide. */
class LongPairSetTest {
  @Test
  void agreesWithAHashSetThroughManyGrowths() {
    Random rnd = new Random(20261205);
    LongPairSet fast = new LongPairSet();
    Set<List<Long>> twin = new HashSet<>();
    for (int n = 0; n < 200_000; n++) {
      // few distinct values per half: many repeats, and pairs that share one half
      long a = rnd.nextInt(300) == 0 ? Long.MIN_VALUE : ((long) rnd.nextInt(500) << 32) | rnd.nextInt(8);
      long b = rnd.nextBoolean() ? Long.MIN_VALUE : rnd.nextInt(100) * 1000L;
      assertThat(fast.add(a, b)).isEqualTo(twin.add(List.of(a, b)));
    }
    assertThat(fast.size()).isEqualTo(twin.size()).isGreaterThan(1 << 10); // it grew past its first table
  }

  @Test
  void swappedHalvesAreDifferentPairs() {
    LongPairSet s = new LongPairSet();
    assertThat(s.add(1, 2)).isTrue();
    assertThat(s.add(2, 1)).isTrue();
    assertThat(s.add(1, 2)).isFalse();
    assertThat(s.add(0, 0)).isTrue();
    assertThat(s.add(0, 0)).isFalse();
    // the free-slot marker as a key, whole and in halves
    assertThat(s.add(Long.MIN_VALUE, Long.MIN_VALUE)).isTrue();
    assertThat(s.add(Long.MIN_VALUE, Long.MIN_VALUE)).isFalse();
    assertThat(s.add(Long.MIN_VALUE, 0)).isTrue();
    assertThat(s.add(0, Long.MIN_VALUE)).isTrue();
    assertThat(s.add(Long.MIN_VALUE, 0)).isFalse();
    assertThat(s.size()).isEqualTo(6);
  }
}
