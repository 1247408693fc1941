package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  @TempDir
  Path dir;

  private static final List<Course> COURSES = List.of(
      new Course("c1", "Law, \"Order\" & Ethics", "Cases, statutes; and \"quotes\"", List.of("Law, Regulation, and Compliance"),
          "Université de Montréal", Level.ADVANCED, "Law", "fr", 43.5, "1 - 3 Months", 4.65, 1200, "https://x/y?a=1,2",
          List.of()),
      new Course("c2", "Pipes", "", List.of("A|B", "C; D", "Ｗide"), "", Level.UNKNOWN, "", "", null, "Self-paced", null,
          null, "", List.of("c1")),
      new Course("c3", "Plain", "d", List.of("Python", "SQL"), "Org", Level.MIXED, "CS", "en", 12.0, "", 3.0, 0, "",
          List.of("c1", "c2")));

  @Test
  void coursesUsersAndInteractionsRoundTripThroughTheLoader() throws IOException {
    List<Learner> learners = List.of(new Learner("u1", List.of("data science"), List.of("Python", "SQL"), Level.BEGINNER, "en"),
        new Learner("u2", List.of(), List.of(), Level.UNKNOWN, ""));
    List<Interaction> events = List.of(
        new Interaction("u1", "c1", EventType.RATE, 4.5, Instant.parse("2024-05-01T08:30:00Z")),
        new Interaction("u2", "c3", EventType.VIEW, null, null));
    CsvWriter.writeCourses(dir.resolve("courses.csv"), COURSES);
    CsvWriter.writeUsers(dir.resolve("users.csv"), learners);
    CsvWriter.writeInteractions(dir.resolve("interactions.csv"), events);

    LoadResult r = CatalogLoader.load(dir, CleaningRules.withoutAliases(Config.defaults()));
    assertThat(r.report().rejectedTotal()).isZero();
    assertThat(r.report().mergedTotal()).isZero();
    assertThat(r.report().examples()).isEmpty();
    Course c2 = r.dataset().course("c2").orElseThrow();
    // '|' inside an element is written as '/', NFKC applies on reading; everything else comes back unchanged
    assertThat(c2.skills()).containsExactly("A/B", "C; D", "Wide");
    assertThat(r.dataset().courses().get(0)).isEqualTo(COURSES.get(0));
    assertThat(r.dataset().courses().get(2)).isEqualTo(COURSES.get(2));
    assertThat(c2).usingRecursiveComparison().ignoringFields("skills").isEqualTo(COURSES.get(1));
    assertThat(r.dataset().learners()).isEqualTo(learners);
    assertThat(r.dataset().interactions()).isEqualTo(events);
  }

  @Test
  void writesTheCanonicalHeaderAndQuotesOnlyWhereNeeded() throws IOException {
    CsvWriter.writeCourses(dir.resolve("courses.csv"), COURSES.subList(2, 3));
    assertThat(Files.readAllLines(dir.resolve("courses.csv"))).containsExactly(
        "course_id,title,description,skills,organization,level,subject,language,duration_hours,duration_text,rating,num_ratings,url,prerequisites",
        "c3,Plain,d,Python|SQL,Org,mixed,CS,en,12,,3,0,,c1|c2");
  }

  @Test
  void listsAreJoinedSoTheReaderSplitsThemBack() {
    assertThat(CsvWriter.list(List.of("a", "b"))).isEqualTo("a|b");
    assertThat(CsvWriter.list(List.of("Law, Regulation"))).isEqualTo("Law, Regulation|");
    assertThat(FieldValues.list(CsvWriter.list(List.of("Law, Regulation")))).containsExactly("Law, Regulation");
    assertThat(CsvWriter.list(List.of())).isEmpty();
    assertThat(CsvWriter.number(4.650)).isEqualTo("4.65");
    assertThat(CsvWriter.number(12.0)).isEqualTo("12");
  }
}
