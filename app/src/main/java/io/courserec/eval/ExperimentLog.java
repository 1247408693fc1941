package io.courserec.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The experiment log: one JSON object per line (JSON Lines), one line per {@code evaluate} run, appended and never
 * rewritten. Each line is a whole {@link ExperimentReport} (timestamp, data hash, config hash, seed, git commit,
 * evaluation settings, split sizes, every metric, timings), so runs can be compared with {@code jq} long after the
 * report directories are gone. The default file is {@code reports/experiments.jsonl}.
 */
public final class ExperimentLog {
  private ExperimentLog() {}

  /** Appends the report as one line to {@code file}, creating the file and its directories when needed. */
  public static void append(ExperimentReport report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, ReportJson.line(report) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }
}
