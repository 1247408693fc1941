package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CourseTextWriterTest {
  @Test
  void displaysSkillsWithTheirUsualCasing() {
    assertThat(CourseTextWriter.display("sql")).isEqualTo("SQL");
    assertThat(CourseTextWriter.display("data visualization")).isEqualTo("Data Visualization");
    assertThat(CourseTextWriter.display("node.js")).isEqualTo("Node.js");
    assertThat(CourseTextWriter.display("owasp top 10")).isEqualTo("OWASP Top 10");
    assertThat(CourseTextWriter.display("learning and memory")).isEqualTo("Learning and Memory");
    assertThat(CourseTextWriter.prose("sql joins")).isEqualTo("SQL joins");
    assertThat(CourseTextWriter.prose("a/b testing")).isEqualTo("A/B testing");
  }

  @Test
  void titlesAreUniqueEvenWhenTemplatesRunOut() {
    Set<String> taken = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(1);
    List<String> skills = List.of("sql", "joins");
    // 60 titles from one topic, two skills, one application: more than the templates can vary, so sequels appear
    for (int i = 0; i < 60; i++) {
      CourseTextWriter.title(rng, Level.ADVANCED, "SQL", skills, List.of("Reporting"), taken);
    }
    assertThat(taken).hasSize(60);
    assertThat(taken).anyMatch(t -> t.endsWith(" II"));
  }

  @Test
  void descriptionCarriesSkillsSubjectAndStyle() {
    String d = CourseTextWriter.description(new SplittableRandom(3), Level.INTERMEDIATE, "SQL", "Data Science",
        List.of("sql", "joins", "window functions"), List.of("datasets"), List.of("Reporting"), 0.8, 12,
        "Datapoint Labs", "Introduction to SQL");
    assertThat(d).contains("SQL, joins and window functions").contains("data science").contains("datasets")
        .contains("hands-on").contains("about 12 hours").contains("It continues where Introduction to SQL left off.");
  }
}
