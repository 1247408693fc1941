package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar in a process of its own, as the launcher runs it: logback starts from scratch there (in-process
 * tests start from logback-test.xml), so this is where a logging configuration that prints its own status, opens
 * the default file despite {@code --log-file}, or writes log lines to the terminal would show.
 */
class QuietLauncherIT {
  private static final Path JAR = Path.of("target/courserec.jar").toAbsolutePath();
  private static final Path DATA = Path.of("app/src/test/resources/engine/small").toAbsolutePath();

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    // the process runs in a temporary directory: name the alias file the default configuration points at
    cmd.addAll(List.of("--set", "catalog.aliases=" + Path.of("config/aliases.txt").toAbsolutePath()));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aCommandPrintsItsResultAndLogsOnlyToTheFileItWasGiven() throws Exception {
    Path log = dir.resolve("elsewhere/run.log");
    Result quiet = run("validate", "--data", DATA.toString(), "--report", dir.resolve("q.json").toString(),
        "--log-file", log.toString());
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.out()).contains("courses"); // the quality report
    assertThat((quiet.out() + quiet.err()).lines()).as("log lines on the terminal")
        .noneMatch(l -> DemoOutputIT.LOG_LINE.matcher(l).matches());
    assertThat(Files.readString(log)).contains("i.c.catalog.CatalogLoader - loaded");
    assertThat(dir.resolve("logs")).as("the default log file is not opened when another is given").doesNotExist();

    Result verbose = run("validate", "--data", DATA.toString(), "--report", dir.resolve("v.json").toString(),
        "--log-file", log.toString(), "--verbose");
    assertThat(verbose.exit()).isZero();
    assertThat(verbose.err().lines()).anyMatch(l -> DemoOutputIT.LOG_LINE.matcher(l).matches()
        && l.contains("CatalogLoader"));
  }

  @Test
  void withoutAnOptionTheLogGoesToLogsCourserecLog() throws Exception {
    Result r = run("validate", "--data", DATA.toString(), "--report", dir.resolve("d.json").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(dir.resolve("logs/courserec.log"))).contains("CatalogLoader - loaded");
  }
}
