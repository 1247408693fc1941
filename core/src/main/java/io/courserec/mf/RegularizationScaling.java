package io.courserec.mf;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;

/**
 * How ALS scales λ per row ({@code mf.regularization_scaling}). With n the row's number of nonzero entries
 * (r ≠ 0: the courses of a learner row, the learners of a course row):
 * <ul>
 *   <li>{@code none}: λ_row = λ for every row (Hu, Koren &amp; Volinsky 2008);</li>
 *   <li>{@code count}: λ_row = λ·n (ALS-WR, "weighted-λ-regularization", Zhou, Wilkinson, Schreiber &amp; Pan
 *       2008), the scaling of Spark MLlib's ALS. Spark counts only a row's positive entries in implicit mode;
 *       here every nonzero counts, since a dismissal's confidence term is part of the row's data term too.</li>
 * </ul>
 * The same λ_row is used in training, in the objective and in fold-in.
 */
public enum RegularizationScaling {
  NONE("none"), COUNT("count");

  private final String code;

  RegularizationScaling(String code) { this.code = code; }

  public String code() { return code; }

  /** λ_row for a row with {@code n} nonzero entries. */
  double rowLambda(double lambda, int n) {
    return this == COUNT ? lambda * n : lambda;
  }

  public static RegularizationScaling from(Config config) {
    return parse(config.string(ConfigKey.MF_REG_SCALING));
  }

  public static RegularizationScaling parse(String value) {
    String v = value.trim();
    for (RegularizationScaling s : values()) if (s.code.equalsIgnoreCase(v)) return s;
    throw new ConfigException(ConfigKey.MF_REG_SCALING.key() + " must be none or count, got '" + v + "'");
  }
}
