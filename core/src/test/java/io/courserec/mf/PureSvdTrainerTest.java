package io.courserec.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.InteractionMatrix;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class PureSvdTrainerTest {
  /** A random 12 x 8 matrix with ~50 % density, values 1..5 and a few negatives (which PureSVD reads as 0). */
  private static InteractionMatrix randomMatrix(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int nl = 12;
    int nc = 8;
    int[] rowPtr = new int[nl + 1];
    int[] cols = new int[nl * nc];
    float[] vals = new float[nl * nc];
    int n = 0;
    for (int u = 0; u < nl; u++) {
      for (int i = 0; i < nc; i++) {
        if (rnd.nextDouble() < 0.5) {
          cols[n] = i;
          vals[n++] = rnd.nextDouble() < 0.1 ? -5 : 1 + rnd.nextInt(5);
        }
      }
      rowPtr[u + 1] = n;
    }
    return InteractionMatrix.fromRows(nl, nc, rowPtr, java.util.Arrays.copyOf(cols, n), java.util.Arrays.copyOf(vals, n),
        new byte[n]);
  }

  /**
   * With ℓ = k + oversampling ≥ courses the randomized range is the whole course space, so the result is the exact
   * rank-3 truncated SVD. Singular vectors are only defined up to sign (and rotation within repeated singular
   * values), so the test compares the projector V Vᵀ and the user factors r₊V against EJML's dense SVD.
   * Tolerance 1e-5: factors are stored as floats.
   */
  @Test
  void equalsDenseTruncatedSvd() {
    InteractionMatrix m = randomMatrix(4);
    int k = 3;
    FactorModel model = new PureSvdTrainer(k, 10, 2, 42, 2).train(m);
    assertThat(model.rank()).isEqualTo(k);

    DMatrixRMaj r = new DMatrixRMaj(12, 8);
    for (int u = 0; u < 12; u++) for (int i = 0; i < 8; i++) r.set(u, i, Math.max(0, m.get(u, i)));
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(12, 8, true, true, false);
    assertThat(svd.decompose(r.copy())).isTrue();
    DMatrixRMaj v = svd.getV(null, false);
    DMatrixRMaj w = svd.getW(null);
    SingularOps_DDRM.descendingOrder(null, false, w, v, false);
    DMatrixRMaj vk = CommonOps_DDRM.extract(v, 0, 8, 0, k);
    DMatrixRMaj projector = new DMatrixRMaj(8, 8);
    CommonOps_DDRM.multTransB(vk, vk, projector);
    assertThat(w.get(2, 2) - w.get(3, 3)).as("spectral gap after k").isGreaterThan(0.1);

    for (int i = 0; i < 8; i++) {
      float[] yi = model.itemFactors(i);
      for (int j = 0; j < 8; j++) {
        float[] yj = model.itemFactors(j);
        double dot = 0;
        for (int c = 0; c < k; c++) dot += yi[c] * yj[c];
        assertThat(dot).as("(VVᵀ)[%d][%d]", i, j).isCloseTo(projector.get(i, j), within(1e-5));
      }
    }
    DMatrixRMaj x = new DMatrixRMaj(12, k);
    CommonOps_DDRM.mult(r, vk, x);
    // x = r V is defined up to the same signs as V: compare scores x_uᵀ y_i = (R V Vᵀ)_ui instead.
    DMatrixRMaj scores = new DMatrixRMaj(12, 8);
    CommonOps_DDRM.mult(r, projector, scores);
    for (int u = 0; u < 12; u++) {
      float[] xu = model.userFactors(u);
      for (int i = 0; i < 8; i++) {
        assertThat((double) model.score(xu, i)).isCloseTo(scores.get(u, i), within(1e-4));
      }
    }
  }

  /** Item factors are orthonormal columns: VᵀV = I (to float precision) even with ℓ below the course count. */
  @Test
  void randomizedFactorsAreOrthonormal() {
    InteractionMatrix m = randomMatrix(9);
    FactorModel model = new PureSvdTrainer(2, 2, 3, 42, 1).train(m);
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        double dot = 0;
        for (int i = 0; i < 8; i++) dot += model.itemFactors(i)[a] * model.itemFactors(i)[b];
        assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-5));
      }
    }
  }
}
