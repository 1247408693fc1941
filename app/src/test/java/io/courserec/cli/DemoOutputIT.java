package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --no-serve} on the bundled sample, run in-process as a user runs it (training included, output not a
 * terminal, so progress comes as plain lines): everything it prints on stdout and stderr fits on two screens and
 * holds no log line; the log went to the log file instead.
 */
class DemoOutputIT {
  /** Two screens of 50 lines at 120 columns; a longer line counts as the rows it wraps onto. */
  private static final int MAX_ROWS = 100;
  private static final int COLUMNS = 120;
  /** Our logback pattern (ISO time, level) and java.util.logging's default two-line format. */
  static final Pattern LOG_LINE = Pattern.compile(
      "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*\\b(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*"
          + "|^[A-Z][a-z]{2} \\d\\d, \\d{4} .*[AP]M .*|^(SEVERE|WARNING|INFO|FINE): .*"
          + "|.*\\|-(INFO|WARN|ERROR) in .*"); // logback's own status lines

  @TempDir Path dir;

  @Test
  void demoFitsOnTwoScreensWithoutLogLines() throws IOException {
    Path log = dir.resolve("logs/demo.log");
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    int code;
    try (PrintStream capture = new PrintStream(both, true, StandardCharsets.UTF_8)) {
      System.setOut(capture); // one stream, as a terminal shows stdout and stderr interleaved
      System.setErr(capture);
      code = Main.run("demo", "--no-serve", "--data", "data/sample", "--models", dir.resolve("models").toString(),
          "--index", dir.resolve("index").toString(), "--log-file", log.toString(),
          "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("feedback.db"));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String text = both.toString(StandardCharsets.UTF_8);
    oldOut.println(text);
    assertThat(code).as(text).isZero();
    List<String> lines = text.lines().toList();
    assertThat(lines).as("log-format lines in the demo output").noneMatch(l -> LOG_LINE.matcher(l).matches());
    int rows = lines.stream().mapToInt(l -> Math.max(1, (l.length() + COLUMNS - 1) / COLUMNS)).sum();
    assertThat(rows).as("rows at %d columns", COLUMNS).isLessThanOrEqualTo(MAX_ROWS);
    assertThat(text).contains("== a learner with a rich history").contains("== a learner with a short history")
        .contains("== a new learner who only declared interests").contains("== search").contains("== courses similar")
        .contains("   holdout  ").contains("trained v-");
    // the log went to the file: the loader's line, the build's stages and Lucene's java.util.logging line
    String logged = Files.readString(log);
    assertThat(logged).contains("i.c.catalog.CatalogLoader - loaded data/sample").contains("loading the catalog")
        .contains("training on");
  }
}
