package io.courserec.cf;

import io.courserec.catalog.InteractionMatrix;
import java.util.Arrays;

/**
 * The positive part of an {@link InteractionMatrix} in both orientations, the input of the kNN similarities:
 * only pairs with r(u,i) &gt; 0 are kept, with value x(u,i) = r(u,i), optionally centred by the learner's mean
 * over those pairs. Rows (CSR by learner) and columns (CSC by course) hold the same values.
 */
final class PositiveFeedback {
  final int numLearners;
  final int numCourses;
  final int[] rowPtr;
  final int[] cols;
  final float[] rowVals;
  final int[] colPtr;
  final int[] rows;
  final float[] colVals;
  /** Mean of x(u,·) over the learner's positive pairs (0 when none). */
  final float[] learnerMeans;

  private PositiveFeedback(int nl, int nc, int[] rowPtr, int[] cols, float[] rowVals, int[] colPtr, int[] rows,
                           float[] colVals, float[] means) {
    this.numLearners = nl;
    this.numCourses = nc;
    this.rowPtr = rowPtr;
    this.cols = cols;
    this.rowVals = rowVals;
    this.colPtr = colPtr;
    this.rows = rows;
    this.colVals = colVals;
    this.learnerMeans = means;
  }

  /**
   * @param centred subtract each learner's mean from their values (adjusted cosine)
   */
  static PositiveFeedback of(InteractionMatrix m, boolean centred) {
    int nl = m.numLearners();
    int nc = m.numCourses();
    int[] rowPtr = new int[nl + 1];
    float[] means = new float[nl];
    for (int u = 0; u < nl; u++) {
      int n = 0;
      double sum = 0;
      for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
        float v = m.vals()[p];
        if (v > 0) {
          n++;
          sum += v;
        }
      }
      rowPtr[u + 1] = rowPtr[u] + n;
      means[u] = n == 0 ? 0f : (float) (sum / n);
    }
    int nnz = rowPtr[nl];
    int[] cols = new int[nnz];
    float[] rowVals = new float[nnz];
    int[] colPtr = new int[nc + 1];
    int q = 0;
    for (int u = 0; u < nl; u++) {
      float shift = centred ? means[u] : 0f;
      for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
        float v = m.vals()[p];
        if (v > 0) {
          cols[q] = m.cols()[p];
          rowVals[q++] = v - shift;
          colPtr[m.cols()[p] + 1]++;
        }
      }
    }
    for (int i = 0; i < nc; i++) colPtr[i + 1] += colPtr[i];
    int[] rows = new int[nnz];
    float[] colVals = new float[nnz];
    int[] fill = Arrays.copyOf(colPtr, nc);
    for (int u = 0; u < nl; u++) {
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
        int at = fill[cols[p]]++;
        rows[at] = u;
        colVals[at] = rowVals[p];
      }
    }
    return new PositiveFeedback(nl, nc, rowPtr, cols, rowVals, colPtr, rows, colVals, means);
  }

  /** Euclidean norm of each column's values. */
  double[] columnNorms() {
    double[] norms = new double[numCourses];
    for (int i = 0; i < numCourses; i++) {
      double s = 0;
      for (int p = colPtr[i]; p < colPtr[i + 1]; p++) s += (double) colVals[p] * colVals[p];
      norms[i] = Math.sqrt(s);
    }
    return norms;
  }

  /** Euclidean norm of each row's values. */
  double[] rowNorms() {
    double[] norms = new double[numLearners];
    for (int u = 0; u < numLearners; u++) {
      double s = 0;
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) s += (double) rowVals[p] * rowVals[p];
      norms[u] = Math.sqrt(s);
    }
    return norms;
  }
}
