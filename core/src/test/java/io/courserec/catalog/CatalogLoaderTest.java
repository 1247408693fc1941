package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the hand-made messy data set in {@code src/test/resources/catalog/messy} (quoted commas and newlines,
 * {@code ;} and {@code ,} lists, columns out of order, an unknown column, missing optional columns, duplicate ids
 * and titles, and one bad row per reason) and checks the exact outcome of every row. The expected values are
 * worked out by hand in the comments; the fixture's line numbers are physical lines (line 1 is the header).
 */
class CatalogLoaderTest {
  static final Path MESSY = Path.of("core/src/test/resources/catalog/messy");
  static LoadResult result;

  @BeforeAll
  static void load() {
    result = CatalogLoader.load(MESSY, Config.defaults());
  }

  @Test
  void everyRowOfEveryFileIsAccountedFor() {
    QualityReport r = result.report();
    assertThat(r.accountsForEveryRow()).isTrue();
    // courses.csv: 13 records (lines 2, 3, 4-5, 6, ..., 15-16): loaded c1 c2 c3 c8 c9 c10; merged lines 6 and 7;
    // rejected lines 8, 9, 10, 14, 15. Warnings: c99 prerequisite, Elvish, 'seven', '-3', 'Guru', rating 5.5.
    assertThat(r.file("courses.csv")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(13L, 6L, 2L, 5L, 6L);
    // users.csv: u1, u2, u3 loaded; u1 again merged; empty id rejected; u3's level and language warned.
    assertThat(r.file("users.csv")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(5L, 3L, 1L, 1L, 2L);
    // interactions.csv: 16 rows; lines 2, 3, 4, 12, 15, 17 loaded; the other 10 rejected; line 12 warned.
    assertThat(r.file("interactions.csv")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(16L, 6L, 0L, 10L, 1L);
    assertThat(r.file("courses.csv").unknownColumns()).containsExactly("internal_note");
    assertThat(r.file("users.csv").unknownColumns()).containsExactly("age");
    assertThat(r.rejectedTotal()).isEqualTo(16);
  }

  @Test
  void eachBadRowIsReportedWithFileLineAndReason() {
    assertThat(result.report().examples()).extracting(QualityReport.Example::location).containsExactly(
        "courses.csv:4: unknown prerequisite dropped ('c99' of course 'c3')",
        "courses.csv:6: duplicate title and organisation ('c4' merged into 'c1' from line 2)",
        "courses.csv:7: duplicate id (merged into 'c2' from line 3)",
        "courses.csv:8: missing required value (title is empty)",
        "courses.csv:9: missing required value (course_id is empty)",
        "courses.csv:10: wrong number of fields (expected 13 fields, found 3)",
        "courses.csv:11: unrecognised language kept as written ('Elvish')",
        "courses.csv:11: unreadable number dropped (rating 'seven')",
        "courses.csv:11: unreadable number dropped (num_ratings '-3')",
        "courses.csv:12: unrecognised level set to unknown ('Guru')",
        "courses.csv:12: number out of range dropped (rating 5.5 outside [0, 5])",
        "courses.csv:14: empty row",
        "courses.csv:15: malformed CSV (unterminated quoted field starting on this line; the rest of the file is part of it)",
        "users.csv:4: duplicate id (merged into 'u1' from line 2)",
        "users.csv:5: missing required value (user_id is empty)",
        "users.csv:6: unrecognised level set to unknown ('Wizard')",
        "users.csv:6: unrecognised language kept as written ('Elvish')",
        "interactions.csv:5: rate event without rating",
        "interactions.csv:6: rating out of range 1-5 (6)",
        "interactions.csv:7: rating is not a number ('great')",
        "interactions.csv:8: bad timestamp ('yesterday')",
        "interactions.csv:9: unknown course ('c99')",
        "interactions.csv:10: unknown user ('u9' is not in users.csv)",
        "interactions.csv:11: unknown event type ('clicked')",
        "interactions.csv:12: rating on a non-rate event ignored (bookmark with rating 5)",
        "interactions.csv:13: missing required value (user_id is empty)",
        "interactions.csv:14: bad timestamp ('2024-02-30')",
        "interactions.csv:16: bad timestamp ('1704448800000')");
  }

  @Test
  void duplicatesAreMergedByPolicy() {
    Dataset d = result.dataset();
    assertThat(d.courses()).extracting(Course::id).containsExactly("c1", "c2", "c3", "c8", "c9", "c10");
    Course c1 = d.course("c1").orElseThrow();
    // c4 (line 6) has the same title and organisation ("Univ. of Iceland" = "University of Iceland" by the word
    // rule univ = University): skills united, the longer description kept, rating weighted by counts
    // (4.5 x 100 + 4.0 x 300) / 400 = 4.125 -> 4.13, count the larger of 100 and 300.
    assertThat(c1.skills()).containsExactly("Python", "Programming", "Scripting");
    assertThat(c1.description()).isEqualTo("Longer description of python basics");
    assertThat(c1.rating()).isEqualTo(4.13);
    assertThat(c1.numRatings()).isEqualTo(300);
    assertThat(c1.level()).isEqualTo(Level.BEGINNER);
    // c2 again on line 7: the first title stays; (4.0 x 300 + 4.8 x 50) / 350 = 4.1143 -> 4.11.
    Course c2 = d.course("c2").orElseThrow();
    assertThat(c2.title()).isEqualTo("Machine Learning");
    assertThat(c2.organization()).isEqualTo("University of Iceland");
    assertThat(c2.rating()).isEqualTo(4.11);
    assertThat(c2.numRatings()).isEqualTo(300);
    assertThat(c2.skills()).containsExactly("Machine Learning", "Statistics", "Python");
    assertThat(c2.prerequisites()).containsExactly("c1");
  }

  @Test
  void fieldsAreNormalisedAndMissingValuesFollowThePolicy() {
    Dataset d = result.dataset();
    Course c1 = d.course("c1").orElseThrow();
    assertThat(c1.language()).isEqualTo("en");
    assertThat(c1.durationHours()).isEqualTo(30.0); // 6 weeks x 5 h/week default
    assertThat(c1.durationText()).isEqualTo("6 weeks");
    assertThat(d.course("c2").orElseThrow().durationHours()).isEqualTo(30.0); // 3 h/week (2-4) x 10 weeks
    Course c3 = d.course("c3").orElseThrow();
    assertThat(c3.description()).isEqualTo("Line one line two"); // quoted newline kept in one field, then collapsed
    assertThat(c3.language()).isEmpty(); // missing -> catalog.default_language, '' by default
    assertThat(c3.rating()).isNull(); // missing rating stays unknown, never 0
    assertThat(c3.numRatings()).isNull();
    assertThat(c3.prerequisites()).containsExactly("c2"); // c99 dropped
    Course c8 = d.course("c8").orElseThrow();
    assertThat(c8.level()).isEqualTo(Level.ADVANCED); // "Expert Level"
    assertThat(c8.language()).isEqualTo("elvish");
    assertThat(c8.durationHours()).isNull();
    assertThat(c8.durationText()).isEqualTo("Self-paced");
    assertThat(c8.rating()).isNull();
    assertThat(c8.skills()).isEmpty();
    assertThat(c8.description()).isEmpty();
    Course c9 = d.course("c9").orElseThrow();
    assertThat(c9.level()).isEqualTo(Level.UNKNOWN); // "Guru"
    assertThat(c9.rating()).isNull(); // 5.5 out of range
    assertThat(c9.numRatings()).isEqualTo(10);
    assertThat(c9.durationHours()).isEqualTo(8.5);
    assertThat(c9.organization()).isEmpty();
    Course c10 = d.course("c10").orElseThrow();
    assertThat(c10.title()).isEqualTo("Café Society");
    assertThat(c10.skills()).containsExactly("Machine Learning", "Café"); // full-width ＭＬ -> ML -> alias
    assertThat(c10.organization()).isEqualTo("University of Iceland");
    assertThat(c10.level()).isEqualTo(Level.MIXED);
    assertThat(c10.language()).isEqualTo("es");
    assertThat(c10.durationHours()).isEqualTo(1.0); // less than 2 hours -> midpoint of (0, 2]
  }

  @Test
  void learnersAreCleanedAndMerged() {
    Dataset d = result.dataset();
    Learner u1 = d.learner("u1").orElseThrow();
    // interests: "data science" (no course spells it), ML -> Machine Learning, then "statistics" from the merged row
    // shown as the catalog spells it.
    assertThat(u1.interests()).containsExactly("data science", "Machine Learning", "Statistics");
    assertThat(u1.goals()).containsExactly("Python", "Deep Learning");
    assertThat(u1.level()).isEqualTo(Level.BEGINNER);
    assertThat(u1.language()).isEqualTo("en");
    assertThat(d.learner("u2").orElseThrow().language()).isEmpty();
    assertThat(d.learner("u3").orElseThrow().level()).isEqualTo(Level.UNKNOWN);
    assertThat(d.learners()).extracting(Learner::id).containsExactly("u1", "u2", "u3");
  }

  @Test
  void interactionsAreParsedAndMergedCourseIdsRemapped() {
    List<Interaction> events = result.dataset().interactions();
    Instant jan5 = Instant.parse("2024-01-05T10:00:00Z");
    assertThat(events).containsExactly(
        new Interaction("u1", "c1", EventType.VIEW, null, jan5),
        new Interaction("u1", "c1", EventType.ENROLL, null, jan5), // c4 was merged into c1; 1704448800 = jan5
        new Interaction("u2", "c2", EventType.RATE, 4.0, null),
        new Interaction("u1", "c2", EventType.BOOKMARK, null, null),
        new Interaction("u3", "c10", EventType.DISMISS, null, Instant.parse("2024-03-01T00:00:00Z")),
        new Interaction("u1", "c2", EventType.DISMISS, null, null));
    assertThat(result.report().normalization().interactionsRemapped()).isEqualTo(1);
  }

  @Test
  void normalisationStatisticsDescribeTheCatalog() {
    QualityReport.Normalization n = result.report().normalization();
    // skill names as written in cleaned rows: Python, Programming, ML, Statistics, python, Deep Learning,
    // Neural Networks, Scripting, ml, ＭＬ, Café = 11; in the catalog: Python, Programming, Scripting,
    // Machine Learning, Statistics, Deep Learning, Neural Networks, Café = 8; ML, ml, ＭＬ went through the alias.
    assertThat(List.of(n.skillsBefore(), n.skillsAfter(), n.skillNamesAliased())).containsExactly(11, 8, 3);
    // organisations as written: Univ. of Iceland, University of Iceland, Stanford, Some Org, Univ of Iceland = 5;
    // in the catalog: University of Iceland, Stanford (Some Org only on the merged line 7); two via the word rule.
    assertThat(List.of(n.organizationsBefore(), n.organizationsAfter(), n.organizationNamesAliased())).containsExactly(5, 2, 2);
    // durations: lines 2, 3, 4, 7, 12, 13 parsed; "Self-paced" kept; line 6 has none.
    assertThat(List.of(n.durationsParsed(), n.durationsUnparsed(), n.durationsMissing())).containsExactly(6L, 1L, 1L);
    assertThat(n.unparsedDurations()).containsExactly("Self-paced");
    assertThat(n.levels()).extracting(m -> m.from() + "->" + m.to()).containsExactly("Advanced->advanced",
        "All Levels->mixed", "Beginner Level->beginner", "Expert Level->advanced", "Guru->", "Intermediate->intermediate",
        "Introductory->beginner", "Mixed->mixed");
  }

  @Test
  void reportRoundTripsThroughJsonAndPrintsReadably(@TempDir Path tmp) {
    Path json = tmp.resolve("r/quality.json");
    result.report().writeJson(json);
    assertThat(QualityReport.readJson(json)).isEqualTo(result.report());
    String text = result.report().toText();
    assertThat(text).contains("courses.csv                   13         6         2         5         6");
    assertThat(text).contains("interactions.csv:16: bad timestamp ('1704448800000')");
    assertThat(text).contains("skills          11 distinct as written -> 8 after cleaning");
  }

  @Test
  void withoutUsersFileEveryUserIsAccepted(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("courses.csv"), "course_id,title\nc1,One\n");
    Files.writeString(dir.resolve("interactions.csv"), "user_id,course_id,event\nnew-user,c1,view\nx,c2,view\n");
    LoadResult r = CatalogLoader.load(dir, Config.defaults());
    assertThat(r.dataset().learners()).extracting(Learner::id).containsExactly("new-user");
    assertThat(r.report().file("users.csv").present()).isFalse();
    assertThat(r.report().file("interactions.csv")).extracting("loaded", "rejected").containsExactly(1L, 1L);
  }

  @Test
  void fatalProblemsAreOneLineDataExceptions(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("nope"), Config.defaults()))
        .isInstanceOf(DataException.class).hasMessage("data directory not found: " + dir.resolve("nope"));
    assertThatThrownBy(() -> CatalogLoader.load(dir, Config.defaults()))
        .isInstanceOf(DataException.class).hasMessage("courses.csv not found: " + dir.resolve("courses.csv"));
    Files.writeString(dir.resolve("courses.csv"), "course_id,name\nc1,One\n");
    assertThatThrownBy(() -> CatalogLoader.load(dir, Config.defaults()))
        .isInstanceOf(DataException.class).hasMessage("courses.csv: missing required column 'title' (header has: course_id, name)");
    Files.writeString(dir.resolve("courses.csv"), "course_id,title\nc1,One\n");
    Files.writeString(dir.resolve("interactions.csv"), "user,course_id,event\n");
    assertThatThrownBy(() -> CatalogLoader.load(dir, Config.defaults()))
        .hasMessage("interactions.csv: missing required column 'user_id' (header has: user, course_id, event)");
    Files.write(dir.resolve("interactions.csv"), new byte[] {'u', 's', 'e', 'r', '_', 'i', 'd', '\n', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> CatalogLoader.load(dir, Config.defaults()))
        .hasMessageStartingWith("interactions.csv: not valid UTF-8");
  }

  @Test
  void loadCoursesReadsACatalogAlone() {
    LoadResult r = CatalogLoader.loadCourses(MESSY.resolve("courses.csv"), Config.defaults());
    assertThat(r.dataset().courses()).extracting(Course::id).containsExactly("c1", "c2", "c3", "c8", "c9", "c10");
    assertThat(r.dataset().learners()).isEmpty();
    assertThat(r.report().files()).hasSize(1);
    assertThat(r.report().accountsForEveryRow()).isTrue();
  }
}
