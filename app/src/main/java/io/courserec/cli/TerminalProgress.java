package io.courserec.cli;

import io.courserec.progress.Counter;
import io.courserec.progress.ProgressText;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on a terminal: one status line redrawn in place (carriage return, then erase to the end of the line)
 * shows the current stage with the time since the command started, or a running count as a bar:
 * {@code ranking  [=========>          ]  45%  1,234/2,741  310/s  ETA 0:05}, at most ten times a second. Notes
 * scroll by above it as ordinary lines. When a count ends its bar is erased (the command prints what it did).
 * Several counts may run at once; the line shows the one that moved last.
 */
final class TerminalProgress implements CliProgress {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final String ERASE_LINE = "\r\u001b[K";
  private final PrintWriter out;
  private final int columns;
  private final long start = System.nanoTime();
  private boolean statusShown;

  /** @param columns terminal width; the status line is cut to fit so it never wraps */
  TerminalProgress(PrintWriter out, int columns) {
    this.out = out;
    this.columns = Math.max(40, columns);
  }

  @Override
  public void stage(String message) {
    status(fit(String.format(Locale.ROOT, "%6.1f s  %s", (System.nanoTime() - start) / 1e9, message), columns));
  }

  @Override
  public synchronized void note(String message) {
    clearStatus();
    out.println(message);
    out.flush();
  }

  @Override
  public Counter count(String label, long total) {
    return new Counter(label, total, REDRAW_NANOS, new Counter.Listener() {
      @Override
      public void update(Counter c) {
        status(bar(c, columns));
      }

      @Override
      public void finished(Counter c) {
        synchronized (TerminalProgress.this) {
          clearStatus();
          out.flush();
        }
      }
    });
  }

  @Override
  public synchronized void close() {
    clearStatus();
    out.flush();
  }

  private synchronized void status(String line) {
    out.print(ERASE_LINE + line);
    out.flush();
    statusShown = true;
  }

  private void clearStatus() {
    if (statusShown) out.print(ERASE_LINE);
    statusShown = false;
  }

  /** The status line of a count, shorter than {@code columns} (the last column would wrap on some terminals). */
  static String bar(Counter c, int columns) {
    String rate = ProgressText.rate(c.ratePerSecond());
    if (c.total() <= 0) {
      return fit(String.format(Locale.ROOT, "%s  %,d  %s", c.label(), c.done(), rate), columns);
    }
    String tail = String.format(Locale.ROOT, " %3.0f%%  %,d/%,d  %s  ETA %s", 100 * c.fraction(), c.done(), c.total(),
        rate, Double.isNaN(c.secondsLeft()) ? "?" : ProgressText.clock(c.secondsLeft()));
    String label = c.label();
    int width = Math.min(30, columns - 1 - label.length() - tail.length() - 4);
    if (width < 10) { // a long label gives way to the bar and the numbers
      label = fit(label, Math.max(8, columns - 1 - tail.length() - 14));
      width = Math.max(0, Math.min(30, columns - 1 - label.length() - tail.length() - 4));
    }
    int filled = (int) Math.round(width * c.fraction());
    StringBuilder sb = new StringBuilder(label).append("  [");
    for (int i = 0; i < width; i++) sb.append(i < filled ? '=' : i == filled ? '>' : ' ');
    sb.append(']').append(tail);
    return fit(sb.toString(), columns);
  }

  /** The text cut to fewer than {@code columns} characters, with an ellipsis when cut. */
  static String fit(String s, int columns) {
    return s.length() < columns ? s : s.substring(0, Math.max(0, columns - 2)) + "…";
  }
}
