package io.courserec.catalog;

import java.util.Locale;
import java.util.Optional;

/** Course or learner level. {@code MIXED} = all levels; {@link #UNKNOWN} when the source does not say. */
public enum Level {
  BEGINNER, INTERMEDIATE, ADVANCED, MIXED, UNKNOWN;

  /** Lower-case name used in CSV files, the index and the API. */
  public String code() { return name().toLowerCase(Locale.ROOT); }

  /** Strict parse of a canonical code (beginner, intermediate, advanced, mixed); cleaning handles the messy names. */
  public static Optional<Level> fromCode(String s) {
    if (s == null) return Optional.empty();
    for (Level l : values()) if (l.code().equals(s.trim().toLowerCase(Locale.ROOT))) return Optional.of(l);
    return Optional.empty();
  }

  /** 0 beginner, 1 intermediate, 2 advanced; mixed and unknown have no rank (-1). */
  public int rank() {
    return switch (this) { case BEGINNER -> 0; case INTERMEDIATE -> 1; case ADVANCED -> 2; default -> -1; };
  }
}
