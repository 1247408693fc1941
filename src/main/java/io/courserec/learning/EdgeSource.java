package io.courserec.learning;

import java.util.Locale;

/** Where a prerequisite edge comes from; the order is the priority when cycles are broken (given edges win). */
public enum EdgeSource {
  /** The catalog's {@code prerequisites} column. */
  GIVEN,
  /** A lower-level course on the same skills, supported by the order learners took the two in. */
  LEVEL_AND_SEQUENCE,
  /** A lower-level course on the same skills (no or too little log evidence). */
  LEVEL,
  /** Same level (or no level), but learners take one before the other far more often than after. */
  SEQUENCE;

  public String code() { return name().toLowerCase(Locale.ROOT).replace('_', '+'); }

  static EdgeSource fromCode(String code) {
    for (EdgeSource s : values()) if (s.code().equals(code)) return s;
    throw new IllegalArgumentException("unknown edge source '" + code + "'");
  }
}
