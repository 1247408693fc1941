package io.courserec.cf;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;

/**
 * Learner-learner similarity for user-kNN ({@code cf.user.similarity}), over positive feedback only: x(u,j) =
 * r(u,j) when r(u,j) &gt; 0; I(u) = courses with x(u,j) present; I = I(u) ∩ I(v), n = |I| (co-rated courses);
 * λ = {@code cf.user.shrinkage}.
 *
 * <pre>
 *   cosine:   sim(u,v) = Σ_{j∈I} x(u,j)·x(v,j) / ( ‖x(u,·)‖ · ‖x(v,·)‖ ) · n/(n+λ)      norms over all of I(u), I(v)
 *
 *   Pearson:  a_j = x(u,j) - m_u,  b_j = x(v,j) - m_v,  m_u = mean of x(u,·) over I(u)
 *             sim(u,v) = Σ_{j∈I} a_j·b_j / sqrt( Σ_{j∈I} a_j² · Σ_{j∈I} b_j² ) · n/(n+λ)
 * </pre>
 *
 * Pearson follows Herlocker et al. 1999 ("An algorithmic framework for performing collaborative filtering"):
 * sums over the co-rated courses, means over each learner's own courses. A zero denominator gives 0.
 */
public enum UserSimilarity {
  COSINE("cosine"), PEARSON("pearson");

  private final String code;

  UserSimilarity(String code) { this.code = code; }

  public String code() { return code; }

  public static UserSimilarity from(Config config) {
    String v = config.string(ConfigKey.USERKNN_SIMILARITY).trim();
    for (UserSimilarity s : values()) if (s.code.equalsIgnoreCase(v)) return s;
    throw new ConfigException(ConfigKey.USERKNN_SIMILARITY.key() + " must be cosine or pearson, got '" + v + "'");
  }
}
