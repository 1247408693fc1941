package io.courserec.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's report directory: {@code results.json} (the whole {@link ExperimentReport}), {@code results.md}
 * ({@link MarkdownReport}), the PNG charts ({@link ReportCharts}) and {@code index.html}, the whole report as one
 * self-contained page ({@link HtmlReport}).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes the report files into {@code dir} (created if needed) and returns them. */
  public static List<Path> write(ExperimentReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    Path json = dir.resolve("results.json");
    Files.writeString(json, ReportJson.pretty(report) + "\n", StandardCharsets.UTF_8);
    out.add(json);
    Path md = dir.resolve("results.md");
    Files.writeString(md, MarkdownReport.render(report), StandardCharsets.UTF_8);
    out.add(md);
    out.addAll(ReportCharts.write(report, dir));
    Path html = dir.resolve("index.html");
    Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    out.add(html);
    return out;
  }
}
