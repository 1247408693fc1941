package io.courserec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import io.courserec.cf.ItemKnnModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The neighbour lists in Spark SQL: item-kNN co-occurrence and the sequence signal's successors, top-K per course. */
final class SparkLists {
  private SparkLists() {}

  /**
   * (i, j, sim) for every course i and its top-K neighbours j: sim = cos(r₊_i, r₊_j) · n/(n + shrinkage) over the
   * positive values, n = learners with both; ties by lower j (the order {@code ItemKnnTrainer} keeps).
   */
  static Dataset<Row> itemKnn(Dataset<Row> positive, int k, double shrinkage) {
    Dataset<Row> norms = positive.groupBy("c").agg(sqrt(sum(col("r").multiply(col("r")))).as("norm"));
    Dataset<Row> a = positive.select(col("u"), col("c").as("i"), col("r").as("ri"));
    Dataset<Row> b = positive.select(col("u").as("ub"), col("c").as("j"), col("r").as("rj"));
    Dataset<Row> co = a.join(b, a.col("u").equalTo(b.col("ub")).and(a.col("i").notEqual(b.col("j"))))
        .groupBy("i", "j").agg(sum(col("ri").multiply(col("rj"))).as("dot"), count(lit(1)).as("n"));
    Dataset<Row> ni = norms.select(col("c").as("ci"), col("norm").as("normi"));
    Dataset<Row> nj = norms.select(col("c").as("cj"), col("norm").as("normj"));
    Dataset<Row> sims = co.join(ni, co.col("i").equalTo(ni.col("ci"))).join(nj, co.col("j").equalTo(nj.col("cj")))
        .select(col("i"), col("j"), col("dot").divide(col("normi").multiply(col("normj")))
            .multiply(col("n").divide(col("n").plus(shrinkage))).cast("float").as("sim"))
        .filter(col("sim").gt(0));
    return topK(sims, "i", "j", "sim", k);
  }

  /**
   * (x, y, s) for every course x and its top-K successors y: each learner's positive courses in order of their last
   * event (untimed first, then by ordinal), C(x→y) = Σ 1/(b − a) over pairs at most {@code window} apart,
   * s = C(x→y) / (Σ_y C(x→y) + shrinkage).
   */
  static Dataset<Row> successors(Dataset<Row> positive, int window, int k, double shrinkage) {
    Dataset<Row> ordered = positive.withColumn("pos",
        row_number().over(Window.partitionBy("u").orderBy(col("last").asc_nulls_first(), col("c").asc())));
    Dataset<Row> a = ordered.select(col("u"), col("c").as("x"), col("pos").as("pa"));
    Dataset<Row> b = ordered.select(col("u").as("ub"), col("c").as("y"), col("pos").as("pb"));
    Dataset<Row> mass = a.join(b, a.col("u").equalTo(b.col("ub"))
            .and(b.col("pb").gt(a.col("pa"))).and(b.col("pb").leq(a.col("pa").plus(window))))
        .groupBy("x", "y").agg(sum(lit(1.0).divide(col("pb").minus(col("pa")))).as("cxy"));
    Dataset<Row> s = mass.withColumn("cx", sum("cxy").over(Window.partitionBy("x")))
        .select(col("x"), col("y"), col("cxy").divide(col("cx").plus(shrinkage)).cast("float").as("s"))
        .filter(col("s").gt(0));
    return topK(s, "x", "y", "s", k);
  }

  private static Dataset<Row> topK(Dataset<Row> scored, String key, String other, String score, int k) {
    return scored.withColumn("rk", row_number().over(Window.partitionBy(key).orderBy(col(score).desc(), col(other).asc())))
        .filter(col("rk").leq(k)).select(col(key), col(other), col(score));
  }

  /** Per-course lists gathered from (key, other, score) rows, which arrive from the cluster in no order. */
  static final class ListsBuilder {
    private final List<List<long[]>> raw;

    ListsBuilder(int n) {
      raw = new ArrayList<>(n);
      for (int i = 0; i < n; i++) raw.add(new ArrayList<>());
    }

    void add(int key, int other, float score) {
      raw.get(key).add(new long[] {other, Float.floatToIntBits(score)});
    }

    private int[][] ids;
    private float[][] weights;

    /** Strongest first, ties by lower ordinal. */
    private void sort() {
      if (ids != null) return;
      int n = raw.size();
      ids = new int[n][];
      weights = new float[n][];
      for (int i = 0; i < n; i++) {
        List<long[]> l = raw.get(i);
        l.sort((p, q) -> {
          int cmp = Float.compare(Float.intBitsToFloat((int) q[1]), Float.intBitsToFloat((int) p[1]));
          return cmp != 0 ? cmp : Long.compare(p[0], q[0]);
        });
        ids[i] = new int[l.size()];
        weights[i] = new float[l.size()];
        for (int z = 0; z < l.size(); z++) {
          ids[i][z] = (int) l.get(z)[0];
          weights[i][z] = Float.intBitsToFloat((int) l.get(z)[1]);
        }
      }
    }

    int[][] ids() { sort(); return ids; }
    float[][] weights() { sort(); return weights; }
    ItemKnnModel build() { return ItemKnnModel.of(ids(), weights()); }
  }
}
