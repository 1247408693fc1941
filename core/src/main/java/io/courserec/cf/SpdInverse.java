package io.courserec.cf;

import java.util.Arrays;
import org.ejml.EjmlParameters;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DSubmatrixD1;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.TriangularSolver_DDRB;
import org.ejml.dense.block.TriangularSolver_MT_DDRB;
import org.ejml.dense.block.decomposition.chol.CholeskyOuterForm_DDRB;
import org.ejml.dense.block.decomposition.chol.CholeskyOuterForm_MT_DDRB;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import pabeles.concurrency.GrowArray;

/**
 * The inverse of a dense symmetric positive definite matrix A (EASE's XᵀX + λI), in three steps on EJML's
 * block layout (blocks of b = {@code EjmlParameters.BLOCK_WIDTH}):
 *
 * <pre>
 *   A = L Lᵀ                    EJML's blocked Cholesky, in place                        n³/3 flops
 *   M = L⁻¹                     EJML's blocked triangular inverse into a second array     n³/3
 *   A⁻¹ = Mᵀ M                  lower blocks only: P_IJ = Σ_{K ≥ I} M_KIᵀ M_KJ, I ≥ J     n³/3
 *                               (M is lower triangular), then mirrored to the upper blocks
 * </pre>
 *
 * EJML's own {@code CholeskyOuterSolver_DDRB.invert} forms Mᵀ M as a full triangular solve (n³), so this takes
 * about n³ flops instead of 5n³/3. The product runs over block rows I in parallel; each block of P is summed over
 * K in a fixed order, so the result does not depend on the thread count. Memory: two n x n double arrays (A's
 * array is reused for P). Not thread-safe; a static helper of {@link EaseTrainer}.
 */
final class SpdInverse {
  private SpdInverse() {}

  /**
   * Inverts {@code a} (destroyed) and returns A⁻¹ row-major (in {@code a}'s array), or null when A is not positive
   * definite.
   */
  static double[] invert(DMatrixRMaj a, int threads) {
    int n = a.numRows;
    int b = EjmlParameters.BLOCK_WIDTH;
    DGrowArray work = new DGrowArray();
    DMatrixRBlock t = MatrixOps_DDRB.convertInplace(a, null, work);
    CholeskyDecomposition_F64<DMatrixRBlock> chol = threads > 1 ? new CholeskyOuterForm_MT_DDRB(true) : new CholeskyOuterForm_DDRB(true);
    if (!chol.decompose(t)) return null;
    DMatrixRBlock m = new DMatrixRBlock(n, n, b); // zeros: the strictly upper part of M stays 0
    GrowArray<DGrowArray> ws = new GrowArray<>(DGrowArray::new);
    if (threads > 1) {
      TriangularSolver_MT_DDRB.invert(b, false, new DSubmatrixD1(t), new DSubmatrixD1(m), ws);
    } else {
      TriangularSolver_DDRB.invert(b, false, new DSubmatrixD1(t), new DSubmatrixD1(m), ws);
    }
    double[] p = t.data;
    Arrays.fill(p, 0);
    halfProduct(m.data, p, n, b, threads);
    mirrorLowerBlocks(p, n, b);
    MatrixOps_DDRB.convertBlockToRow(n, n, b, p, work);
    return p;
  }

  /** Start of block (R, C) in the block layout: block rows are contiguous, each block row-major. */
  private static int block(int r, int c, int n, int b) {
    int r0 = r * b;
    return r0 * n + Math.min(b, n - r0) * (c * b);
  }

  private static int size(int r, int n, int b) { return Math.min(b, n - r * b); }

  /** P_IJ = Σ_{K ≥ I} M_KIᵀ M_KJ for every I ≥ J (P zero on entry). */
  private static void halfProduct(double[] m, double[] p, int n, int b, int threads) {
    int nb = (n + b - 1) / b;
    ParallelLoop.run(nb, 1, threads, () -> null, (unused, from, to) -> {
      for (int bi = from; bi < to; bi++) {
        int wi = size(bi, n, b);
        for (int bj = 0; bj <= bi; bj++) {
          int wj = size(bj, n, b);
          int pij = block(bi, bj, n, b);
          for (int bk = bi; bk < nb; bk++) {
            int hk = size(bk, n, b);
            int mki = block(bk, bi, n, b);
            int mkj = block(bk, bj, n, b);
            for (int k = 0; k < hk; k++) {
              int rowKi = mki + k * wi;
              int rowKj = mkj + k * wj;
              for (int i = 0; i < wi; i++) {
                double x = m[rowKi + i];
                if (x == 0) continue;
                int out = pij + i * wj;
                for (int j = 0; j < wj; j++) p[out + j] += x * m[rowKj + j];
              }
            }
          }
        }
      }
    });
  }

  /** P_JI = P_IJᵀ for I &gt; J (P is symmetric). */
  private static void mirrorLowerBlocks(double[] p, int n, int b) {
    int nb = (n + b - 1) / b;
    for (int bi = 0; bi < nb; bi++) {
      int wi = size(bi, n, b);
      for (int bj = 0; bj < bi; bj++) {
        int wj = size(bj, n, b);
        int from = block(bi, bj, n, b);
        int to = block(bj, bi, n, b);
        for (int i = 0; i < wi; i++) {
          for (int j = 0; j < wj; j++) p[to + j * wi + i] = p[from + i * wj + j];
        }
      }
    }
  }
}
