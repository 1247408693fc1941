package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir
  Path tmp;

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
  void importsAndReportsWhatCleaningDid() {
    Path json = tmp.resolve("import.json");
    int code = Main.run("import", "--format", "Coursera", "core/src/test/resources/catalog/import/coursera-sample.csv",
        "--out", tmp.resolve("data").toString(), "--report", json.toString());
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("coursera-sample.csv            6         3         2         1         0")
        .contains("wrote 3 courses to " + tmp.resolve("data/courses.csv"));
    assertThat(QualityReport.readJson(json).mergedTotal()).isEqualTo(2);
    assertThat(CatalogLoader.load(tmp.resolve("data"), Config.defaults()).dataset().numCourses()).isEqualTo(3);
  }

  @Test
  void unknownFormatAndMissingFileAreUserErrors() {
    assertThat(Main.run("import", "--format", "udemy", "x.csv", "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: unknown format 'udemy': expected coursera, edx, interactions or movielens");
    assertThat(Main.run("import", "--format", "edx", tmp.resolve("none.csv").toString(), "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: none.csv not found: " + tmp.resolve("none.csv"));
  }
}
