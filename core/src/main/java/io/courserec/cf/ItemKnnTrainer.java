package io.courserec.cf;

import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the top-K neighbour list of every course ({@link ItemSimilarity} with shrinkage) without ever
 * forming the dense course x course matrix. For a course i, the co-occurrence with every other course j is
 * accumulated sparsely: for each learner u of i and each other course j of u, {@code dot[j] += v(u,i)·v(u,j)}
 * and {@code n[j]++} in per-thread dense scratch arrays, touching only the j that occur. Total work is
 * Σ_u |row u|² (the same for every course order), memory is O(courses) per thread, and courses are
 * processed in parallel ({@code mf.threads}). A bounded heap keeps the K best j with similarity &gt; 0
 * (ties by lower ordinal). Each course's list depends only on the data, so the result is deterministic.
 */
public final class ItemKnnTrainer {
  private static final Logger log = LoggerFactory.getLogger(ItemKnnTrainer.class);

  private final ItemSimilarity similarity;
  private final int neighbors;
  private final double shrinkage;
  private final int threads;

  public ItemKnnTrainer(ItemSimilarity similarity, int neighbors, double shrinkage, int threads) {
    if (neighbors < 1) throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    if (shrinkage < 0) throw new IllegalArgumentException("shrinkage must be >= 0, got " + shrinkage);
    this.similarity = similarity;
    this.neighbors = neighbors;
    this.shrinkage = shrinkage;
    this.threads = Math.max(1, threads);
  }

  public static ItemKnnTrainer from(Config c) {
    return new ItemKnnTrainer(ItemSimilarity.from(c), c.integer(ConfigKey.ITEMKNN_NEIGHBORS),
        c.number(ConfigKey.ITEMKNN_SHRINK), ParallelLoop.threads(c));
  }

  public ItemSimilarity similarity() { return similarity; }
  public int neighbors() { return neighbors; }
  public double shrinkage() { return shrinkage; }

  private static final class Scratch {
    final double[] dot;
    final int[] co;
    final int[] touched;
    final TopK top;

    Scratch(int nc, int k) {
      dot = new double[nc];
      co = new int[nc];
      touched = new int[nc];
      top = new TopK(k);
    }
  }

  public ItemKnnModel train(InteractionMatrix matrix) {
    long t0 = System.nanoTime();
    PositiveFeedback x = PositiveFeedback.of(matrix, similarity == ItemSimilarity.ADJUSTED_COSINE);
    double[] norms = x.columnNorms();
    int nc = x.numCourses;
    int[][] ids = new int[nc][];
    float[][] sims = new float[nc][];
    ParallelLoop.run(nc, 32, threads, () -> new Scratch(nc, Math.min(neighbors, Math.max(nc - 1, 0))), (s, from, to) -> {
      for (int i = from; i < to; i++) {
        int t = 0;
        for (int p = x.colPtr[i]; p < x.colPtr[i + 1]; p++) {
          int u = x.rows[p];
          double a = x.colVals[p];
          for (int q = x.rowPtr[u]; q < x.rowPtr[u + 1]; q++) {
            int j = x.cols[q];
            if (j == i) continue;
            if (s.co[j]++ == 0) s.touched[t++] = j;
            s.dot[j] += a * x.rowVals[q];
          }
        }
        for (int z = 0; z < t; z++) {
          int j = s.touched[z];
          double denom = norms[i] * norms[j];
          if (denom > 0) {
            int n = s.co[j];
            double sim = s.dot[j] / denom * (n / (n + shrinkage));
            if (sim > 0) s.top.offer(j, (float) sim);
          }
          s.dot[j] = 0;
          s.co[j] = 0;
        }
        TopK.Ranked r = s.top.drain();
        ids[i] = r.ids();
        sims[i] = r.scores();
      }
    });
    ItemKnnModel model = ItemKnnModel.of(ids, sims);
    log.info("itemknn: {} neighbours for {} courses ({} {}, shrinkage {}) from {} positive pairs in {} ms",
        model.totalNeighbors(), nc, similarity.code(), neighbors, shrinkage, x.cols.length,
        (System.nanoTime() - t0) / 1_000_000);
    return model;
  }
}
