package io.courserec.learning;

import java.util.List;

/**
 * A goal names a skill no course in the catalog teaches. Carries the closest names of the skill vocabulary so the
 * caller can say "did you mean"; the engine turns it into a 400 naming the field.
 */
public final class UnknownSkillException extends IllegalArgumentException {
  private final String skill;
  private final List<String> suggestions;

  public UnknownSkillException(String skill, List<String> suggestions) {
    super("unknown skill '" + skill + "'" + (suggestions.isEmpty() ? "; no skill of the catalog is close"
        : "; closest skills of the catalog: " + String.join(", ", suggestions)));
    this.skill = skill;
    this.suggestions = List.copyOf(suggestions);
  }

  public String skill() { return skill; }
  public List<String> suggestions() { return suggestions; }
}
