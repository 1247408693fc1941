package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Course;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Skill lookup, suggestions, and earned credits, derived by hand. */
class SkillVocabularyTest {
  private final List<Course> catalog = List.of(
      PathPlannerTest.course("a", Level.BEGINNER, 1, "Python", "SQL"),
      PathPlannerTest.course("b", Level.INTERMEDIATE, 1, "Machine Learning", "Python"),
      PathPlannerTest.course("c", Level.ADVANCED, 1, "Deep Learning"));
  private final SkillVocabulary v = SkillVocabulary.of(catalog);

  @Test
  void namesMatchIgnoringCaseAndSpacing() {
    assertThat(v.size()).isEqualTo(4);
    assertThat(v.resolve("  machine   LEARNING ")).isEqualTo("Machine Learning");
    assertThat(v.coursesTeaching("Python")).containsExactly(0, 1);
  }

  @Test
  void unknownSkillsNameTheClosestOnes() {
    // "pyton": distance 1 to "python" (1 * 3 <= 6) -> suggested; "learning" is contained in two names -> both, by name
    assertThat(SkillVocabulary.levenshtein("pyton", "python")).isEqualTo(1);
    assertThat(SkillVocabulary.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThatThrownBy(() -> v.resolve("Pyton")).isInstanceOf(UnknownSkillException.class)
        .hasMessage("unknown skill 'Pyton'; closest skills of the catalog: Python");
    assertThat(v.closest("learning")).containsExactly("Deep Learning", "Machine Learning");
    assertThat(v.closest("cooking")).isEmpty();
  }

  @Test
  void creditsAreTheBestEventPerSkillAndTheGapIsWhatIsBelowTheThreshold() {
    // a enrolled (0.5 to Python, SQL), b completed (1 to Machine Learning, Python): Python 1 from b, SQL 0.5 from a
    List<Interaction> events = List.of(Interaction.of("u", "a", EventType.ENROLL), Interaction.of("u", "b", EventType.VIEW),
        Interaction.of("u", "b", EventType.COMPLETE), Interaction.of("u", "c", EventType.BOOKMARK));
    Map<String, Course> byId = Map.of("a", catalog.get(0), "b", catalog.get(1), "c", catalog.get(2));
    LearnerSkills s = new SkillsModel(0.5, 1.0, 1.0).skills("u", events, byId::get,
        List.of("sql", "Python", "Deep Learning", "Knitting"), v);
    assertThat(s.earned()).isEqualTo(Map.of("Python", 1.0, "SQL", 0.5, "Machine Learning", 1.0));
    assertThat(s.sources()).containsEntry("Python", "b").containsEntry("SQL", "a");
    assertThat(s.goals()).containsExactly("SQL", "Python", "Deep Learning");
    assertThat(s.unknownGoals()).containsExactly("Knitting");
    assertThat(s.gap()).containsExactly("SQL", "Deep Learning");
    // with the threshold at 0.5 the enrolled SQL counts as earned
    assertThat(new SkillsModel(0.5, 1.0, 0.5).skills("u", events, byId::get, List.of("SQL"), v).gap()).isEmpty();
  }
}
