package io.courserec.rec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a learner was served, by what was known about them; {@link #code()} is the public name in JSON and the CLI. */
public enum Strategy {
  /** the learner has history: every signal the segment weighs */
  PERSONAL("personal"),
  /** no history, declared interests or goals: the content profile (and the prior) */
  COLD_START("cold-start"),
  /** nothing known: the prior alone */
  POPULAR("popular"),
  /** catalog search, text match alone */
  SEARCH("search"),
  /** catalog search blended with the learner's personal signals */
  SEARCH_PERSONAL("search-personal");

  private final String code;

  Strategy(String code) { this.code = code; }

  @JsonValue
  public String code() { return code; }

  /** True for the two search strategies. */
  public boolean isSearch() { return this == SEARCH || this == SEARCH_PERSONAL; }

  @Override
  public String toString() { return code; }
}
