package io.courserec.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.InteractionMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EaseTrainerTest {
  /** A binary learner x course matrix with the given positive courses per learner (value 3 = enrolled). */
  static InteractionMatrix matrix(int numCourses, int[]... rows) {
    int[] ptr = new int[rows.length + 1];
    for (int u = 0; u < rows.length; u++) ptr[u + 1] = ptr[u] + rows[u].length;
    int[] cols = new int[ptr[rows.length]];
    float[] vals = new float[cols.length];
    for (int u = 0; u < rows.length; u++) {
      for (int q = 0; q < rows[u].length; q++) {
        cols[ptr[u] + q] = rows[u][q];
        vals[ptr[u] + q] = 3f;
      }
    }
    return InteractionMatrix.fromRows(rows.length, numCourses, ptr, cols, vals, new byte[cols.length]);
  }

  /*
   * Two learners, u0 = {c0, c2}, u1 = {c1, c2}; X binary, λ = 1:
   *   XᵀX = [[1,0,1],[0,1,1],[1,1,2]]      A = XᵀX + I = [[2,0,1],[0,2,1],[1,1,3]]
   *   det A = 2·(6−1) − 0 + 1·(0−2) = 8;  cofactors C00 = 5, C01 = 1, C02 = −2, C11 = 5, C12 = −2, C22 = 4
   *   P = A⁻¹ = (1/8)·[[5,1,−2],[1,5,−2],[−2,−2,4]]
   *   B(j,i) = −P(j,i)/P(i,i):  column c0: B(1,0) = −1/5, B(2,0) = 2/5
   *                             column c1: B(0,1) = −1/5, B(2,1) = 2/5
   *                             column c2: B(0,2) = 1/2,  B(1,2) = 1/2;   diag(B) = 0
   * c0 and c1 never co-occur but share c2, so given c2 each explains the other away (negative weight).
   * Exact in double up to round-off: tolerance 1e-12.
   */
  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {1, 2})
  void closedFormMatchesTheHandComputedInverse(int threads) {
    double[][] b = new EaseTrainer(1, false, 10, 100, threads).denseWeights(matrix(3, new int[] {0, 2}, new int[] {1, 2}));
    double[][] expected = {{0, -0.2, 0.5}, {-0.2, 0, 0.5}, {0.4, 0.4, 0}};
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < 3; i++) assertThat(b[j][i]).as("B(%d,%d)", j, i).isCloseTo(expected[j][i], within(1e-12));
    }
  }

  /*
   * Weighted input: every entry of the matrix above is 3, so XᵀX is 9 times the binary one; with λ = 9,
   * P_weighted = (9·(XᵀX + I))⁻¹ = P/9 and B(j,i) = −P(j,i)/P(i,i) does not change: the same B as binary with λ = 1.
   */
  @Test
  void weightedInputScalesTheGramMatrix() {
    InteractionMatrix m = matrix(3, new int[] {0, 2}, new int[] {1, 2});
    double[][] binary = new EaseTrainer(1, false, 10, 100, 1).denseWeights(m);
    double[][] weighted = new EaseTrainer(9, true, 10, 100, 1).denseWeights(m);
    for (int j = 0; j < 3; j++) assertThat(weighted[j]).containsExactly(binary[j], within(1e-12));
    double[][] weightedLambda1 = new EaseTrainer(1, true, 10, 100, 1).denseWeights(m);
    assertThat(weightedLambda1[2][0]).isNotCloseTo(binary[2][0], within(1e-3)); // λ is on another scale
  }

  /*
   * Lists from the matrix above keep positive weights only, largest first, ties by lower ordinal (floats: 1e-7):
   *   K = 5: N(c0) = {c2 0.4}, N(c1) = {c2 0.4}, N(c2) = {c0 0.5, c1 0.5}
   *   K = 1: N(c2) = {c0 0.5} (c1 ties and loses on ordinal)
   */
  @Test
  void listsKeepTheLargestPositiveWeightsPerColumn() {
    InteractionMatrix m = matrix(3, new int[] {0, 2}, new int[] {1, 2});
    ItemKnnModel five = new EaseTrainer(1, false, 5, 100, 1).train(m);
    assertThat(five.neighborOrdinals(0)).containsExactly(2);
    assertThat(five.neighborSimilarities(0)[0]).isCloseTo(0.4f, within(1e-7f));
    assertThat(five.neighborOrdinals(1)).containsExactly(2);
    assertThat(five.neighborOrdinals(2)).containsExactly(0, 1);
    assertThat(five.neighborSimilarities(2)).containsExactly(new float[] {0.5f, 0.5f}, within(1e-7f));
    ItemKnnModel one = new EaseTrainer(1, false, 1, 100, 1).train(m);
    assertThat(one.neighborOrdinals(2)).containsExactly(0);
  }

  /*
   * The defining identity on a random matrix: with A = XᵀX + λI and B = I − P·diag(γ), γ = 1/diag(P),
   * A·B = A − diag(γ), so off the diagonal (A·B)(j,i) = (XᵀX)(j,i) exactly, and diag(B) = 0. G is brute-forced
   * here from the rows. 40 learners x 12 courses, density 0.3, seed 7, λ = 2.5; entries of A are ≤ 42 and P is
   * well conditioned (λ > 0), so 1e-9 absolute covers double round-off.
   */
  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {1, 2})
  void solvesTheConstrainedLeastSquaresExactly(int threads) {
    int n = 12;
    SplittableRandom rnd = new SplittableRandom(7);
    int[][] rows = new int[40][];
    double[][] g = new double[n][n];
    for (int u = 0; u < rows.length; u++) {
      rows[u] = java.util.stream.IntStream.range(0, n).filter(i -> rnd.nextDouble() < 0.3).toArray();
      for (int a : rows[u]) for (int c : rows[u]) g[a][c]++;
    }
    double lambda = 2.5;
    double[][] b = new EaseTrainer(lambda, false, 5, 100, threads).denseWeights(matrix(n, rows));
    for (int i = 0; i < n; i++) {
      assertThat(b[i][i]).isZero();
      for (int j = 0; j < n; j++) {
        if (j == i) continue;
        double ab = 0;
        for (int k = 0; k < n; k++) ab += (g[j][k] + (j == k ? lambda : 0)) * b[k][i];
        assertThat(ab).as("(AB)(%d,%d)", j, i).isCloseTo(g[j][i], within(1e-9));
      }
    }
  }

  @Test
  void aboveTheCourseLimitEaseIsOffWithEmptyLists() {
    EaseTrainer t = new EaseTrainer(1, false, 5, 2, 1);
    assertThat(t.enabledFor(3)).isFalse();
    assertThat(t.params(3)).containsEntry("enabled", false);
    ItemKnnModel m = t.train(matrix(3, new int[] {0, 2}, new int[] {1, 2}));
    assertThat(m.numCourses()).isEqualTo(3);
    assertThat(m.totalNeighbors()).isZero();
  }
}
