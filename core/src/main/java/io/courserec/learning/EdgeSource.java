package io.courserec.learning;

import java.util.Locale;

/** Where a prerequisite edge comes from; the order is the priority when cycles are broken (given edges win). */
public enum EdgeSource {
  /** The catalog's {@code prerequisites} column. */
  GIVEN,
  /** A lower-level course on the same skills that the dependant's learners completed first significantly often. */
  LEVEL_AND_SEQUENCE,
  /** A lower-level course on the same skills, from content alone (the log did not decide the dependant). */
  LEVEL,
  /** A course sharing skills whose level (or the dependant's) is unknown, ordered by the log's test alone. */
  SEQUENCE;

  public String code() { return name().toLowerCase(Locale.ROOT).replace('_', '+'); }

  static EdgeSource fromCode(String code) {
    for (EdgeSource s : values()) if (s.code().equals(code)) return s;
    throw new IllegalArgumentException("unknown edge source '" + code + "'");
  }
}
