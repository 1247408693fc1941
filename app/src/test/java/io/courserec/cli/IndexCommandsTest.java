package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reindex, search and similar through the real command line. */
class IndexCommandsTest {
  @TempDir static Path dir;
  private static Path data;
  private static Path index;

  /**
   * What a command printed and returned, without log lines (the shipped logback configuration writes them to
   * stderr; without one, logback's default appender writes them to stdout).
   */
  record Run(int exit, String out, String err) {}

  private static String withoutLogLines(String s) {
    return s.lines().filter(l -> !l.matches("^\\S*\\d\\d:\\d\\d:\\d\\d\\S* .*(TRACE|DEBUG|INFO|WARN|ERROR) .*"))
        .map(l -> l + "\n").reduce("", String::concat);
  }

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, withoutLogLines(out.toString(StandardCharsets.UTF_8)),
          withoutLogLines(err.toString(StandardCharsets.UTF_8)));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @BeforeAll
  static void writeCatalog() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    index = dir.resolve("index");
    Files.writeString(data.resolve("courses.csv"), """
        course_id,title,description,skills,organization,level,subject,language,duration_hours,rating,num_ratings,url,prerequisites
        sql-1,SQL for Beginners,"Query databases: select, join, aggregate.",SQL|Databases,Stanford University,beginner,Data Science,en,10,4.7,500,,
        sql-2,Advanced SQL,"Window functions and query tuning for databases.",SQL|Databases|Query Optimization,Stanford University,advanced,Data Science,en,25,4.6,400,,sql-1
        cpp-1,C++ Fundamentals,"Pointers, classes and templates in C++.",C++;Programming,Duke University,intermediate,Computer Science,en,40,4.1,90,,
        py-1,Python Basics,Learn Python.,Python|Programming,IBM,beginner,Computer Science,en,12,4.5,900,,
        py-1,Python Basics,Learn Python.,Python|Programming,IBM,beginner,Computer Science,en,12,4.5,900,,
        """);
    Run r = run("reindex", "--data", data.toString(), "--index", index.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("courses.csv: 5 rows read, 1 merged as duplicates, 0 rejected")
        .contains("indexed 4 courses into").contains("gen-000001").contains("generation 1 is now current");
  }

  @Test
  void searchPrintsATableWithMatchedFields() {
    Run r = run("search", "C++", "--index", index.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("cpp-1").contains("C++ Fundamentals").contains("title,skills,description")
        .contains("1 of 1 matching courses").doesNotContain("py-1");
  }

  @Test
  void searchAsJsonWithFiltersAndPaging() throws IOException {
    Run r = run("search", "sql databases", "--index", index.toString(), "--level", "advanced", "--format", "json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("ok");
    assertThat(j.get("total").asInt()).isEqualTo(1);
    assertThat(j.get("hits").get(0).get("course_id").asText()).isEqualTo("sql-2");
    JsonNode page = new ObjectMapper().readTree(run("search", "sql", "--index", index.toString(), "--k", "1",
        "--offset", "1", "--format", "json").out());
    assertThat(page.get("hits")).hasSize(1);
    assertThat(page.get("hits").get(0).get("rank").asInt()).isEqualTo(2);
  }

  @Test
  void searchSaysWhenNothingMatchesOrNothingIsSearchable() {
    assertThat(run("search", "quantum", "--index", index.toString()).out()).contains("no course matches \"quantum\"");
    assertThat(run("search", "sql", "--index", index.toString(), "--subject", "art").out())
        .contains("no course matches \"sql\" with these filters");
    assertThat(run("search", "AND", "--index", index.toString()).out()).contains("no searchable words in \"AND\"");
    assertThat(run("search", "title:(", "--index", index.toString()).exit()).isZero();
  }

  @Test
  void userErrorsAreOneLineWithExitCodeTwo() {
    Run badLevel = run("search", "sql", "--index", index.toString(), "--level", "expert");
    assertThat(badLevel.exit()).isEqualTo(2);
    assertThat(badLevel.err().strip()).isEqualTo("error: unknown level 'expert' (beginner, intermediate, advanced, mixed)");
    Run noIndex = run("search", "sql", "--index", dir.resolve("nowhere").toString());
    assertThat(noIndex.exit()).isEqualTo(2);
    assertThat(noIndex.err()).contains("no index under").contains("reindex").doesNotContain("Exception");
    Run noData = run("reindex", "--data", dir.resolve("nowhere").toString(), "--index", index.toString());
    assertThat(noData.exit()).isEqualTo(2);
    assertThat(noData.err()).contains("no courses.csv");
    assertThat(run("similar", "--course", "nope", "--index", index.toString()).err().strip()).isEqualTo("error: unknown course 'nope'");
    assertThat(run("search", "sql", "--index", index.toString(), "--k", "0").exit()).isEqualTo(2);
  }

  @Test
  void similarListsTheCourseSharingSkillsFirst() {
    Run r = run("similar", "--course", "sql-1", "--index", index.toString(), "--k", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[0]).contains("courses similar to sql-1 (SQL for Beginners)");
    assertThat(lines[2]).contains("sql-2").contains("both teach *databases*, *sql*");
  }
}
