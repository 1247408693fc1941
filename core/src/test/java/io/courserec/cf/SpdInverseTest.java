package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SpdInverse} against its brute-force twin, EJML's dense LU inverse ({@code CommonOps_DDRM.invert}), on
 * random SPD matrices A = RᵀR/n + I (eigenvalues in [1, ~2], so both inverses are accurate to ~1e-14; tolerance
 * 1e-10 absolute) whose sizes hit the block edges: one element, one partial block, exactly one block (60), one
 * block plus one element, and three blocks with a partial last one; with 1 and 2 threads.
 */
class SpdInverseTest {
  private static DMatrixRMaj spd(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    DMatrixRMaj r = new DMatrixRMaj(n, n);
    for (int i = 0; i < r.data.length; i++) r.data[i] = rnd.nextDouble(-1, 1);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(r, r, a);
    CommonOps_DDRM.scale(1.0 / n, a);
    for (int i = 0; i < n; i++) a.add(i, i, 1);
    return a;
  }

  @ParameterizedTest(name = "n {0}, threads {1}")
  @CsvSource({"1,1", "17,1", "60,1", "61,2", "150,1", "150,2"})
  void matchesTheDenseInverse(int n, int threads) {
    DMatrixRMaj a = spd(n, 3 + n);
    DMatrixRMaj expected = new DMatrixRMaj(n, n);
    assertThat(CommonOps_DDRM.invert(a.copy(), expected)).isTrue();
    double[] p = SpdInverse.invert(a.copy(), threads);
    for (int i = 0; i < n * n; i++) assertThat(p[i]).as("entry %d", i).isCloseTo(expected.data[i], within(1e-10));
  }

  @Test
  void refusesAMatrixThatIsNotPositiveDefinite() {
    DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}}); // eigenvalues 3 and -1
    assertThat(SpdInverse.invert(a, 1)).isNull();
  }
}
