package io.courserec.cli;

import io.courserec.progress.Counter;
import io.courserec.progress.ProgressText;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress as plain lines, for output that is not a terminal (a pipe, a file, CI). Every line starts with the time
 * since the command started. Stages are thinned out: one prints only when {@code intervalSeconds} have passed since
 * the last stage line, and never more than {@code maxStageLines} in all (the log file keeps every stage); notes
 * always print; a running count prints a line at most every interval, and a count that took longer than that prints
 * one summary line when it ends; count lines are transient like stages and share the {@code maxStageLines} budget.
 * No control characters, so the output stays greppable.
 */
final class LineProgress implements CliProgress {
  private final PrintWriter out;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private final String prefix;
  private final int maxStageLines;
  private long lastStage = Long.MIN_VALUE;
  private int stageLines;

  /**
   * @param prefix put before every line, e.g. "train: " (empty for none)
   * @param intervalSeconds least time between two stage lines, and between two lines of one count
   */
  LineProgress(PrintWriter out, String prefix, double intervalSeconds) {
    this(out, prefix, intervalSeconds, Integer.MAX_VALUE);
  }

  /** @param maxStageLines most stage lines printed in all (the demo keeps its output to two screens) */
  LineProgress(PrintWriter out, String prefix, double intervalSeconds, int maxStageLines) {
    this.out = out;
    this.maxStageLines = maxStageLines;
    this.prefix = prefix;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
  }

  @Override
  public synchronized void stage(String message) {
    long now = System.nanoTime();
    if (stageLines >= maxStageLines || (lastStage != Long.MIN_VALUE && now - lastStage < intervalNanos)) return;
    lastStage = now;
    stageLines++;
    line(message);
  }

  @Override
  public void note(String message) {
    line(message);
  }

  @Override
  public Counter count(String label, long total) {
    return new Counter(label, total, intervalNanos, new Counter.Listener() {
      @Override
      public void update(Counter c) {
        transientLine(ProgressText.running(c));
      }

      @Override
      public void finished(Counter c) {
        if (c.elapsedSeconds() * 1e9 >= intervalNanos) transientLine(ProgressText.finished(c));
      }
    });
  }

  @Override
  public void close() { } // nothing is drawn in place

  /** A count's line, within the budget of stage lines. */
  private synchronized void transientLine(String s) {
    if (stageLines >= maxStageLines) return;
    stageLines++;
    line(s);
  }

  private synchronized void line(String s) {
    out.printf(Locale.ROOT, "%s[%6.1f s] %s%n", prefix, (System.nanoTime() - start) / 1e9, s);
    out.flush();
  }
}
