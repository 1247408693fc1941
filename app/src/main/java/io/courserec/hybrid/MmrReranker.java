package io.courserec.hybrid;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal Marginal Relevance re-ranking (Carbonell and Goldstein 1998, "The use of MMR, diversity-based reranking
 * for reordering documents and producing summaries", SIGIR). Greedily picks from the candidates
 *
 * <pre>  next = argmax_{i in R \ S} [ lambda * rel(i) - (1 - lambda) * max_{j in S} sim(i, j) ]</pre>
 *
 * where R are the candidates (relevance in [0,1], best first), S the items chosen so far and sim a content
 * similarity in [0,1]. lambda = 1 keeps the relevance order exactly; lambda = 0 ignores relevance after the first
 * pick. Ties keep the earlier candidate. Cost O(n·k) similarity calls.
 */
public final class MmrReranker {
  /** Pairwise similarity of two candidates by their position in the candidate list. */
  @FunctionalInterface
  public interface Similarity {
    double between(int a, int b);
  }

  private final double lambda;

  public MmrReranker(double lambda) {
    if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("lambda must be in [0,1], got " + lambda);
    this.lambda = lambda;
  }

  public double lambda() { return lambda; }

  /**
   * Returns the positions (into {@code relevance}) of the chosen items, in chosen order.
   *
   * @param relevance candidate relevance, best first
   * @param k how many to choose (at most the number of candidates)
   */
  public int[] rerank(double[] relevance, int k, Similarity sim) {
    int n = relevance.length;
    int take = Math.min(k, n);
    int[] out = new int[take];
    if (take == 0) return out;
    if (lambda >= 1.0) {
      for (int i = 0; i < take; i++) out[i] = i;
      return out;
    }
    boolean[] used = new boolean[n];
    double[] maxSim = new double[n];
    for (int step = 0; step < take; step++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (used[i]) continue;
        double v = lambda * relevance[i] - (1 - lambda) * maxSim[i];
        if (v > bestValue) {
          bestValue = v;
          best = i;
        }
      }
      used[best] = true;
      out[step] = best;
      for (int i = 0; i < n; i++) {
        if (!used[i]) maxSim[i] = Math.max(maxSim[i], sim.between(i, best));
      }
    }
    return out;
  }

  /** Convenience: the chosen items themselves. */
  public <T> List<T> rerank(List<T> candidates, double[] relevance, int k, Similarity sim) {
    int[] pos = rerank(relevance, k, sim);
    List<T> out = new ArrayList<>(pos.length);
    for (int p : pos) out.add(candidates.get(p));
    return out;
  }
}
