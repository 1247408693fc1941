package io.courserec.eval;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Properties of recommendation lists beyond accuracy, as pure functions. L_u is learner u's top-K list.
 *
 * <ul>
 *   <li><b>Catalog coverage</b> = |&cup;_u L_u| / |catalog|: the share of the catalog recommended to anyone.</li>
 *   <li><b>Intra-list diversity</b> ILD(L) = 1 - (2 / (|L| (|L| - 1))) &Sigma;_{i&lt;j} sim(L_i, L_j), with sim the
 *       content cosine of {@link ContentSimilarity} (Ziegler et al. 2005 define the intra-list similarity; this is
 *       its complement). Undefined (NaN) for lists of fewer than two items.</li>
 *   <li><b>Novelty</b>(L) = (1 / |L|) &Sigma;_{i&isin;L} -log2 p(i), the mean self-information of the recommended
 *       courses with p(i) the popularity share in training ({@link TrainPopularity}; Zhou et al. 2010, PNAS
 *       107(10), and Castells et al. 2011). NaN for an empty list.</li>
 *   <li><b>Serendipity</b>(L) = |{i among the top K : i &isin; Rel, i &notin; PM}| / K: the share of the K slots
 *       filled by courses that are both useful (held-out relevant) and unexpected (absent from PM, the list a
 *       primitive popularity recommender gives the same learner). Unexpectedness and usefulness follow Ge,
 *       Delgado-Battenfeld &amp; Jannach, "Beyond accuracy", RecSys 2010; the normalisation by the list size is
 *       the form surveyed by Kaminskas &amp; Bridge, ACM TiiS 7(1), 2016, and keeps it defined when nothing is
 *       unexpected. Always &le; Precision@K.</li>
 *   <li><b>Personalisation</b> = 1 - mean_{u&lt;v} |L_u &cap; L_v| / sqrt(|L_u| |L_v|) over pairs of non-empty
 *       lists: the mean pairwise "Hamming distance" of Zhou et al. 2010 (for lists of equal length L it is
 *       1 - q_uv / L), written as a binary cosine so that lists of unequal length stay in [0, 1]. NaN with fewer
 *       than two non-empty lists.</li>
 * </ul>
 */
public final class BeyondAccuracyMetrics {
  private BeyondAccuracyMetrics() {}

  /** |union of the lists| / catalogSize. */
  public static double catalogCoverage(Collection<? extends Collection<String>> lists, int catalogSize) {
    if (catalogSize < 1) throw new IllegalArgumentException("catalogSize must be >= 1, got " + catalogSize);
    Set<String> all = new HashSet<>();
    for (Collection<String> l : lists) all.addAll(l);
    return all.size() / (double) catalogSize;
  }

  /** 1 - mean pairwise similarity of the list's items; NaN for fewer than two items. */
  public static double intraListDiversity(List<String> list, ToDoubleBiFunction<String, String> similarity) {
    int n = list.size();
    if (n < 2) return Double.NaN;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) sum += similarity.applyAsDouble(list.get(i), list.get(j));
    }
    return 1 - sum / (n * (n - 1) / 2.0);
  }

  /** Mean of -log2 p(i) over the list; NaN for an empty list. p must be in (0, 1]. */
  public static double novelty(List<String> list, ToDoubleFunction<String> probability) {
    if (list.isEmpty()) return Double.NaN;
    double sum = 0;
    for (String c : list) {
      double p = probability.applyAsDouble(c);
      if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("probability of " + c + " must be in (0, 1], got " + p);
      sum += -Math.log(p) / Math.log(2);
    }
    return sum / list.size();
  }

  /** Share of the top K slots holding a relevant course that is not in the expected (popularity) list. */
  public static double serendipity(List<String> list, Set<String> relevant, Set<String> expected, int k) {
    boolean[] rel = RankingMetrics.relevanceAtK(list, relevant, k);
    int n = 0;
    for (int i = 0; i < k; i++) if (rel[i] && !expected.contains(list.get(i))) n++;
    return n / (double) k;
  }

  /** 1 - mean pairwise binary cosine overlap of the non-empty lists; NaN with fewer than two. */
  public static double personalisation(List<? extends Collection<String>> lists) {
    List<Set<String>> sets = lists.stream().filter(l -> !l.isEmpty()).<Set<String>>map(HashSet::new).toList();
    int n = sets.size();
    if (n < 2) return Double.NaN;
    double sum = 0;
    for (int a = 0; a < n; a++) {
      Set<String> la = sets.get(a);
      for (int b = a + 1; b < n; b++) {
        Set<String> lb = sets.get(b);
        Set<String> small = la.size() <= lb.size() ? la : lb;
        Set<String> large = small == la ? lb : la;
        int common = 0;
        for (String c : small) if (large.contains(c)) common++;
        sum += common / Math.sqrt((double) la.size() * lb.size());
      }
    }
    return 1 - sum / (n * (n - 1) / 2.0);
  }
}
