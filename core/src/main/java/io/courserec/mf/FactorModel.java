package io.courserec.mf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.cf.BinaryModelFile;
import io.courserec.cf.UserHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Trained latent factors: x_u (learner ordinal u) and y_i (course ordinal i), both of length {@link #rank()},
 * scored by the dot product x_uᵀ y_i. Item factors are what the hybrid stores per course in the index
 * (vector values, maximum inner product: factors are not unit length); learner factors stay in the model.
 *
 * <p>Fold-in (a learner's factors from a history, no retraining) follows the method:
 * <ul>
 *   <li>ALS: x = (YᵀY + Yᵀ(C − I)Y + λ_row I)⁻¹ YᵀC p — the same normal equation as training, Y fixed, with the
 *       training's {@link RegularizationScaling} (λ_row = λ·n with count scaling), always solved exactly
 *       ({@link AlsTrainer}); for a trained learner it reproduces the stored factors exactly.</li>
 *   <li>PureSVD: x = r₊ V, the projection of the positive history onto the course factors.</li>
 * </ul>
 *
 * <p>Explanations decompose a score over the history: ALS (Hu et al. 2008, section 5) writes
 * x_uᵀy_i = Σ_j c_uj · (y_iᵀ W_u y_j) over the learner's positive courses j, with W_u = A_u⁻¹; PureSVD writes
 * x_uᵀy_i = Σ_j r₊_uj · (y_jᵀ y_i). Immutable and thread-safe.
 */
public final class FactorModel {
  static final String FILE = "factors.bin";
  /** Payload kind; v2 added the λ scaling after the method (a v1 file fails to load: retrain). */
  static final String KIND = "factors.v2";

  private final MfMethod method;
  private final int rank;
  private final int numLearners;
  private final int numCourses;
  private final float[] x;
  private final float[] y;
  private final double alpha;
  private final double lambda;
  private final RegularizationScaling scaling;
  private final FixedSide items;

  private FactorModel(MfMethod method, int rank, float[] x, float[] y, int nl, int nc, double alpha, double lambda,
                      RegularizationScaling scaling) {
    if ((x != null && x.length != (long) nl * rank) || y.length != (long) nc * rank) {
      throw new IllegalArgumentException("factor arrays do not match " + nl + " learners, " + nc + " courses, rank " + rank);
    }
    this.method = method;
    this.rank = rank;
    this.numLearners = nl;
    this.numCourses = nc;
    this.x = x;
    this.y = y;
    this.alpha = alpha;
    this.lambda = lambda;
    this.scaling = scaling;
    // Computed exactly as in training's last user step, so fold-in matches the trained factors bit for bit.
    this.items = method == MfMethod.ALS ? FixedSide.of(y, nc, rank, lambda, scaling, 1) : null;
  }

  static FactorModel als(int rank, float[] x, float[] y, int nl, int nc, double alpha, double lambda,
                         RegularizationScaling scaling) {
    return new FactorModel(MfMethod.ALS, rank, x, y, nl, nc, alpha, lambda, scaling);
  }

  /**
   * An ALS model from item factors {@code y} trained elsewhere: X is one user step on {@code m}'s rows with Y fixed
   * (the exact Cholesky solve fold-in uses), in parallel over learners.
   */
  public static FactorModel alsFromItemFactors(InteractionMatrix m, int rank, float[] y, double alpha, double lambda,
                                               RegularizationScaling scaling, int threads) {
    int nl = m.numLearners();
    int nc = m.numCourses();
    if (y.length != (long) nc * rank) {
      throw new IllegalArgumentException("item factors hold " + y.length + " floats, expected " + nc + " x " + rank);
    }
    float[] x = new float[nl * rank];
    FixedSide side = FixedSide.of(y, nc, rank, lambda, scaling, threads);
    io.courserec.cf.ParallelLoop.run(nl, 64, threads, () -> new AlsSolver(rank, alpha), (s, from, to) -> {
      for (int u = from; u < to; u++) s.solve(side, m.cols(), m.vals(), m.rowStart(u), m.rowEnd(u), x, u * rank);
    });
    return new FactorModel(MfMethod.ALS, rank, x, y, nl, nc, alpha, lambda, scaling);
  }

  /**
   * The same model without the stored learner factors X (what a server holds: {@code rank} floats less per learner).
   * A learner's factors are then their fold-in, which equals the stored x_u exactly for a training history (training
   * ends with the same solve against the final Y; {@code AlsTrainerTest}, {@code MfRecommenderTest}).
   */
  public FactorModel withoutLearnerFactors() {
    return x == null ? this : new FactorModel(method, rank, null, y, numLearners, numCourses, alpha, lambda, scaling);
  }

  /** False for a model from {@link #withoutLearnerFactors}. */
  public boolean hasLearnerFactors() {
    return x != null;
  }

  static FactorModel pureSvd(int rank, float[] x, float[] y, int nl, int nc) {
    return new FactorModel(MfMethod.PURESVD, rank, x, y, nl, nc, 0, 0, RegularizationScaling.NONE);
  }

  public MfMethod method() { return method; }

  /** Length of every factor vector (the index's vector dimension). */
  public int rank() { return rank; }

  public int numLearners() { return numLearners; }
  public int numCourses() { return numCourses; }

  /** α of c = 1 + α|r| (ALS; 0 for PureSVD). */
  public double alpha() { return alpha; }

  /** λ (ALS; 0 for PureSVD). */
  public double regularization() { return lambda; }

  /** How λ is scaled per row (ALS; {@code none} for PureSVD). */
  public RegularizationScaling regularizationScaling() { return scaling; }

  /** X, row-major (not a copy; for the objective). */
  float[] learnerFactorArray() { return x; }

  /** Y, row-major (not a copy; for the objective). */
  float[] courseFactorArray() { return y; }

  /** y_i, a copy. */
  public float[] itemFactors(int courseOrdinal) {
    return Arrays.copyOfRange(y, courseOrdinal * rank, (courseOrdinal + 1) * rank);
  }

  /** x_u of a trained learner (model learner ordinal), a copy; all zeros when the learner had no positive feedback. */
  public float[] userFactors(int learnerOrdinal) {
    if (x == null) throw new IllegalStateException("this model holds no learner factors: fold the history in");
    return Arrays.copyOfRange(x, learnerOrdinal * rank, (learnerOrdinal + 1) * rank);
  }

  /** Factors for a history (see the class comment); all zeros when it has no positive feedback. */
  public float[] foldIn(UserHistory history) {
    return foldIn(history.courses(), history.weights());
  }

  /**
   * Factors for a history given as course ordinals (ascending) and summed event weights, e.g. a learner's
   * training row minus the held-out courses when a tuner scores a validation split.
   */
  public float[] foldIn(int[] courses, float[] weights) {
    float[] out = new float[rank];
    if (method == MfMethod.ALS) {
      new AlsSolver(rank, alpha).solve(items, courses, weights, 0, courses.length, out, 0);
    } else {
      double[] acc = new double[rank];
      project(courses, weights, 0, courses.length, y, rank, acc);
      for (int c = 0; c < rank; c++) out[c] = (float) acc[c];
    }
    return out;
  }

  /** acc = Σ_p max(w_p, 0) · y_{idx_p} (PureSVD fold-in), summed in position order. */
  static void project(int[] idx, float[] w, int from, int to, float[] y, int k, double[] acc) {
    Arrays.fill(acc, 0);
    for (int p = from; p < to; p++) {
      float r = w[p];
      if (!(r > 0)) continue;
      int o = idx[p] * k;
      for (int c = 0; c < k; c++) acc[c] += r * y[o + c];
    }
  }

  /** x ᵀ y_i. */
  public float score(float[] userFactors, int courseOrdinal) {
    int o = courseOrdinal * rank;
    double s0 = 0, s1 = 0;
    int c = 0;
    for (; c + 1 < rank; c += 2) {
      s0 = Math.fma(userFactors[c], y[o + c], s0);
      s1 = Math.fma(userFactors[c + 1], y[o + c + 1], s1);
    }
    if (c < rank) s0 = Math.fma(userFactors[c], y[o + c], s0);
    return (float) (s0 + s1);
  }

  /** x ᵀ y_i for every course ordinal (rank these, minus the history, to score a held-out split). */
  public float[] scores(float[] userFactors) {
    float[] out = new float[numCourses];
    for (int i = 0; i < numCourses; i++) out[i] = score(userFactors, i);
    return out;
  }

  /**
   * How much each history position contributes to the score of each given course (see the class comment):
   * {@code result[c][p]} for {@code courses[c]} and history position p; entries without positive feedback
   * contribute 0. For a history whose factors are {@link #foldIn} of it, each row sums to the course's score (up
   * to float rounding). The ALS system is factored once for all courses.
   */
  public double[][] contributions(UserHistory history, int... courseOrdinals) {
    int n = history.size();
    double[][] out = new double[courseOrdinals.length][n];
    AlsSolver.Inverse inverse = null;
    if (method == MfMethod.ALS) {
      inverse = new AlsSolver(rank, alpha).inverse(items, history.courses(), history.weights(), 0, n);
      if (inverse == null) return out;
    }
    for (int c = 0; c < courseOrdinals.length; c++) {
      double[] z = new double[rank];
      for (int q = 0; q < rank; q++) z[q] = y[courseOrdinals[c] * rank + q];
      if (inverse != null) z = inverse.apply(z);
      for (int p = 0; p < n; p++) {
        float r = history.weight(p);
        if (!(r > 0)) continue;
        int o = history.course(p) * rank;
        double dot = 0;
        for (int q = 0; q < rank; q++) dot += z[q] * y[o + q];
        out[c][p] = (inverse != null ? 1 + alpha * Math.abs(r) : r) * dot;
      }
    }
    return out;
  }

  void save(Path dir) throws IOException {
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(FILE), KIND)) {
      w.writeString(method.code());
      w.writeString(scaling.code());
      w.writeInt(rank);
      w.writeInt(numLearners);
      w.writeInt(numCourses);
      w.writeDouble(alpha);
      w.writeDouble(lambda);
      if (x == null) throw new IllegalStateException("a model without learner factors (a served one) is not saved");
      w.writeFloats(x);
      w.writeFloats(y);
    }
  }

  /** The item side of a saved model, as a server holds it ({@link #withoutLearnerFactors}: the learners' are skipped). */
  static FactorModel loadItemSide(Path dir, int expectedLearners, int expectedCourses) throws IOException {
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve(FILE), KIND)) {
      MfMethod method = MfMethod.parse(r.readString());
      RegularizationScaling scaling = RegularizationScaling.parse(r.readString());
      int rank = r.readInt();
      int nl = r.readInt();
      int nc = r.readInt();
      if (rank < 1 || nl != expectedLearners || nc != expectedCourses) {
        throw new IOException(dir + ": factors are " + nl + " x " + nc + " at rank " + rank + ", expected "
            + expectedLearners + " learners x " + expectedCourses + " courses");
      }
      double alpha = r.readDouble();
      double lambda = r.readDouble();
      // the learner factors are skipped, not held: serving folds a learner in per request, so a replica's heap
      // does not grow with learners (they stay in the file for the trainer's own checks and for older builds)
      int xs = r.skipFloats(nl * rank);
      float[] y = r.readFloats(nc * rank);
      r.finish();
      if (xs != nl * rank || y.length != nc * rank) throw new IOException(dir + ": truncated factor arrays");
      return new FactorModel(method, rank, null, y, nl, nc, alpha, lambda, scaling);
    }
  }
}
