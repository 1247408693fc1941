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
  PRIOR,
  /** Item-CF with recent history courses weighted more ({@code itemknn-recent}: decay by position or time). */
  RECENT,
  /** Sequence: "learners who took X went on to Y", from the learner's most recent courses ({@code seq}). */
  SEQ,
  /** EASE item-item weights (Steck 2019) against the learner's history ({@code ease}). */
  EASE;

  /** Whether this signal is one of the neighbour-list signals computed from the learner's history per request. */
  public boolean neighbourList() { return this == RECENT || this == SEQ || this == EASE; }

  public String code() { return name().toLowerCase(Locale.ROOT); }

  /** The source its reasons name ({@link io.courserec.rec.Evidence#signal()}): the constant of the same name. */
  public io.courserec.rec.EvidenceSource evidenceSource() {
    return io.courserec.rec.EvidenceSource.valueOf(name());
  }

  /** The single algorithm that ranks as this signal alone (the corner of the weight space): its registry name. */
  public String algorithm() {
    return switch (this) {
      case CONTENT -> "cbr";
      case ITEMCF -> "itemknn";
      case USERCF -> "userknn";
      case MF -> "mf";
      case PRIOR -> "pop";
      case RECENT -> "itemknn-recent";
      case SEQ -> "seq";
      case EASE -> "ease";
    };
  }

  /** The signal a single algorithm stands for ({@link #algorithm()}), or null for {@code hybrid} or an unknown name. */
  public static Signal ofAlgorithm(String name) {
    for (Signal s : values()) if (s.algorithm().equals(name)) return s;
    return null;
  }
}
