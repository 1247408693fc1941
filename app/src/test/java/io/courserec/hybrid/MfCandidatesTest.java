package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.hybrid.signals.MfSignal;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.CourseSignals;
import io.courserec.index.IndexHandle;
import io.courserec.index.TestCatalog;
import io.courserec.rec.CourseFilter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MF candidates, both ways, against sorting every course by its dot product: the exact pass must return exactly
 * the best k eligible courses and their largest dot; the index's vector search on the 8-course catalog (HNSW is
 * exhaustive at this size) must agree with it, and both must skip excluded courses and courses without factors.
 */
class MfCandidatesTest {
  @TempDir Path root;

  @Test
  void exactAndIndexSearchFindTheBestDotProducts() throws Exception {
    Dataset data = TestCatalog.dataset();
    int n = data.numCourses();
    Random rnd = new Random(7);
    float[][] factors = new float[n][];
    CourseSignals.Builder b = CourseSignals.builder("mf-test", n);
    for (int i = 0; i < n; i++) {
      if (i == 5) continue; // a course without factors
      factors[i] = new float[] {(float) rnd.nextGaussian(), (float) rnd.nextGaussian(), (float) rnd.nextGaussian()};
      b.itemFactors(i, factors[i]);
    }
    new CatalogIndexer(root, Config.defaults()).reindex(data, b.build());
    try (CatalogIndex index = CatalogIndex.open(root); IndexHandle h = index.acquire()) {
      for (int trial = 0; trial < 20; trial++) {
        float[] user = {(float) rnd.nextGaussian(), (float) rnd.nextGaussian(), (float) rnd.nextGaussian()};
        int excludedOrd = rnd.nextInt(n);
        boolean[] excluded = new boolean[n];
        excluded[excludedOrd] = true;
        int k = 1 + rnd.nextInt(4);
        // brute force: eligible courses with factors by dot product, best first
        int[] want = IntStream.range(0, n).filter(i -> factors[i] != null && !excluded[i]).boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -MfSignal.dot(user, factors[i]))).limit(k)
            .mapToInt(Integer::intValue).sorted().toArray();
        double wantMax = MfSignal.dot(user, factors[Arrays.stream(want).boxed()
            .max(Comparator.comparingDouble(i -> MfSignal.dot(user, factors[i]))).orElseThrow()]);

        MfCandidates exact = MfCandidates.exact(factors, user, excluded, k);
        assertThat(exact.ordinals()).containsExactly(want);
        assertThat(exact.maxDot()).isEqualTo(wantMax);

        MfCandidates viaIndex = MfCandidates.search(h, factors, user, CourseFilter.NONE,
            Set.of(data.course(excludedOrd).id()), k);
        int[] got = viaIndex.ordinals().clone();
        Arrays.sort(got);
        assertThat(got).containsExactly(want);
        assertThat(viaIndex.maxDot()).isCloseTo(wantMax, within(0.0)); // same arithmetic (MfSignal.dot), same factors
      }
    }
  }

  /**
   * The exact pass on larger random catalogs, some learners with mostly negative dot products: the best k eligible
   * courses with factors by brute-force sort, their largest dot (0 when none is positive), every course's dot kept.
   */
  @Test
  void exactPassMatchesBruteForceOnLargerCatalogs() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(3000);
      int rank = 1 + rnd.nextInt(16);
      float[][] factors = new float[n][];
      for (int i = 0; i < n; i++) {
        if (rnd.nextInt(20) == 0) continue; // no factors
        factors[i] = new float[rank];
        for (int f = 0; f < rank; f++) factors[i][f] = (float) Math.abs(rnd.nextGaussian());
      }
      float[] user = new float[rank];
      double shift = rnd.nextInt(3) == 0 ? -1.5 : 0; // mostly negative dots
      for (int f = 0; f < rank; f++) user[f] = (float) (rnd.nextGaussian() + shift);
      boolean[] excluded = new boolean[n];
      for (int i = 0; i < n; i++) excluded[i] = rnd.nextInt(10) == 0;
      int k = 1 + rnd.nextInt(400);
      int[] want = IntStream.range(0, n).filter(i -> factors[i] != null && !excluded[i]).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> -(float) MfSignal.dot(user, factors[i])).thenComparingInt(i -> i))
          .limit(k).mapToInt(Integer::intValue).sorted().toArray();
      double wantMax = Arrays.stream(want).mapToDouble(i -> (float) MfSignal.dot(user, factors[i])).max().orElse(0);

      MfCandidates exact = MfCandidates.exact(factors, user, excluded, k);
      assertThat(exact.ordinals()).as("trial %d", trial).containsExactly(want);
      assertThat(exact.maxDot()).as("trial %d", trial).isEqualTo(Math.max(0, wantMax));
      for (int i = 0; i < n; i++) {
        if (factors[i] == null) assertThat(exact.dots()[i]).isNaN();
        else assertThat(exact.dots()[i]).isEqualTo((float) MfSignal.dot(user, factors[i]));
      }
    }
  }
}
