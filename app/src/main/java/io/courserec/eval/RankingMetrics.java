package io.courserec.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accuracy of one ranked list against one learner's held-out relevant set, with binary relevance. Notation:
 * L = the ranked list, L_i its i-th item (1-based), Rel = the relevant set (non-empty), rel_i = 1 when L_i is in Rel
 * and is its first occurrence in L (a repeated course earns nothing twice), else 0; only the first K positions count.
 *
 * <ul>
 *   <li>Precision@K = (&Sigma;_{i&le;K} rel_i) / K &mdash; the denominator is K even when L is shorter, so a list
 *       that stops early is not rewarded.</li>
 *   <li>Recall@K = (&Sigma;_{i&le;K} rel_i) / |Rel|.</li>
 *   <li>NDCG@K = DCG@K / IDCG@K, DCG@K = &Sigma;_{i&le;K} rel_i / log2(i + 1),
 *       IDCG@K = &Sigma;_{i&le;min(|Rel|, K)} 1 / log2(i + 1) (the DCG of a perfect list; Järvelin &amp;
 *       Kekäläinen 2002 with binary gains).</li>
 *   <li>AP@K = (1 / min(|Rel|, K)) &Sigma;_{i&le;K} rel_i &middot; Precision@i; MAP@K is its mean over learners.
 *       Normalising by min(|Rel|, K) rather than |Rel| makes a perfect top-K list score 1 even when the learner has
 *       more than K relevant courses (the convention of e.g. the Kaggle/ml_metrics {@code apk}).</li>
 *   <li>RR@K = 1 / (position of the first relevant item within the top K), 0 when there is none; MRR is its
 *       mean.</li>
 *   <li>Hit@K = 1 when at least one of the top K items is relevant, else 0; the hit rate is its mean.</li>
 * </ul>
 * All functions are pure; an empty {@code relevant} set or K &lt; 1 is an {@link IllegalArgumentException} (a test
 * learner always has at least one target, so an empty set means a bug upstream).
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** rel_1..rel_K as defined in the class comment (positions past the end of the list are 0). */
  static boolean[] relevanceAtK(List<String> ranked, Set<String> relevant, int k) {
    if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
    if (relevant.isEmpty()) throw new IllegalArgumentException("relevant set must not be empty");
    boolean[] rel = new boolean[k];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      String c = ranked.get(i);
      rel[i] = seen.add(c) && relevant.contains(c);
    }
    return rel;
  }

  private static int hits(boolean[] rel) {
    int h = 0;
    for (boolean r : rel) if (r) h++;
    return h;
  }

  /** Precision@K = hits in the top K / K. */
  public static double precisionAtK(List<String> ranked, Set<String> relevant, int k) {
    return hits(relevanceAtK(ranked, relevant, k)) / (double) k;
  }

  /** Recall@K = hits in the top K / |Rel|. */
  public static double recallAtK(List<String> ranked, Set<String> relevant, int k) {
    return hits(relevanceAtK(ranked, relevant, k)) / (double) relevant.size();
  }

  /** NDCG@K with binary gains and log2(i + 1) discount; IDCG over min(|Rel|, K) positions. */
  public static double ndcgAtK(List<String> ranked, Set<String> relevant, int k) {
    boolean[] rel = relevanceAtK(ranked, relevant, k);
    double dcg = 0;
    for (int i = 0; i < k; i++) if (rel[i]) dcg += discount(i + 1);
    double idcg = 0;
    for (int i = 1; i <= Math.min(relevant.size(), k); i++) idcg += discount(i);
    return dcg / idcg;
  }

  private static double discount(int position) {
    return 1.0 / (Math.log(position + 1) / Math.log(2));
  }

  /** AP@K = (1 / min(|Rel|, K)) &Sigma; rel_i &middot; Precision@i. */
  public static double averagePrecisionAtK(List<String> ranked, Set<String> relevant, int k) {
    boolean[] rel = relevanceAtK(ranked, relevant, k);
    double sum = 0;
    int hits = 0;
    for (int i = 0; i < k; i++) {
      if (rel[i]) {
        hits++;
        sum += hits / (double) (i + 1);
      }
    }
    return sum / Math.min(relevant.size(), k);
  }

  /** RR@K = 1 / rank of the first relevant item in the top K, or 0. */
  public static double reciprocalRankAtK(List<String> ranked, Set<String> relevant, int k) {
    boolean[] rel = relevanceAtK(ranked, relevant, k);
    for (int i = 0; i < k; i++) if (rel[i]) return 1.0 / (i + 1);
    return 0;
  }

  /** Hit@K: 1 when any of the top K is relevant, else 0. */
  public static double hitAtK(List<String> ranked, Set<String> relevant, int k) {
    return hits(relevanceAtK(ranked, relevant, k)) > 0 ? 1 : 0;
  }
}
