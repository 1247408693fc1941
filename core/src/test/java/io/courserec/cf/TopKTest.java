package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKTest {
  /** Against a full sort by (score desc, id asc) on random input with many ties (scores drawn from 0..9). */
  @Test
  void keepsTheBestWithTiesByLowerId() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int round = 0; round < 200; round++) {
      int n = rnd.nextInt(60);
      int cap = rnd.nextInt(12);
      TopK top = new TopK(cap);
      List<float[]> all = new ArrayList<>();
      for (int id = 0; id < n; id++) {
        float s = rnd.nextInt(10);
        all.add(new float[] {id, s});
      }
      java.util.Collections.shuffle(all, new java.util.Random(round));
      for (float[] p : all) top.offer((int) p[0], p[1]);
      all.sort(Comparator.<float[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
      TopK.Ranked r = top.drain();
      assertThat(r.size()).isEqualTo(Math.min(cap, n));
      for (int i = 0; i < r.size(); i++) {
        assertThat(r.ids()[i]).isEqualTo((int) all.get(i)[0]);
        assertThat(r.scores()[i]).isEqualTo(all.get(i)[1]);
      }
      assertThat(top.size()).isZero();
    }
  }

  @Test
  void refusesNaNAndSupportsPaging() {
    TopK top = new TopK(3);
    assertThat(top.offer(1, Float.NaN)).isFalse();
    top.offer(4, 1f);
    top.offer(2, 3f);
    top.offer(9, 2f);
    assertThat(top.accepts(7, 0.5f)).isFalse();
    assertThat(top.accepts(0, 1f)).as("equal score, lower id wins").isTrue();
    TopK.Ranked r = top.drain().from(1);
    assertThat(r.ids()).containsExactly(9, 4);
    assertThat(r.from(5).size()).isZero();
    assertThat(new TopK(0).offer(1, 1f)).isFalse();
  }
}
