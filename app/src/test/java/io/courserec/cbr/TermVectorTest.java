package io.courserec.cbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TermVector#dot(TermVector)} by term id (both vectors identified by the same case base) against the merge
 * by key, on seeded random vectors whose ids are handed out in first-seen order, as {@code CaseBase} does, so id
 * order and key order differ. The two sum the same products in different orders: equal to 1e-12 (unit vectors,
 * at most 60 products each below 1, so rounding stays far below that).
 */
class TermVectorTest {
  private static TermVector random(Random rnd, int vocabulary, int terms) {
    Map<String, Double> raw = new HashMap<>();
    for (int i = 0; i < terms; i++) raw.put("t" + rnd.nextInt(vocabulary), rnd.nextDouble() + 0.01);
    return TermVector.unit(raw);
  }

  private static TermVector identified(TermVector v, Map<String, Integer> dictionary) {
    int[] ids = new int[v.size()];
    for (int i = 0; i < ids.length; i++) ids[i] = dictionary.computeIfAbsent(v.key(i), k -> dictionary.size());
    return v.withIds(ids, dictionary);
  }

  @Test
  void dotByIdEqualsDotByKey() {
    Random rnd = new Random(17);
    Map<String, Integer> dictionary = new HashMap<>();
    Map<String, Integer> other = new HashMap<>();
    int overlapping = 0;
    for (int trial = 0; trial < 500; trial++) {
      TermVector a = random(rnd, 80, 1 + rnd.nextInt(60));
      TermVector b = random(rnd, 80, 1 + rnd.nextInt(60));
      double byKey = a.dot(b);
      double byId = identified(a, dictionary).dot(identified(b, dictionary));
      assertThat(byId).isCloseTo(byKey, within(1e-12));
      if (byKey > 0) overlapping++;
      // ids from two different case bases never compare: the key merge, exactly
      assertThat(identified(a, dictionary).dot(identified(b, other))).isEqualTo(byKey);
      assertThat(identified(a, dictionary).dot(b)).isEqualTo(byKey);
    }
    assertThat(overlapping).isGreaterThan(400);
  }
}
