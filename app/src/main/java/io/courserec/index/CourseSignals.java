package io.courserec.index;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-course model signals that retraining writes into the index, addressed by course ordinal
 * ({@code Dataset.courseOrdinal}). Every signal may be absent for any course; absence is stored as "no value" in
 * the index, never as a zero, so scorers can tell "unknown" from "zero" (see {@link LeafSignals}).
 *
 * <ul>
 *   <li>popularity prior, rating prior: finite floats, written as {@code FloatDocValuesField} (a
 *       {@code NumericDocValues} holding {@link Float#floatToRawIntBits}); read with
 *       {@code DoubleValuesSource.fromFloatField(name)} or {@link LeafSignals}. Chosen over {@code FeatureField}
 *       because that keeps only 9 significant bits and requires positive values; priors may be 0 or negative
 *       (a centred rating).
 *   <li>MF item factors: {@code float[dimension]}, one dimension for the whole generation, written as
 *       {@code KnnFloatVectorField} with {@code MAXIMUM_INNER_PRODUCT} (factors are not unit length).
 *   <li>item-kNN neighbours: (ordinal, similarity) pairs, best first, written as {@code BinaryDocValuesField} in
 *       {@link NeighborListCodec} format.
 * </ul>
 *
 * Immutable once built; {@link #modelVersion()} names the trained model the signals came from and is recorded
 * in the generation's manifest.
 */
public final class CourseSignals {
  private final String modelVersion;
  private final int numCourses;
  private final float[] popularity;
  private final float[] rating;
  private final int factorDimension;
  private final float[][] factors;
  private final int[][] neighborOrdinals;
  private final float[][] neighborSimilarities;

  private CourseSignals(Builder b) {
    this.modelVersion = b.modelVersion;
    this.numCourses = b.numCourses;
    this.popularity = b.popularity.clone();
    this.rating = b.rating.clone();
    this.factorDimension = b.factorDimension;
    this.factors = b.factors.clone();
    this.neighborOrdinals = b.neighborOrdinals.clone();
    this.neighborSimilarities = b.neighborSimilarities.clone();
  }

  /** Starts signals for a catalog of {@code numCourses} courses; every signal starts absent. */
  public static Builder builder(String modelVersion, int numCourses) {
    return new Builder(modelVersion, numCourses);
  }

  /** Signals with nothing in them (a reindex before any training): only the model version is recorded. */
  public static CourseSignals none(int numCourses) {
    return builder("none", numCourses).build();
  }

  public String modelVersion() { return modelVersion; }
  public int numCourses() { return numCourses; }

  /** Dimension of the item factors, 0 when no course has factors. */
  public int factorDimension() { return factorDimension; }

  /** Popularity prior of a course, NaN when absent. */
  public float popularityPrior(int ordinal) { return popularity[ordinal]; }

  /** Rating prior of a course, NaN when absent. */
  public float ratingPrior(int ordinal) { return rating[ordinal]; }

  /** Item factors (a copy), or null when absent. */
  public float[] itemFactors(int ordinal) {
    float[] f = factors[ordinal];
    return f == null ? null : f.clone();
  }

  /** Neighbour list, or null when absent. */
  public NeighborListCodec.Neighbors neighbors(int ordinal) {
    int[] o = neighborOrdinals[ordinal];
    return o == null ? null : new NeighborListCodec.Neighbors(o.clone(), neighborSimilarities[ordinal].clone());
  }

  /** Whether any course has any signal. */
  public boolean isEmpty() {
    for (int i = 0; i < numCourses; i++) {
      if (!Float.isNaN(popularity[i]) || !Float.isNaN(rating[i]) || factors[i] != null || neighborOrdinals[i] != null) {
        return false;
      }
    }
    return true;
  }

  /** Collects signals; validates each value as it is set so a bad model fails before indexing starts. */
  public static final class Builder {
    private final String modelVersion;
    private final int numCourses;
    private final float[] popularity;
    private final float[] rating;
    private int factorDimension;
    private final float[][] factors;
    private final int[][] neighborOrdinals;
    private final float[][] neighborSimilarities;

    private Builder(String modelVersion, int numCourses) {
      Objects.requireNonNull(modelVersion, "modelVersion");
      if (modelVersion.isBlank()) throw new IllegalArgumentException("modelVersion must not be blank");
      if (numCourses < 0) throw new IllegalArgumentException("numCourses must be >= 0, got " + numCourses);
      this.modelVersion = modelVersion;
      this.numCourses = numCourses;
      this.popularity = new float[numCourses];
      this.rating = new float[numCourses];
      Arrays.fill(popularity, Float.NaN);
      Arrays.fill(rating, Float.NaN);
      this.factors = new float[numCourses][];
      this.neighborOrdinals = new int[numCourses][];
      this.neighborSimilarities = new float[numCourses][];
    }

    public Builder popularityPrior(int ordinal, float value) {
      popularity[check(ordinal)] = finite(value, "popularity prior", ordinal);
      return this;
    }

    public Builder ratingPrior(int ordinal, float value) {
      rating[check(ordinal)] = finite(value, "rating prior", ordinal);
      return this;
    }

    /** Sets a course's factors; every course's factors must have the same, positive dimension. */
    public Builder itemFactors(int ordinal, float[] values) {
      check(ordinal);
      if (values.length == 0) throw new IllegalArgumentException("item factors must not be empty (ordinal " + ordinal + ")");
      if (factorDimension != 0 && values.length != factorDimension) {
        throw new IllegalArgumentException("item factors of ordinal " + ordinal + " have dimension " + values.length
            + ", others have " + factorDimension);
      }
      for (float v : values) finite(v, "item factor", ordinal);
      factorDimension = values.length;
      factors[ordinal] = values.clone();
      return this;
    }

    /** Sets a course's neighbours (parallel arrays, best first); ordinals must be other courses of this catalog. */
    public Builder neighbors(int ordinal, int[] ordinals, float[] similarities) {
      check(ordinal);
      if (ordinals.length != similarities.length) {
        throw new IllegalArgumentException("neighbour arrays of ordinal " + ordinal + " differ in length");
      }
      for (int i = 0; i < ordinals.length; i++) {
        if (ordinals[i] < 0 || ordinals[i] >= numCourses || ordinals[i] == ordinal) {
          throw new IllegalArgumentException("neighbour " + ordinals[i] + " of ordinal " + ordinal
              + " is not another course in [0, " + numCourses + ")");
        }
        finite(similarities[i], "neighbour similarity", ordinal);
      }
      neighborOrdinals[ordinal] = ordinals.clone();
      neighborSimilarities[ordinal] = similarities.clone();
      return this;
    }

    public CourseSignals build() { return new CourseSignals(this); }

    private int check(int ordinal) {
      if (ordinal < 0 || ordinal >= numCourses) {
        throw new IndexOutOfBoundsException("course ordinal " + ordinal + " outside [0, " + numCourses + ")");
      }
      return ordinal;
    }

    private static float finite(float v, String what, int ordinal) {
      if (!Float.isFinite(v)) throw new IllegalArgumentException(what + " must be finite, got " + v + " for ordinal " + ordinal);
      return v;
    }
  }
}
