package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports small hand-made excerpts in the two external formats (rows modelled on the real catalogs, including
 * their duplicates) and checks every written course. Ids: slug + first 8 hex digits of SHA-256 over
 * "title key\ninstitution key", e.g. sha256("financial markets\nyale university") starts with 55cd1b67.
 */
class CatalogImporterTest {
  static final Path SAMPLES = Path.of("core/src/test/resources/catalog/import");

  @TempDir
  Path out;

  @Test
  void courseraRowsBecomeCleanCoursesWithDuplicatesMerged() {
    var result = CatalogImporter.run(ImportFormat.COURSERA, SAMPLES.resolve("coursera-sample.csv"), out,
        CleaningRules.from(Config.defaults()));
    QualityReport.FileReport f = result.report().file("coursera-sample.csv");
    // 6 rows: 3 courses, lines 4 and 6 repeat a title + institution (case differs on line 6), line 7 has no title
    assertThat(f).extracting("rowsRead", "loaded", "merged", "rejected").containsExactly(6L, 3L, 2L, 1L);
    assertThat(result.report().examples()).extracting(QualityReport.Example::location).containsExactly(
        "coursera-sample.csv:4: duplicate title and organisation (merged into 'html-css-and-javascript-for-web-developers-42b313d6' from line 3)",
        "coursera-sample.csv:6: duplicate title and organisation (merged into 'artificial-intelligence-an-overview-3555a2e4' from line 5)",
        "coursera-sample.csv:7: missing required value (title is empty)");

    List<Course> courses = CatalogLoader.loadCourses(result.coursesCsv(), Config.defaults()).dataset().courses();
    assertThat(courses).extracting(Course::id).containsExactly("financial-markets-55cd1b67",
        "html-css-and-javascript-for-web-developers-42b313d6", "artificial-intelligence-an-overview-3555a2e4");
    assertThat(courses.get(0)).isEqualTo(new Course("financial-markets-55cd1b67", "Financial Markets", "",
        List.of("Investment Banking", "Risk Management", "Finance"), "Yale University", Level.BEGINNER, "Business", "",
        43.5, "1 - 3 Months", 4.8, 30000, "", List.of())); // 2 months x 4.348 weeks x 5 h
    Course html = courses.get(1);
    assertThat(html.skills()).containsExactly("HTML and CSS", "Javascript", "Web Design", "JSON", "Web Development");
    assertThat(html.rating()).isEqualTo(4.69); // (4.7 x 17000 + 4.5 x 1000) / 18000 = 4.6889
    assertThat(html.numRatings()).isEqualTo(17000);
    assertThat(html.level()).isEqualTo(Level.MIXED); // the first row's
    assertThat(html.durationHours()).isEqualTo(12.5); // 2.5 weeks x 5 h
    Course ai = courses.get(2);
    assertThat(ai.title()).isEqualTo("Artificial Intelligence: An Overview");
    assertThat(ai.skills()).containsExactly("Machine Learning", "Artificial Intelligence", "Deep Learning"); // ML alias
    assertThat(ai.rating()).isEqualTo(4.6); // the duplicate has no rating
    assertThat(ai.durationHours()).isEqualTo(1.0);
  }

  @Test
  void edxRowsKeepWhatTheyHaveAndInventNothing() {
    var result = CatalogImporter.run(ImportFormat.EDX, SAMPLES.resolve("edx-sample.csv"), out,
        CleaningRules.from(Config.defaults()));
    assertThat(result.report().file("edx-sample.csv")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(4L, 3L, 1L, 0L, 0L);
    List<Course> courses = CatalogLoader.loadCourses(result.coursesCsv(), Config.defaults()).dataset().courses();
    assertThat(courses.get(0)).isEqualTo(new Course("how-to-learn-online-4740e972", "How to Learn Online",
        "Learn essential strategies Designed for those who are new to elearning, this course prepares you.", List.of(),
        "edX", Level.BEGINNER, "Education & Teacher Training", "en", 5.0, "2–3 hours per week, 2 Weeks", null, null,
        "https://www.edx.org/course/how-to-learn-online", List.of())); // 2.5 h/week x 2 weeks; n_enrolled dropped
    Course probability = courses.get(1);
    assertThat(probability.id()).isEqualTo("introduction-to-probability-db908b11");
    // line 3's summary is NA, so its description is the body alone; line 4's summary + body is longer and wins
    assertThat(probability.description())
        .isEqualTo("Learn probability Probability and statistics help to bring logic to a world replete with randomness.");
    assertThat(probability.durationHours()).isEqualTo(75.0); // 7.5 h/week x 10 weeks
    Course estadistica = courses.get(2);
    assertThat(estadistica.id()).isEqualTo("estadistica-2aa533ab");
    assertThat(estadistica.language()).isEqualTo("es");
    assertThat(estadistica.level()).isEqualTo(Level.ADVANCED);
    assertThat(estadistica.organization()).isEqualTo("Universitat Politècnica de Valencia");
    assertThat(estadistica.durationHours()).isEqualTo(24.0); // 4 h/week x 6 weeks
  }

  @Test
  void generatedIdsAreStableSlugsWithAHash() {
    assertThat(ImportFormat.generatedId("Financial Markets", "Yale University")).isEqualTo("financial-markets-55cd1b67");
    assertThat(ImportFormat.generatedId("FINANCIAL  markets!", "yale university")).isEqualTo("financial-markets-55cd1b67");
    assertThat(ImportFormat.generatedId("Financial Markets", "Stanford")).isNotEqualTo("financial-markets-55cd1b67");
    assertThat(ImportFormat.generatedId("中文课程", "X")).matches("course-[0-9a-f]{8}");
    assertThat(ImportFormat.generatedId("A very long title that goes on and on about many things in detail", "X"))
        .matches("a-very-long-title-that-goes-on-and-on-about-many-[0-9a-f]{8}");
  }

  @Test
  void aFileOfTheWrongFormatIsAFatalError() {
    assertThatThrownBy(() -> CatalogImporter.run(ImportFormat.EDX, CatalogLoaderTest.MESSY.resolve("users.csv"), out,
        CleaningRules.from(Config.defaults())))
        .isInstanceOf(DataException.class).hasMessageStartingWith("users.csv: missing required column 'title'");
  }
}
