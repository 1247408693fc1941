package io.courserec.hybrid;

import java.util.Arrays;

/**
 * Turns raw per-recommendation features into a calibrated probability of relevance with logistic regression
 * (Platt 1999, "Probabilistic outputs for support vector machines and comparisons to regularized likelihood
 * methods"; here with several features instead of one):
 *
 * <pre>  P(relevant | f) = sigma(b0 + sum_j b_j f_j),   sigma(z) = 1 / (1 + e^-z)</pre>
 *
 * fitted by Newton-Raphson (iteratively reweighted least squares) on held-out outcomes with a small L2 penalty
 * {@code l2} on b_1..b_m for stability on separable data. Features used by the hybrid: the blended score, the
 * evidence-weighted raw confidence, 1/log2(rank+1) and the learner's segment (see {@code ConfidenceModel}). Until
 * fitted, {@link #identity()} passes the raw confidence through unchanged. A calibrator whose coefficient count
 * does not match the features (a model saved by an older version) also falls back to the raw confidence.
 */
public final class ConfidenceCalibrator {
  private final double[] beta; // beta[0] intercept; null = identity on feature 1
  private final int fittedOn;

  private ConfidenceCalibrator(double[] beta, int fittedOn) {
    this.beta = beta;
    this.fittedOn = fittedOn;
  }

  /** No calibration: {@link #probability} returns feature 1 (the raw confidence) clamped to [0,1]. */
  public static ConfidenceCalibrator identity() {
    return new ConfidenceCalibrator(null, 0);
  }

  public static ConfidenceCalibrator ofCoefficients(double[] beta, int fittedOn) {
    return new ConfidenceCalibrator(beta.clone(), fittedOn);
  }

  public boolean fitted() { return beta != null; }
  public int fittedOn() { return fittedOn; }
  public double[] coefficients() { return beta == null ? new double[0] : beta.clone(); }

  /** How many features the fitted model takes (0 when not fitted). */
  public int features() { return beta == null ? 0 : beta.length - 1; }

  public double probability(double... features) {
    if (beta == null || beta.length != features.length + 1) {
      return Math.max(0, Math.min(1, features.length > 1 ? features[1] : features[0]));
    }
    double z = beta[0];
    for (int j = 0; j < features.length; j++) z += beta[j + 1] * features[j];
    return sigmoid(z);
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /**
   * Fits the coefficients.
   *
   * @param x rows of features (each of the same length m)
   * @param y outcomes, 1 relevant, 0 not
   * @param l2 penalty on the non-intercept coefficients (e.g. 1e-3)
   */
  public static ConfidenceCalibrator fit(double[][] x, int[] y, double l2) {
    int n = x.length;
    if (n == 0) return identity();
    int m = x[0].length + 1;
    double[] b = new double[m];
    double pos = Arrays.stream(y).sum();
    double prior = Math.max(1e-6, Math.min(1 - 1e-6, pos / n));
    b[0] = Math.log(prior / (1 - prior));
    double[] row = new double[m];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[m];
      double[][] hess = new double[m][m];
      for (int i = 0; i < n; i++) {
        row[0] = 1;
        System.arraycopy(x[i], 0, row, 1, m - 1);
        double z = 0;
        for (int j = 0; j < m; j++) z += b[j] * row[j];
        double p = sigmoid(z);
        double r = y[i] - p;
        double w = Math.max(p * (1 - p), 1e-12);
        for (int j = 0; j < m; j++) {
          grad[j] += r * row[j];
          for (int k = 0; k < m; k++) hess[j][k] += w * row[j] * row[k];
        }
      }
      for (int j = 1; j < m; j++) {
        grad[j] -= l2 * n * b[j];
        hess[j][j] += l2 * n;
      }
      hess[0][0] += 1e-9 * n;
      double[] step = solve(hess, grad);
      double maxStep = 0;
      for (int j = 0; j < m; j++) {
        b[j] += step[j];
        maxStep = Math.max(maxStep, Math.abs(step[j]));
      }
      if (maxStep < 1e-8) break;
    }
    return new ConfidenceCalibrator(b, n);
  }

  /** Gaussian elimination with partial pivoting on a small symmetric positive definite system. */
  private static double[] solve(double[][] a, double[] rhs) {
    int m = rhs.length;
    double[][] aa = new double[m][];
    for (int i = 0; i < m; i++) aa[i] = a[i].clone();
    double[] bb = rhs.clone();
    for (int c = 0; c < m; c++) {
      int piv = c;
      for (int r = c + 1; r < m; r++) if (Math.abs(aa[r][c]) > Math.abs(aa[piv][c])) piv = r;
      double[] t = aa[c]; aa[c] = aa[piv]; aa[piv] = t;
      double tb = bb[c]; bb[c] = bb[piv]; bb[piv] = tb;
      if (Math.abs(aa[c][c]) < 1e-15) continue;
      for (int r = c + 1; r < m; r++) {
        double f = aa[r][c] / aa[c][c];
        for (int k = c; k < m; k++) aa[r][k] -= f * aa[c][k];
        bb[r] -= f * bb[c];
      }
    }
    double[] x = new double[m];
    for (int r = m - 1; r >= 0; r--) {
      double s = bb[r];
      for (int k = r + 1; k < m; k++) s -= aa[r][k] * x[k];
      x[r] = Math.abs(aa[r][r]) < 1e-15 ? 0 : s / aa[r][r];
    }
    return x;
  }
}
