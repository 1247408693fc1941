package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.progress.Counter;
import io.courserec.progress.ProgressText;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two progress renderers: what a terminal and what a pipe see. */
class ProgressDisplayTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesThinOutStagesButKeepNotesAndHaveNoControlCharacters() {
    LineProgress p = new LineProgress(out, "train: ", 3600);
    p.stage("loading the catalog");
    p.stage("reading stored feedback"); // within the hour: thinned out
    p.note("pop: NDCG@10 0.1000");
    try (Counter c = p.count("learners", 10)) {
      c.advance(10); // an hour between count lines, and it ended sooner: no line
    }
    List<String> lines = text().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("train: \\[ +\\d+\\.\\d s\\] loading the catalog");
    assertThat(lines.get(1)).matches("train: \\[ +\\d+\\.\\d s\\] pop: NDCG@10 0\\.1000");
    assertThat(text()).doesNotContain("\r").doesNotContain("\u001b");
  }

  @Test
  void linesStopAfterTheMostStageLines() {
    LineProgress p = new LineProgress(out, "", 0, 2);
    for (int i = 0; i < 5; i++) p.stage("stage " + i);
    p.note("still shown");
    assertThat(text().lines().map(l -> l.replaceFirst("^\\[ *\\d+\\.\\d s\\] ", "")).toList())
        .containsExactly("stage 0", "stage 1", "still shown");
  }

  @Test
  void linesReportARunningCountWithRateAndTimeLeft() {
    LineProgress p = new LineProgress(out, "", 0); // every advance may print
    try (Counter c = p.count("ranking", 4)) {
      c.advance();
    }
    assertThat(text()).containsPattern("ranking 1/4 \\(25%\\), [\\d,.]+/s, about \\d+:\\d\\d left")
        .containsPattern("ranking: 1 in \\d+\\.\\d s");
  }

  @Test
  void terminalDrawsOneStatusLineInPlaceAndErasesItBeforeNotes() {
    TerminalProgress p = new TerminalProgress(out, 80);
    p.stage("tuning");
    p.note("itemknn: NDCG@10 0.2500");
    p.close();
    // the stage is drawn after an erase, then erased again before the note, which is a whole line
    assertThat(text()).matches("(?s)\r\u001b\\[K +\\d+\\.\\d s  tuning\r\u001b\\[Kitemknn: NDCG@10 0\\.2500\n");
  }

  @Test
  void barFitsTheWidthAndShowsShareDoneRateAndEta() {
    Counter c = new Counter("ranking", 200, Long.MAX_VALUE, Counter.Listener.SILENT);
    c.advance(90);
    String bar = TerminalProgress.bar(c, 100);
    assertThat(bar.length()).isLessThan(100);
    // 30-character bar, 90/200 = 45 % -> round(13.5) = 14 filled, then the '>' head
    assertThat(bar).startsWith("ranking  [" + "=".repeat(14) + ">" + " ".repeat(15) + "]  45%  90/200  ")
        .containsPattern("ETA \\d+:\\d\\d$");
    Counter longLabel = new Counter("x".repeat(120), 10, Long.MAX_VALUE, Counter.Listener.SILENT);
    String cut = TerminalProgress.bar(longLabel, 60);
    assertThat(cut.length()).isLessThan(60);
    assertThat(cut).contains("…").contains("0/10"); // the label gives way; the numbers stay
  }

  @Test
  void clockAndRateReadLikeAPerson() {
    assertThat(ProgressText.clock(65)).isEqualTo("1:05");
    assertThat(ProgressText.clock(3725)).isEqualTo("1:02:05");
    assertThat(ProgressText.rate(2.345)).isEqualTo("2.3/s");
    assertThat(ProgressText.rate(12345.6)).isEqualTo("12,346/s");
  }
}
