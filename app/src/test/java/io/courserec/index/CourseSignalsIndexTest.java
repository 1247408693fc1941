package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every signal goes through a real index and comes back unchanged; absent stays absent. */
class CourseSignalsIndexTest {
  @TempDir Path root;

  /** Signals for the 8-course test catalog; ordinals 4 and 6 have no factors, 6 and 7 no neighbours, 2 no priors. */
  private static CourseSignals signals() {
    CourseSignals.Builder b = CourseSignals.builder("als-2026-11-26T07", 8);
    for (int o = 0; o < 8; o++) {
      if (o != 2) {
        b.popularityPrior(o, 0.1f * o);
        b.ratingPrior(o, -0.5f + o);
      }
      if (o != 4 && o != 6) b.itemFactors(o, new float[] {o, -o, 0.5f * o});
      if (o < 6) b.neighbors(o, new int[] {(o + 1) % 8, (o + 2) % 8}, new float[] {0.9f - 0.1f * o, 0.05f});
    }
    return b.build();
  }

  @Test
  void everySignalRoundTripsThroughTheIndex() throws IOException {
    IndexManifest m = new CatalogIndexer(root, 3, o -> {}).reindex(TestCatalog.dataset(), signals());
    assertThat(m.modelVersion()).isEqualTo("als-2026-11-26T07");
    assertThat(m.factorDimension()).isEqualTo(3);
    try (CatalogIndex index = CatalogIndex.open(root); IndexHandle h = index.acquire()) {
      assertThat(h.reader().getIndexCommit().getUserData()).containsEntry("modelVersion", "als-2026-11-26T07");
      LeafReaderContext leaf = h.reader().leaves().get(0);
      LeafSignals s = LeafSignals.open(leaf);
      assertThat(s.factorDimension()).isEqualTo(3);
      for (int doc = 0; doc < 8; doc++) {
        int o = s.ordinal(doc);
        assertThat(o).isEqualTo(doc);
        assertThat(s.popularityPrior(doc, -1f)).isEqualTo(o == 2 ? -1f : 0.1f * o);
        assertThat(s.ratingPrior(doc, -9f)).isEqualTo(o == 2 ? -9f : -0.5f + o);
        float[] f = s.itemFactors(doc);
        if (o == 4 || o == 6) assertThat(f).isNull();
        else assertThat(f).containsExactly(o, -o, 0.5f * o);
        BytesRef n = s.neighbors(doc);
        if (o >= 6) {
          assertThat(n).isNull();
        } else {
          NeighborListCodec.Neighbors d = NeighborListCodec.decode(n);
          assertThat(d.ordinals()).containsExactly((o + 1) % 8, (o + 2) % 8);
          assertThat(d.similarities()).containsExactly(0.9f - 0.1f * o, 0.05f);
        }
      }
      // the priors are plain float doc values: Lucene's own DoubleValuesSource reads them
      DoubleValues dv = DoubleValuesSource.fromFloatField(CourseFields.PRIOR_POPULARITY).getValues(leaf, null);
      assertThat(dv.advanceExact(2)).isFalse();
      assertThat(dv.advanceExact(3)).isTrue();
      assertThat(dv.doubleValue()).isEqualTo(0.3f);
    }
  }

  @Test
  void readersAcceptDocsOutOfOrder() throws IOException {
    new CatalogIndexer(root, 3, o -> {}).reindex(TestCatalog.dataset(), signals());
    try (CatalogIndex index = CatalogIndex.open(root); IndexHandle h = index.acquire()) {
      LeafSignals s = LeafSignals.open(h.reader().leaves().get(0));
      assertThat(s.itemFactors(7)).containsExactly(7f, -7f, 3.5f);
      assertThat(s.itemFactors(1)).containsExactly(1f, -1f, 0.5f);
      assertThat(s.itemFactors(5)).containsExactly(5f, -5f, 2.5f);
      assertThat(s.itemFactors(4)).isNull();
      assertThat(s.itemFactors(3)).containsExactly(3f, -3f, 1.5f);
      assertThat(s.ordinal(6)).isEqualTo(6);
      assertThat(s.ordinal(0)).isZero();
      assertThat(s.popularityPrior(5, 0f)).isEqualTo(0.5f);
      assertThat(s.popularityPrior(1, 0f)).isEqualTo(0.1f);
      assertThat(NeighborListCodec.ordinal(s.neighbors(5), 0)).isEqualTo(6);
      assertThat(NeighborListCodec.ordinal(s.neighbors(0), 0)).isEqualTo(1);
    }
  }

  @Test
  void aGenerationWithoutSignalsReportsEveryoneAsMissing() throws IOException {
    new CatalogIndexer(root, 3, o -> {}).reindex(TestCatalog.dataset());
    try (CatalogIndex index = CatalogIndex.open(root); IndexHandle h = index.acquire()) {
      LeafSignals s = LeafSignals.open(h.reader().leaves().get(0));
      assertThat(s.factorDimension()).isZero();
      assertThat(s.itemFactors(0)).isNull();
      assertThat(s.neighbors(0)).isNull();
      assertThat(s.popularityPrior(0, 7f)).isEqualTo(7f);
      assertThat(s.ordinal(0)).isZero();
    }
  }

  @Test
  void badSignalsFailWhenSetNamingTheCourse() {
    CourseSignals.Builder b = CourseSignals.builder("v1", 3).itemFactors(0, new float[] {1, 2});
    assertThatThrownBy(() -> b.itemFactors(1, new float[] {1, 2, 3})).hasMessageContaining("dimension 3").hasMessageContaining("2");
    assertThatThrownBy(() -> b.itemFactors(1, new float[] {1, Float.NaN})).hasMessageContaining("ordinal 1");
    assertThatThrownBy(() -> b.neighbors(1, new int[] {1}, new float[] {1f})).hasMessageContaining("not another course");
    assertThatThrownBy(() -> b.neighbors(1, new int[] {3}, new float[] {1f})).hasMessageContaining("[0, 3)");
    assertThatThrownBy(() -> b.popularityPrior(3, 1f)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> b.ratingPrior(0, Float.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> CourseSignals.builder(" ", 1)).hasMessageContaining("modelVersion");
    assertThat(CourseSignals.none(4).isEmpty()).isTrue();
    assertThat(b.build().isEmpty()).isFalse();
  }
}
