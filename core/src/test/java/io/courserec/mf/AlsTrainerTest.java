package io.courserec.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.InteractionMatrix;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class AlsTrainerTest {
  /**
   * 4 learners x 10 courses with rows of 2, 5, 9 and 10 stored entries (learner 3 also has two negative ones),
   * so at rank 8 learners 0 and 1 take the Woodbury path and 2 and 3 the direct Cholesky path.
   */
  static InteractionMatrix matrix() {
    int[][] cols = {{1, 7}, {0, 2, 4, 6, 8}, {0, 1, 2, 3, 4, 5, 6, 7, 8}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}};
    float[][] vals = {{5, 1}, {3, 1, 5, 2, 1}, {1, 1, 3, 5, 1, 2, 1, 3, 1}, {5, -5, 1, 3, 1, 2, -1.5f, 1, 9, 3}};
    int[] rowPtr = new int[5];
    List<Integer> c = new ArrayList<>();
    List<Float> v = new ArrayList<>();
    for (int u = 0; u < 4; u++) {
      for (int p = 0; p < cols[u].length; p++) {
        c.add(cols[u][p]);
        v.add(vals[u][p]);
      }
      rowPtr[u + 1] = c.size();
    }
    int[] ca = c.stream().mapToInt(Integer::intValue).toArray();
    float[] va = new float[v.size()];
    for (int i = 0; i < va.length; i++) va[i] = v.get(i);
    return InteractionMatrix.fromRows(4, 10, rowPtr, ca, va, new byte[ca.length]);
  }

  /**
   * One user half-step against the closed form of Hu et al. eq. 4, computed densely here: with Cu = diag(1 + α|r_ui|)
   * over all 10 courses and p(u) = [r_ui > 0], x_u = (YᵀCuY + λI)⁻¹ YᵀCu p(u) solved by EJML's general dense solver
   * (LU). Tolerance 2e-6 relative: the trainer stores x as float (rounding 6e-8) and solves by another route
   * (Woodbury or Cholesky), whose double rounding differs by ~1e-13.
   */
  @Test
  void userHalfStepEqualsClosedForm() {
    int k = 8;
    double lambda = 0.1;
    double alpha = 2.0;
    InteractionMatrix m = matrix();
    assertThat(AlsSolver.woodbury(2, k)).isTrue();
    assertThat(AlsSolver.woodbury(5, k)).isTrue();
    assertThat(AlsSolver.woodbury(9, k)).isFalse();
    assertThat(AlsSolver.woodbury(10, k)).isFalse();
    float[] y = AlsTrainer.initialItemFactors(10, k, 3);
    for (int i = 0; i < y.length; i++) y[i] *= 30; // factors of realistic size, so the confidence terms matter
    float[] x = new float[4 * k];
    new AlsTrainer(k, 1, lambda, alpha, 3, 2).userStep(m, y, x);
    for (int u = 0; u < 4; u++) {
      DMatrixRMaj expected = closedForm(m, y, k, u, lambda, alpha);
      double norm = CommonOps_DDRM.elementMaxAbs(expected);
      assertThat(norm).isGreaterThan(1e-3);
      for (int c = 0; c < k; c++) {
        assertThat((double) x[u * k + c]).as("x[%d][%d]", u, c).isCloseTo(expected.get(c), within(2e-6 * norm));
      }
    }
  }

  /** x_u = (YᵀCuY + λ_u I)⁻¹ YᵀCu p(u), densely over all courses, by EJML's general solver (LU). */
  static DMatrixRMaj closedForm(InteractionMatrix m, float[] y, int k, int u, double lambdaU, double alpha) {
    int nc = m.numCourses();
    DMatrixRMaj yd = new DMatrixRMaj(nc, k);
    for (int i = 0; i < y.length; i++) yd.data[i] = y[i];
    DMatrixRMaj cu = new DMatrixRMaj(nc, nc);
    DMatrixRMaj pu = new DMatrixRMaj(nc, 1);
    for (int i = 0; i < nc; i++) {
      float r = m.get(u, i);
      cu.set(i, i, 1 + alpha * Math.abs(r));
      pu.set(i, 0, r > 0 ? 1 : 0);
    }
    DMatrixRMaj ytc = new DMatrixRMaj(k, nc);
    CommonOps_DDRM.multTransA(yd, cu, ytc);
    DMatrixRMaj a = new DMatrixRMaj(k, k);
    CommonOps_DDRM.mult(ytc, yd, a);
    for (int i = 0; i < k; i++) a.add(i, i, lambdaU);
    DMatrixRMaj b = new DMatrixRMaj(k, 1);
    CommonOps_DDRM.mult(ytc, pu, b);
    DMatrixRMaj expected = new DMatrixRMaj(k, 1);
    assertThat(CommonOps_DDRM.solve(a, b, expected)).isTrue();
    return expected;
  }

  /** ALS never increases its objective (up to float storage of the factors: relative slack 1e-6). */
  @Test
  void lossNeverIncreases() {
    Dataset d = SyntheticFeedback.generate(300, 80, 5000, 6, 5);
    InteractionMatrix m = InteractionSnapshot.build(d, Config.defaults()).matrix();
    List<Double> losses = new ArrayList<>();
    new AlsTrainer(10, 8, 0.1, 10, 42, 2).train(m, (it, loss) -> losses.add(loss));
    assertThat(losses).hasSize(8);
    for (int i = 1; i < losses.size(); i++) {
      assertThat(losses.get(i)).isLessThanOrEqualTo(losses.get(i - 1) * (1 + 1e-6));
    }
    assertThat(losses.get(7)).isLessThan(losses.get(0));
  }

  /** Same seed → bit-identical factors whatever the thread count; another seed → other factors. */
  @Test
  void deterministicForSeedRegardlessOfThreads() {
    Dataset d = SyntheticFeedback.generate(400, 60, 6000, 5, 9);
    InteractionMatrix m = InteractionSnapshot.build(d, Config.defaults()).matrix();
    FactorModel one = new AlsTrainer(12, 4, 0.1, 10, 7, 1).train(m);
    FactorModel two = new AlsTrainer(12, 4, 0.1, 10, 7, 2).train(m);
    FactorModel three = new AlsTrainer(12, 4, 0.1, 10, 7, 3).train(m);
    FactorModel other = new AlsTrainer(12, 4, 0.1, 10, 8, 2).train(m);
    for (int u = 0; u < m.numLearners(); u++) {
      assertThat(two.userFactors(u)).isEqualTo(one.userFactors(u));
      assertThat(three.userFactors(u)).isEqualTo(one.userFactors(u));
    }
    for (int i = 0; i < m.numCourses(); i++) assertThat(two.itemFactors(i)).isEqualTo(one.itemFactors(i));
    assertThat(other.itemFactors(0)).isNotEqualTo(one.itemFactors(0));
  }

  /**
   * Fold-in of a trained learner's own history reproduces the stored factors: training ends with a user step
   * against the final Y, and fold-in runs the same solve on the same numbers, so equality is exact.
   */
  @Test
  void foldInOfTrainingHistoryEqualsTrainedFactors() {
    Dataset d = SyntheticFeedback.generate(200, 50, 4000, 5, 13);
    InteractionSnapshot s = InteractionSnapshot.build(d, Config.defaults());
    FactorModel model = new AlsTrainer(16, 6, 0.1, 10, 42, 2).train(s.matrix());
    SplittableRandom rnd = new SplittableRandom(1);
    int checked = 0;
    for (int n = 0; n < 40; n++) {
      int u = rnd.nextInt(d.numLearners());
      float[] trained = model.userFactors(u);
      float[] folded = model.foldIn(s.history(d.learner(u).id(), List.of()));
      assertThat(folded).isEqualTo(trained);
      if (trained[0] != 0f) checked++;
    }
    assertThat(checked).isGreaterThan(30);
  }
}
