package io.courserec.catalog;

import java.util.List;
import java.util.Objects;

/** A learner from users.csv: declared interests and goals (skills), level and language; lists never null. */
public record Learner(String id, List<String> interests, List<String> goals, Level level, String language) {
  public Learner {
    Objects.requireNonNull(id, "id");
    interests = interests == null ? List.of() : List.copyOf(interests);
    goals = goals == null ? List.of() : List.copyOf(goals);
    level = level == null ? Level.UNKNOWN : level;
    language = language == null ? "" : language;
  }

  /** A learner known only by id (seen in interactions but not in users.csv). */
  public static Learner anonymous(String id) {
    return new Learner(id, List.of(), List.of(), Level.UNKNOWN, "");
  }
}
