package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IdIndex} against a {@code HashMap} on seeded random ids, colliding hash codes included. */
class IdIndexTest {

  @Test
  void agreesWithAHashMapOnRandomIdsAndUnknownOnes() {
    SplittableRandom r = new SplittableRandom(7);
    for (int size : new int[] {0, 1, 2, 3, 17, 1000, 50_000}) {
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      while (distinct.size() < size) distinct.add("U" + r.nextInt(size * 10 + 1));
      List<String> ids = new ArrayList<>(distinct);
      IdIndex index = IdIndex.of(ids);
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) expected.put(ids.get(i), i);
      assertThat(index.size()).isEqualTo(size);
      for (int i = 0; i < ids.size(); i++) {
        assertThat(index.ordinal(ids.get(i))).isEqualTo(i);
        assertThat(index.id(i)).isSameAs(ids.get(i));
      }
      for (int k = 0; k < 2000; k++) {
        String probe = "U" + r.nextInt(size * 20 + 1);
        assertThat(index.ordinal(probe)).as(probe).isEqualTo(expected.getOrDefault(probe, -1));
      }
      assertThat(index.ordinal(null)).isEqualTo(-1);
      assertThat(index.sameIdsAs(ids.toArray(String[]::new))).isTrue();
    }
  }

  /** "Aa" and "BB" share String.hashCode, and so do all concatenations of them: every id lands in one probe run. */
  @Test
  void idsWithEqualHashCodesAreToldApartAndDuplicatesRefused() {
    List<String> ids = new ArrayList<>();
    for (String a : List.of("Aa", "BB")) for (String b : List.of("Aa", "BB")) for (String c : List.of("Aa", "BB")) ids.add(a + b + c);
    assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
    IdIndex index = IdIndex.of(ids);
    for (int i = 0; i < ids.size(); i++) assertThat(index.ordinal(ids.get(i))).isEqualTo(i);
    assertThat(index.ordinal("AaAaAb")).isEqualTo(-1);
    assertThat(index.sameIdsAs(new String[] {"AaAaAa"})).isFalse();
    assertThatThrownBy(() -> IdIndex.of(List.of("x", "y", "x"))).hasMessageContaining("duplicate id x");
  }
}
