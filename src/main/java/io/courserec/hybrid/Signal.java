package io.courserec.hybrid;

import java.util.Locale;

/** The signals the hybrid blends. Each has one {@link org.apache.lucene.search.DoubleValuesSource} in this package. */
public enum Signal {
  /** Text match between the learner's content profile (or the search text) and the course. */
  CONTENT,
  /** Item-based CF: the course's neighbour list (index doc values) against the learner's history. */
  ITEMCF,
  /** User-based CF: what the learner's nearest learners took (computed per request). */
  USERCF,
  /** Matrix factorisation: dot(learner factors, course factors from the index vector values). */
  MF,
  /** Popularity and rating priors (index doc values). */
  PRIOR;

  public String code() { return name().toLowerCase(Locale.ROOT); }
}
