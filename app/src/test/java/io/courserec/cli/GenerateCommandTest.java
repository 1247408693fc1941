package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Course;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.LoadResult;
import io.courserec.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void writesTheThreeFilesAndSummarises() throws IOException {
    Path dir = tmp.resolve("a");
    int code = Main.run("generate", "--out", dir.toString(), "--courses", "40", "--users", "200", "--seed", "3");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("40 courses, 200 users (");
    for (String f : new String[] {"courses.csv", "users.csv", "interactions.csv"}) {
      assertThat(dir.resolve(f)).isRegularFile();
      assertThat(dir.resolve(f + ".tmp")).doesNotExist();
    }
    // the seed defaults to the configuration key, so --set seed=3 gives the same bytes as --seed 3
    Path viaConfig = tmp.resolve("b");
    assertThat(Main.run("generate", "--out", viaConfig.toString(), "--courses", "40", "--users", "200",
        "--set", "seed=3", "--threads", "1")).isZero();
    assertThat(Files.mismatch(dir.resolve("interactions.csv"), viaConfig.resolve("interactions.csv"))).isEqualTo(-1L);
  }

  @Test
  void badValuesAreOneLineErrors() {
    assertThat(Main.run("generate", "--out", tmp.toString(), "--users", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: users must be in [1, 50000000], got 0");
    assertThat(Main.run("generate", "--out", tmp.toString(), "--catalog", tmp.resolve("none.csv").toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: catalog file not found: ")
        .doesNotContain("Exception");
  }

  @Test
  void regimesPrintTheLogShapeAndNoPrerequisitesWritesTheTruth() throws IOException {
    Path dir = tmp.resolve("r");
    int code = Main.run("generate", "--out", dir.toString(), "--courses", "60", "--users", "200", "--seed", "3",
        "--regime", "strong-sequences,short-histories", "--no-prerequisites");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("interactions.csv, prerequisites-truth.csv: 60 courses, 200 users (")
        .contains("log shape: 60 courses, 200 learners", "popularity of taken courses: Gini ",
            "courses taken per learner: median ", "events: view 0.0%, bookmark 0.0%, enroll 100.0%",
            "next course is the most frequent successor of the previous one: ");
    assertThat(Files.readAllLines(dir.resolve("prerequisites-truth.csv")).get(0)).isEqualTo("course_id,prerequisite_id");
    LoadResult loaded = CatalogLoader.load(dir, Config.defaults());
    assertThat(loaded.dataset().courses()).allSatisfy(c -> assertThat(c.prerequisites()).isEmpty());
  }

  @Test
  void unknownOrClashingRegimesAreOneLineErrors() {
    assertThat(Main.run("generate", "--out", tmp.toString(), "--regime", "sparse")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: unknown regime 'sparse'; expected one of default, ");
    assertThat(Main.run("generate", "--out", tmp.toString(), "--regime", "ratings-only,short-histories")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: regimes ratings-only and short-histories cannot be combined: both set the log of the model")
        .doesNotContain("Exception");
  }

  @Test
  void catalogOptionSimulatesLearnersOnTheCleanedCatalog() throws IOException {
    // six rows, one an exact duplicate of c1 (merged by the loader), so five courses in two subjects
    Path catalog = tmp.resolve("catalog.csv");
    Files.writeString(catalog, """
        course_id,title,description,skills,organization,level,subject,language,num_ratings,rating,prerequisites
        c1,Intro to SQL,Hands-on labs with queries,SQL|Joins,Datapoint Labs,Introductory,Data,English,900,4.7,
        c2,Advanced SQL,Window functions in practice,SQL|Window Functions,Datapoint Labs,advanced,Data,en,100,4.4,c1
        c3,Python Basics,Concepts and principles,Python|Functions,Northbridge University,beginner,Programming,en,500,4.6,
        c4,Python Projects,Build real-world projects,Python|Testing,Codehaven Bootcamp,intermediate,Programming,en,50,4.2,c3
        c5,Statistics,Probability theory,Statistics|Probability,Northbridge University,beginner,Data,en,,,
        c1,Intro to SQL,Hands-on labs with queries,SQL|Joins,Datapoint Labs,Introductory,Data,English,900,4.7,
        """);
    Path dir = tmp.resolve("out");
    int code = Main.run("generate", "--out", dir.toString(), "--users", "300", "--seed", "9", "--catalog",
        catalog.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("5 courses after cleaning (1 rows merged, 0 rejected");
    LoadResult loaded = CatalogLoader.load(dir, Config.defaults());
    assertThat(loaded.report().rejectedTotal()).isZero();
    Set<String> ids = loaded.dataset().courses().stream().map(Course::id).collect(Collectors.toSet());
    assertThat(ids).containsExactlyInAnyOrder("c1", "c2", "c3", "c4", "c5");
    assertThat(loaded.dataset().course("c1").orElseThrow().level().code()).isEqualTo("beginner");
    Set<String> used = loaded.dataset().interactions().stream().map(Interaction::courseId).collect(Collectors.toSet());
    assertThat(used).isSubsetOf(ids).hasSizeGreaterThanOrEqualTo(4);
    assertThat(loaded.dataset().numLearners()).isEqualTo(300);
  }
}
