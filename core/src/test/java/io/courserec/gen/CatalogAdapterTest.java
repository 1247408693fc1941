package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogAdapterTest {
  private static Course course(String id, String subject, List<String> skills, List<String> prereqs) {
    return new Course(id, "Title " + id, "", skills, "", Level.BEGINNER, subject, "en", null, "", null, null, "", prereqs);
  }

  @Test
  void derivesSubjectsTracksSkillsAndPrerequisites() {
    // Data: SQL is on three courses (more than two), so c1..c3 form the track (Data, SQL);
    // the untitled subject becomes "general" and Python (two courses) is too rare for a track of its own.
    List<Course> courses = List.of(
        course("c1", "Data", List.of("SQL", "Joins"), List.of()),
        course("c2", "Data", List.of("sql", "Window Functions"), List.of("c1", "zzz", "c2")),
        course("c3", "Data", List.of("SQL", "Statistics"), List.of()),
        course("c4", "", List.of("Python"), List.of()),
        course("c5", " ", List.of("Python"), List.of("c4")));
    SyntheticCatalog cat = CatalogAdapter.adopt(courses, 1, Instant.parse("2023-07-01T00:00:00Z"),
        Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(cat.subjectNames()).containsExactly("Data", "general");
    assertThat(cat.skillNames()).containsExactly("SQL", "Joins", "Window Functions", "Statistics", "Python");
    assertThat(cat.numTracks()).isEqualTo(2);
    assertThat(new int[] {cat.traits(0).track(), cat.traits(1).track(), cat.traits(2).track()}).containsOnly(0);
    assertThat(cat.traits(3).track()).isEqualTo(1);
    assertThat(cat.trackSubject(1)).isEqualTo(1);
    assertThat(cat.trackSkills(0)).containsExactly(0, 1, 2, 3); // SQL (3 courses) first, then ties by id
    assertThat(cat.traits(1).prerequisites()).containsExactly(0); // unknown id and itself dropped
    assertThat(cat.successors(3)).containsExactly(4);
    assertThat(cat.coursesOfSubject(0)).containsExactly(0, 1, 2);
    assertThat(cat.traits(0).launchEpochSecond()).isLessThan(Instant.parse("2023-07-01T00:00:00Z").getEpochSecond());
  }

  @Test
  void organisationFamilyFromTheName() {
    assertThat(CatalogAdapter.family("Harbor Business School")).isEqualTo(OrgFamily.BUSINESS);
    assertThat(CatalogAdapter.family("University of Michigan")).isEqualTo(OrgFamily.UNIVERSITY);
    assertThat(CatalogAdapter.family("Coursera Project Network")).isEqualTo(OrgFamily.TRAINING);
    assertThat(CatalogAdapter.family("Google Cloud")).isEqualTo(OrgFamily.INDUSTRY);
    assertThat(CatalogAdapter.family("")).isEqualTo(OrgFamily.INDUSTRY); // the documented fallback
  }

  @Test
  void practiceStyleFromDescriptionWords() {
    // hands-on, labs, build, project: 4 x 0.3 = 1.2, clamped to 1
    assertThat(CatalogAdapter.practice("Hands-on labs: build a project.")).isEqualTo(1.0);
    // concepts, principles, theory: -3 x 0.3
    assertThat(CatalogAdapter.practice("Concepts and principles of theory")).isCloseTo(-0.9, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(CatalogAdapter.practice("")).isEqualTo(0.0);
  }
}
