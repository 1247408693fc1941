package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.QualityReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  static final String MESSY = "core/src/test/resources/catalog/messy";

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
  void printsTheReportAndWritesJson() {
    Path json = tmp.resolve("q.json");
    int code = Main.run("validate", "--data", MESSY, "--report", json.toString());
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("interactions.csv              16         6         0        10         1")
        .contains("courses.csv:15: malformed CSV")
        .contains("JSON report written to " + json);
    QualityReport r = QualityReport.readJson(json);
    assertThat(r.rejectedTotal()).isEqualTo(16);
  }

  @Test
  void strictTurnsRejectedRowsIntoExitCodeOne() throws IOException {
    assertThat(Main.run("validate", "--strict", "--data", MESSY, "--report", tmp.resolve("a.json").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("strict: 16 rows rejected");
    Path clean = Files.createDirectory(tmp.resolve("clean"));
    Files.writeString(clean.resolve("courses.csv"), "course_id,title\nc1,One\n");
    assertThat(Main.run("validate", "--strict", "--data", clean.toString(), "--report", tmp.resolve("b.json").toString())).isZero();
  }

  @Test
  void fatalDataProblemIsOneLineAndExitCodeTwo() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("d"));
    Files.writeString(dir.resolve("courses.csv"), "id,title\n1,x\n");
    int code = Main.run("validate", "--data", dir.toString(), "--report", tmp.resolve("c.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("error: courses.csv: missing required column 'course_id' (header has: id, title)");
  }
}
