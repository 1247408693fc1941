package io.courserec.cf;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;

/**
 * Course-course similarity for item-kNN ({@code cf.item.similarity}), computed over positive feedback only:
 * let x(u,i) = r(u,i) when r(u,i) &gt; 0, otherwise the pair is absent; U(i) = learners with x(u,i) present;
 * n(i,j) = |U(i) ∩ U(j)| (co-raters); λ = {@code cf.item.shrinkage}. Both measures are cosines between column
 * vectors in which absent pairs are 0, so norms run over each course's own learners, not only the co-raters:
 *
 * <pre>
 *   cosine:           v(u,i) = x(u,i)
 *   adjusted cosine:  v(u,i) = x(u,i) - mean_u,   mean_u = average of x(u,·) over the learner's present pairs
 *                     (Sarwar et al. 2001, "Item-based collaborative filtering recommendation algorithms")
 *
 *   sim(i,j) = [ Σ_{u ∈ U(i)∩U(j)} v(u,i)·v(u,j) ] / ( ‖v(·,i)‖ · ‖v(·,j)‖ ) · n(i,j) / (n(i,j) + λ)
 * </pre>
 *
 * A zero norm gives similarity 0. Adjusted cosine needs graded feedback: a learner whose present weights are all
 * equal contributes nothing (every deviation is 0).
 */
public enum ItemSimilarity {
  COSINE("cosine"), ADJUSTED_COSINE("adjusted_cosine");

  private final String code;

  ItemSimilarity(String code) { this.code = code; }

  public String code() { return code; }

  public static ItemSimilarity from(Config config) {
    String v = config.string(ConfigKey.ITEMKNN_SIMILARITY).trim();
    for (ItemSimilarity s : values()) if (s.code.equalsIgnoreCase(v)) return s;
    throw new ConfigException(ConfigKey.ITEMKNN_SIMILARITY.key() + " must be cosine or adjusted_cosine, got '" + v + "'");
  }
}
