package io.courserec.mf;

import io.courserec.cf.ParallelLoop;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The fixed factors F of one ALS half-sweep (Y in the user step, X in the item step) with everything every row
 * solve shares, computed once: G = FᵀF, G_λ⁻¹ = (FᵀF + λI)⁻¹ (EJML Cholesky inverse; pseudo-inverse if λ = 0
 * leaves it singular) and Z = F·G_λ⁻¹, whose row j is G_λ⁻¹ f_j. Z lets {@link AlsSolver} solve a short row
 * through the Woodbury identity without any k×k factorisation. Deterministic (fixed blocks, row-wise Z).
 */
final class FixedSide {
  final float[] f;
  final int n;
  final int k;
  final double lambda;
  final double[] gram;
  final double[] ginv;
  final double[] z;

  private FixedSide(float[] f, int n, int k, double lambda, double[] gram, double[] ginv, double[] z) {
    this.f = f;
    this.n = n;
    this.k = k;
    this.lambda = lambda;
    this.gram = gram;
    this.ginv = ginv;
    this.z = z;
  }

  static FixedSide of(float[] f, int n, int k, double lambda, int threads) {
    double[] gram = Gram.of(f, n, k, threads);
    DMatrixRMaj g = new DMatrixRMaj(k, k);
    System.arraycopy(gram, 0, g.data, 0, k * k);
    for (int i = 0; i < k; i++) g.data[i * k + i] += lambda;
    DMatrixRMaj inv = new DMatrixRMaj(k, k);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
    if (chol.setA(g)) {
      chol.invert(inv);
    } else {
      System.arraycopy(gram, 0, g.data, 0, k * k);
      for (int i = 0; i < k; i++) g.data[i * k + i] += lambda;
      LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
      pinv.setA(g);
      pinv.invert(inv);
    }
    double[] ginv = inv.data;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        double s = 0.5 * (ginv[a * k + b] + ginv[b * k + a]);
        ginv[a * k + b] = s;
        ginv[b * k + a] = s;
      }
    }
    double[] z = new double[n * k];
    ParallelLoop.run(n, 512, threads, () -> null, (none, from, to) -> {
      for (int r = from; r < to; r++) {
        int o = r * k;
        for (int a = 0; a < k; a++) {
          double fa = f[o + a];
          if (fa == 0) continue;
          int row = a * k;
          for (int b = 0; b < k; b++) z[o + b] += fa * ginv[row + b];
        }
      }
    });
    return new FixedSide(f, n, k, lambda, gram, ginv, z);
  }
}
